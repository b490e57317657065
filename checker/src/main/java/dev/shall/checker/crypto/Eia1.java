package dev.shall.checker.crypto;

/**
 * 128-EIA1 (TS 33.401 B.2.2): UIA2 / f9 of TS 35.215 on SNOW 3G, with FRESH replaced by
 * BEARER || 0^27. The MAC is a polynomial evaluation over GF(2^64) (reduction constant 0x1B) of
 * the message's 64-bit blocks at P = z1 || z2, closed with LENGTH and Q = z3 || z4, masked by z5.
 */
public final class Eia1 implements EpsIntegrity {

	@Override
	public byte[] mac(EpsParameters parameters, BitString message) {
		int count = (int) parameters.count();
		int fresh = parameters.bearer() << 27;
		int direction = parameters.direction();
		Snow3g snow = new Snow3g(Snow3g.keyWords(parameters.key()),
				new int[] { fresh ^ direction << 15, count ^ direction << 31, fresh, count });
		long p = (long) snow.next() << 32 | snow.next() & 0xffffffffL;
		long q = (long) snow.next() << 32 | snow.next() & 0xffffffffL;
		int z5 = snow.next();
		int length = message.bitLength();
		byte[] padded = java.util.Arrays.copyOf(message.bytes(), ((length + 63) / 64) * 8);
		long eval = 0;
		for (int block = 0; block < padded.length / 8; block++) {
			long m = 0;
			for (int i = 0; i < 8; i++) {
				m = m << 8 | padded[8 * block + i] & 0xff;
			}
			eval = multiply(eval ^ m, p);
		}
		eval ^= length;
		eval = multiply(eval, q);
		return Bytes.bigEndian(((eval >>> 32) ^ z5) & 0xffffffffL, 4);
	}

	/** MUL64 (TS 35.215 4.3): V times P in GF(2^64) with the reduction constant 0x1B. */
	private static long multiply(long v, long p) {
		long result = 0;
		for (int i = 0; i < 64; i++) {
			if ((p >>> i & 1) != 0) {
				result ^= v;
			}
			v = (v << 1) ^ (v < 0 ? 0x1BL : 0);
		}
		return result;
	}

	@Override
	public int identity() {
		return 1;
	}
}
