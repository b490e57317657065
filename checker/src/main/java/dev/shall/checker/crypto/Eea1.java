package dev.shall.checker.crypto;

/**
 * 128-EEA1 (TS 33.401 B.1.2): UEA2 / f8 of TS 35.215 on SNOW 3G with the EPS inputs, the 128-bit
 * key as CK and IV3 = IV1 = COUNT, IV2 = IV0 = BEARER || DIRECTION || 0^26.
 */
public final class Eea1 implements EpsCipher {

	@Override
	public BitString apply(EpsParameters parameters, BitString input) {
		int count = (int) parameters.count();
		int fresh = parameters.bearer() << 27 | parameters.direction() << 26;
		Snow3g snow = new Snow3g(Snow3g.keyWords(parameters.key()), new int[] { fresh, count, fresh, count });
		byte[] data = input.bytes();
		for (int i = 0; i < data.length; i += 4) {
			int z = snow.next();
			for (int j = 0; j < 4 && i + j < data.length; j++) {
				data[i + j] ^= (byte) (z >>> (24 - 8 * j));
			}
		}
		return new BitString(data, input.bitLength());
	}

	@Override
	public int identity() {
		return 1;
	}
}
