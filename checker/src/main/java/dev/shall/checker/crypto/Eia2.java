package dev.shall.checker.crypto;

/**
 * 128-EIA2 (TS 33.401 B.2.3): AES-CMAC over COUNT || BEARER || DIRECTION || 0^26 || MESSAGE,
 * the MAC being the 32 most significant bits of the CMAC output.
 */
public final class Eia2 implements EpsIntegrity {

	@Override
	public byte[] mac(EpsParameters parameters, BitString message) {
		byte[] input = Bytes.concat(parameters.header(), message.bytes());
		byte[] tag = BitCmac.mac(parameters.key(), new BitString(input, 64 + message.bitLength()));
		return java.util.Arrays.copyOf(tag, 4);
	}

	@Override
	public int identity() {
		return 2;
	}
}
