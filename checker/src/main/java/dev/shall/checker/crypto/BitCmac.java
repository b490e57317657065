package dev.shall.checker.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC (NIST SP 800-38B) over a bit string. BouncyCastle's and the JDK's CMAC take whole
 * octets, but 128-EIA2's test data (TS 33.401 C.2) include lengths that are not: the final block
 * is padded with a single 1 bit at the bit position after the message, as SP 800-38B 6.2 says.
 */
final class BitCmac {

	private BitCmac() {
	}

	static byte[] mac(byte[] key, BitString message) {
		try {
			Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
			byte[] k1 = doubled(aes.doFinal(new byte[16]));
			byte[] k2 = doubled(k1);
			int bits = message.bitLength();
			int blocks = Math.max(1, (bits + 127) / 128);
			boolean complete = bits > 0 && bits % 128 == 0;
			byte[] padded = java.util.Arrays.copyOf(message.bytes(), blocks * 16);
			if (!complete) {
				padded[bits >>> 3] |= (byte) (0x80 >>> (bits & 7));
			}
			byte[] subkey = complete ? k1 : k2;
			byte[] state = new byte[16];
			for (int b = 0; b < blocks; b++) {
				for (int i = 0; i < 16; i++) {
					state[i] ^= padded[16 * b + i];
					if (b == blocks - 1) {
						state[i] ^= subkey[i];
					}
				}
				state = aes.doFinal(state);
			}
			return state;
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES is missing from the JDK", e);
		}
	}

	/** Multiplication by x in GF(2^128) with the CMAC constant R128 = 0x87. */
	private static byte[] doubled(byte[] block) {
		byte[] out = new byte[16];
		for (int i = 0; i < 16; i++) {
			out[i] = (byte) (block[i] << 1 | (i < 15 ? (block[i + 1] & 0xff) >>> 7 : 0));
		}
		if ((block[0] & 0x80) != 0) {
			out[15] ^= (byte) 0x87;
		}
		return out;
	}
}
