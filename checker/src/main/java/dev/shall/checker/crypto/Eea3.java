package dev.shall.checker.crypto;

/**
 * 128-EEA3 (TS 33.401 B.1.4; ETSI/SAGE "Specification of the 3GPP Confidentiality and Integrity
 * Algorithms 128-EEA3 & 128-EIA3", Document 1, clause 3): the ZUC keystream with
 * IV = COUNT || BEARER || DIRECTION || 0^26, repeated.
 */
public final class Eea3 implements EpsCipher {

	@Override
	public BitString apply(EpsParameters parameters, BitString input) {
		byte[] iv = new byte[16];
		byte[] header = parameters.header();
		System.arraycopy(header, 0, iv, 0, 8);
		System.arraycopy(header, 0, iv, 8, 8);
		byte[] data = input.bytes();
		byte[] keystream = Zuc.keystream(parameters.key(), iv, (data.length + 3) / 4 * 4);
		for (int i = 0; i < data.length; i++) {
			data[i] ^= keystream[i];
		}
		return new BitString(data, input.bitLength());
	}

	@Override
	public int identity() {
		return 3;
	}
}
