package dev.shall.checker.crypto;

/**
 * The SNOW 3G keystream generator, written from ETSI/SAGE "Specification of the 3GPP
 * Confidentiality and Integrity Algorithms UEA2 & UIA2, Document 2: SNOW 3G Specification"
 * (TS 35.216), because BouncyCastle has none. Its S-boxes are computed rather than transcribed:
 * S_R is the AES S-box (Document 2, 3.3.1), S_Q is the Dickson polynomial
 * g49(x) = x + x^9 + x^13 + x^15 + x^33 + x^41 + x^45 + x^47 + x^49 over GF(2^8) modulo
 * x^8 + x^6 + x^5 + x^3 + 1, plus 0x25 (3.3.2). Validated on the 128-EEA1/EIA1 test data.
 */
final class Snow3g {

	private static final int[] SR = new int[256];
	private static final int[] SQ = new int[256];
	private static final int[] MUL_ALPHA = new int[256];
	private static final int[] DIV_ALPHA = new int[256];

	static {
		for (int x = 0; x < 256; x++) {
			SR[x] = aesSbox(x);
			int g = 0;
			for (int e : new int[] { 1, 9, 13, 15, 33, 41, 45, 47, 49 }) {
				g ^= power(x, e, 0x169);
			}
			SQ[x] = g ^ 0x25;
			// Document 2, 3.4.2 and 3.4.3
			MUL_ALPHA[x] = mulxPow(x, 23, 0xA9) << 24 | mulxPow(x, 245, 0xA9) << 16 | mulxPow(x, 48, 0xA9) << 8
					| mulxPow(x, 239, 0xA9);
			DIV_ALPHA[x] = mulxPow(x, 16, 0xA9) << 24 | mulxPow(x, 39, 0xA9) << 16 | mulxPow(x, 6, 0xA9) << 8
					| mulxPow(x, 64, 0xA9);
		}
	}

	private final int[] s = new int[16];
	private int r1;
	private int r2;
	private int r3;

	/** Initialisation (Document 2, 4.1): key words k0..k3 and IV words IV0..IV3, then 32 clocks. */
	Snow3g(int[] k, int[] iv) {
		int ones = 0xffffffff;
		s[15] = k[3] ^ iv[0];
		s[14] = k[2];
		s[13] = k[1];
		s[12] = k[0] ^ iv[1];
		s[11] = k[3] ^ ones;
		s[10] = k[2] ^ ones ^ iv[2];
		s[9] = k[1] ^ ones ^ iv[3];
		s[8] = k[0] ^ ones;
		s[7] = k[3];
		s[6] = k[2];
		s[5] = k[1];
		s[4] = k[0];
		s[3] = k[3] ^ ones;
		s[2] = k[2] ^ ones;
		s[1] = k[1] ^ ones;
		s[0] = k[0] ^ ones;
		for (int i = 0; i < 32; i++) {
			clockLfsr(clockFsm());
		}
		// Document 2, 4.2: one more FSM clock whose output is discarded, then the LFSR in keystream mode
		clockFsm();
		clockLfsr(0);
	}

	/** The key words of a 128-bit key given as octets: k3 holds the first four (TS 35.215 3.4). */
	static int[] keyWords(byte[] key) {
		return new int[] { word(key, 12), word(key, 8), word(key, 4), word(key, 0) };
	}

	int next() {
		int f = clockFsm();
		int z = f ^ s[0];
		clockLfsr(0);
		return z;
	}

	private int clockFsm() {
		int f = (s[15] + r1) ^ r2;
		int r = r2 + (r3 ^ s[5]);
		r3 = mix(SQ, 0x69, r2);
		r2 = mix(SR, 0x1B, r1);
		r1 = r;
		return f;
	}

	private void clockLfsr(int f) {
		int v = (s[0] << 8) ^ MUL_ALPHA[s[0] >>> 24] ^ s[2] ^ (s[11] >>> 8) ^ DIV_ALPHA[s[11] & 0xff] ^ f;
		System.arraycopy(s, 1, s, 0, 15);
		s[15] = v;
	}

	/** S1 and S2 (Document 2, 3.3.1 and 3.3.2): an S-box on each octet, then a MixColumn over GF(2^8). */
	private static int mix(int[] box, int reduction, int w) {
		int w0 = box[w >>> 24];
		int w1 = box[(w >>> 16) & 0xff];
		int w2 = box[(w >>> 8) & 0xff];
		int w3 = box[w & 0xff];
		int r0 = mulx(w0, reduction) ^ w1 ^ w2 ^ mulx(w3, reduction) ^ w3;
		int r1 = mulx(w0, reduction) ^ w0 ^ mulx(w1, reduction) ^ w2 ^ w3;
		int r2 = w0 ^ mulx(w1, reduction) ^ w1 ^ mulx(w2, reduction) ^ w3;
		int r3 = w0 ^ w1 ^ mulx(w2, reduction) ^ w2 ^ mulx(w3, reduction);
		return r0 << 24 | r1 << 16 | r2 << 8 | r3;
	}

	/** MULx (Document 2, 3.1.1). */
	static int mulx(int v, int c) {
		return (v & 0x80) != 0 ? ((v << 1) ^ c) & 0xff : (v << 1) & 0xff;
	}

	/** MULxPOW (Document 2, 3.1.2). */
	static int mulxPow(int v, int i, int c) {
		for (int k = 0; k < i; k++) {
			v = mulx(v, c);
		}
		return v;
	}

	private static int multiply(int a, int b, int modulus) {
		int product = 0;
		while (b != 0) {
			if ((b & 1) != 0) {
				product ^= a;
			}
			a <<= 1;
			if ((a & 0x100) != 0) {
				a ^= modulus;
			}
			b >>>= 1;
		}
		return product;
	}

	private static int power(int x, int e, int modulus) {
		int result = 1;
		for (int i = 0; i < e; i++) {
			result = multiply(result, x, modulus);
		}
		return result;
	}

	/** The AES S-box (FIPS 197 5.1.1): the inverse in GF(2^8) mod 0x11B, then the affine map. */
	private static int aesSbox(int x) {
		int inverse = x == 0 ? 0 : power(x, 254, 0x11B);
		int b = inverse;
		for (int shift = 1; shift <= 4; shift++) {
			b ^= ((inverse << shift) | (inverse >>> (8 - shift))) & 0xff;
		}
		return b ^ 0x63;
	}

	static int word(byte[] bytes, int offset) {
		return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
				| bytes[offset + 3] & 0xff;
	}
}
