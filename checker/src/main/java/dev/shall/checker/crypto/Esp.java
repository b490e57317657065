package dev.shall.checker.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ESP packet protection (RFC 4303 2): SPI | Sequence Number | payload | ICV, with AES-GCM
 * (RFC 4106: keymat = key || 4-octet salt, nonce = salt || explicit 8-octet IV, AAD = SPI || seq)
 * or AES-CBC (RFC 3602, explicit 16-octet IV) with HMAC-SHA-256-128 (RFC 4868: 32-octet key,
 * first 16 octets of the HMAC). The payload given is the plaintext with the ESP trailer (padding,
 * pad length, next header) already in place.
 */
public final class Esp {

	private Esp() {
	}

	/** The on-wire ESP packet SPI | seq | IV | ciphertext | 16-octet ICV for AES-GCM-16. */
	public static byte[] sealGcm(byte[] keyAndSalt, int spi, int sequence, byte[] iv, byte[] payload) {
		byte[] header = Bytes.concat(Bytes.bigEndian(spi & 0xffffffffL, 4), Bytes.bigEndian(sequence & 0xffffffffL, 4));
		return Bytes.concat(header, iv, gcm(Cipher.ENCRYPT_MODE, keyAndSalt, iv, header, payload));
	}

	/** The payload of an AES-GCM-16 ESP packet, or null when the ICV does not verify. */
	public static byte[] openGcm(byte[] keyAndSalt, byte[] packet) {
		byte[] header = Arrays.copyOf(packet, 8);
		byte[] iv = Arrays.copyOfRange(packet, 8, 16);
		try {
			return gcm(Cipher.DECRYPT_MODE, keyAndSalt, iv, header, Arrays.copyOfRange(packet, 16, packet.length));
		} catch (IllegalStateException e) {
			if (e.getCause() instanceof javax.crypto.AEADBadTagException) {
				return null;
			}
			throw e;
		}
	}

	/** AES-GCM as RFC 4106 uses it, with any AAD (the ESN case puts 12 octets there). */
	public static byte[] gcm(int mode, byte[] keyAndSalt, byte[] iv, byte[] aad, byte[] input) {
		if (iv.length != 8) {
			throw new IllegalArgumentException("RFC 4106 carries an 8-octet IV");
		}
		byte[] key = Arrays.copyOf(keyAndSalt, keyAndSalt.length - 4);
		byte[] nonce = Bytes.concat(Bytes.last(keyAndSalt, 4), iv);
		try {
			Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
			gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
			gcm.updateAAD(aad);
			return gcm.doFinal(input);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM failed", e);
		}
	}

	/** The on-wire ESP packet SPI | seq | IV | AES-CBC ciphertext | HMAC-SHA-256-128 ICV. */
	public static byte[] sealCbcHmacSha256(byte[] encryptionKey, byte[] integrityKey, int spi, int sequence, byte[] iv,
			byte[] payload) {
		if (payload.length % 16 != 0) {
			throw new IllegalArgumentException("AES-CBC needs the payload and trailer padded to 16 octets (RFC 3602 3)");
		}
		byte[] header = Bytes.concat(Bytes.bigEndian(spi & 0xffffffffL, 4), Bytes.bigEndian(sequence & 0xffffffffL, 4));
		byte[] body = Bytes.concat(header, iv, aesCbc(encryptionKey, iv, payload));
		return Bytes.concat(body, hmacSha256_128(integrityKey, body));
	}

	public static byte[] aesCbc(byte[] key, byte[] iv, byte[] plaintext) {
		try {
			Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
			cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
			return cbc.doFinal(plaintext);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-CBC failed", e);
		}
	}

	/** AUTH_HMAC_SHA2_256_128 (RFC 4868 2.3): HMAC-SHA-256 truncated to its first 128 bits. */
	public static byte[] hmacSha256_128(byte[] key, byte[] data) {
		return Arrays.copyOf(Kdf.hmacSha256(key, data), 16);
	}
}
