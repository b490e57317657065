package dev.shall.checker.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * 128-EEA2 (TS 33.401 B.1.3): AES-128 in counter mode, the first counter block being
 * COUNT || BEARER || DIRECTION || 0^26 || 0^64 and each next one the integer increment (the JDK's
 * CTR mode increments the whole block, as NIST SP 800-38A B.1 does).
 */
public final class Eea2 implements EpsCipher {

	@Override
	public BitString apply(EpsParameters parameters, BitString input) {
		byte[] counter = new byte[16];
		System.arraycopy(parameters.header(), 0, counter, 0, 8);
		try {
			Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(parameters.key(), "AES"), new IvParameterSpec(counter));
			return new BitString(aes.doFinal(input.bytes()), input.bitLength());
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES/CTR is missing from the JDK", e);
		}
	}

	@Override
	public int identity() {
		return 2;
	}
}
