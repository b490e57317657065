package dev.shall.checker.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generic 3GPP key derivation function of TS 33.220 Annex B.2: HMAC-SHA-256(Key, S) with
 * S = FC || P0 || L0 || ... || Pn || Ln, every Li the two-octet big-endian length of Pi in octets.
 */
public final class Kdf {

	private Kdf() {
	}

	public static byte[] derive(byte[] key, int fc, byte[]... parameters) {
		if (fc < 0 || fc > 0xff) {
			throw new IllegalArgumentException("FC is one octet; 0x" + Integer.toHexString(fc) + " is not");
		}
		return hmacSha256(key, inputString(fc, parameters));
	}

	/** The string S of TS 33.220 B.2.0 for these parameters. */
	public static byte[] inputString(int fc, byte[]... parameters) {
		byte[][] parts = new byte[1 + 2 * parameters.length][];
		parts[0] = new byte[] { (byte) fc };
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i].length > 0xffff) {
				throw new IllegalArgumentException("a KDF parameter is at most 65535 octets (TS 33.220 B.1)");
			}
			parts[1 + 2 * i] = parameters[i];
			parts[2 + 2 * i] = Bytes.bigEndian(parameters[i].length, 2);
		}
		return Bytes.concat(parts);
	}

	public static byte[] hmacSha256(byte[] key, byte[] data) {
		return hmac("HmacSHA256", key, data);
	}

	static byte[] hmac(String algorithm, byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			// the JDK refuses an empty key; HMAC pads keys with zeros, so one zero octet is the same key
			mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
			return mac.doFinal(data);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(algorithm + " is missing from the JDK", e);
		}
	}
}
