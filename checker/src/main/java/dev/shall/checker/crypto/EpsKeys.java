package dev.shall.checker.crypto;

/**
 * The key derivations of TS 33.401 Annex A, all on the generic KDF of TS 33.220 B.2. FC values
 * and parameter layouts are from TS 33.401 Annex A (clauses cited per method; A.16's FC 0x1E
 * rests on one secondary source, see ../shared/research/crypto-facts.md section 6).
 */
public final class EpsKeys {

	private EpsKeys() {
	}

	/** A.2: KASME from CK || IK, the serving network identity (3 octets) and SQN xor AK (6 octets). */
	public static byte[] kasme(byte[] ck, byte[] ik, byte[] servingNetworkId, byte[] sqnXorAk) {
		requireLength("SN id", servingNetworkId, 3);
		requireLength("SQN xor AK", sqnXorAk, 6);
		return Kdf.derive(Bytes.concat(ck, ik), 0x10, servingNetworkId, sqnXorAk);
	}

	/** A.3: KeNB from KASME and the 32-bit uplink NAS COUNT. */
	public static byte[] kenb(byte[] kasme, long uplinkNasCount) {
		return Kdf.derive(kasme, 0x11, Bytes.bigEndian(uplinkNasCount, 4));
	}

	/** A.4: NH from KASME and the SYNC-input (the fresh KeNB for the first NH, then the previous NH). */
	public static byte[] nh(byte[] kasme, byte[] syncInput) {
		requireLength("SYNC-input", syncInput, 32);
		return Kdf.derive(kasme, 0x12, syncInput);
	}

	/**
	 * A.5: KeNB* from the current KeNB or NH, the target PCI and EARFCN-DL; the EARFCN-DL takes two
	 * octets up to 65535 and three octets above (up to 262143).
	 */
	public static byte[] kenbStar(byte[] key, int pci, int earfcnDl) {
		if (pci < 0 || pci > 503) {
			throw new IllegalArgumentException("a PCI is 0..503, not " + pci);
		}
		if (earfcnDl < 0 || earfcnDl > 262143) {
			throw new IllegalArgumentException("an EARFCN-DL is 0..262143, not " + earfcnDl);
		}
		return Kdf.derive(key, 0x13, Bytes.bigEndian(pci, 2), Bytes.bigEndian(earfcnDl, earfcnDl <= 0xffff ? 2 : 3));
	}

	/**
	 * A.7: an algorithm key (KNASenc, KNASint, KRRCenc, KRRCint, KUPenc, KUPint) from KASME or KeNB:
	 * the 128 least significant bits, i.e. the last 16 octets, of the KDF output.
	 */
	public static byte[] algorithmKey(byte[] key, AlgorithmType type, int algorithmIdentity) {
		if (algorithmIdentity < 0 || algorithmIdentity > 15) {
			throw new IllegalArgumentException("an algorithm identity is 4 bits (0..15), not " + algorithmIdentity);
		}
		byte[] full = Kdf.derive(key, 0x15, new byte[] { (byte) type.distinguisher() },
				new byte[] { (byte) algorithmIdentity });
		return Bytes.last(full, 16);
	}

	/** A.15 (clause E.2.4): S-KeNB from the MeNB's KeNB and the 16-bit SCG Counter. */
	public static byte[] sKenb(byte[] kenb, int scgCounter) {
		return Kdf.derive(kenb, 0x1C, counter("SCG Counter", scgCounter));
	}

	/** A.16: LWIP-PSK from KeNB and the 16-bit LWIP Counter. */
	public static byte[] lwipPsk(byte[] kenb, int lwipCounter) {
		return Kdf.derive(kenb, 0x1E, counter("LWIP Counter", lwipCounter));
	}

	private static byte[] counter(String name, int value) {
		if (value < 0 || value > 0xffff) {
			throw new IllegalArgumentException("the " + name + " is 16 bits (0..65535), not " + value);
		}
		return Bytes.bigEndian(value, 2);
	}

	private static void requireLength(String name, byte[] value, int octets) {
		if (value.length != octets) {
			throw new IllegalArgumentException(name + " is " + octets + " octets, not " + value.length);
		}
	}
}
