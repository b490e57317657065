package dev.shall.checker.crypto;

/** The EPS algorithms by identity (TS 33.401 5.1.3.2 and 5.1.4.2); EEA0/EIA0 protect nothing. */
public final class EpsAlgorithms {

	private EpsAlgorithms() {
	}

	public static EpsCipher cipher(int identity) {
		return switch (identity) {
		case 1 -> new Eea1();
		case 2 -> new Eea2();
		case 3 -> new Eea3();
		default -> throw new IllegalArgumentException("128-EEA" + identity + " is not an EPS ciphering algorithm"
				+ " with a keystream (1, 2 or 3)");
		};
	}

	public static EpsIntegrity integrity(int identity) {
		return switch (identity) {
		case 1 -> new Eia1();
		case 2 -> new Eia2();
		case 3 -> new Eia3();
		default -> throw new IllegalArgumentException("128-EIA" + identity + " is not an EPS integrity algorithm"
				+ " with a MAC (1, 2 or 3)");
		};
	}
}
