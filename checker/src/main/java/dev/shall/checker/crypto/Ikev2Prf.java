package dev.shall.checker.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The IKEv2 pseudorandom functions with HMAC (RFC 7296 3.3.2 transform type 2: PRF_HMAC_SHA1 = 2;
 * RFC 4868: PRF_HMAC_SHA2_256/384/512 = 5, 6, 7) and what RFC 7296 builds on them.
 */
public enum Ikev2Prf {
	HMAC_SHA1("hmac-sha1", "HmacSHA1", 20), HMAC_SHA256("hmac-sha256", "HmacSHA256", 32),
	HMAC_SHA384("hmac-sha384", "HmacSHA384", 48), HMAC_SHA512("hmac-sha512", "HmacSHA512", 64);

	/** RFC 7296 2.15: the 17 ASCII octets of "Key Pad for IKEv2", without a terminator. */
	private static final byte[] KEY_PAD = "Key Pad for IKEv2".getBytes(StandardCharsets.US_ASCII);

	private final String label;
	private final String jdkName;
	private final int outputLength;

	Ikev2Prf(String label, String jdkName, int outputLength) {
		this.label = label;
		this.jdkName = jdkName;
		this.outputLength = outputLength;
	}

	public static Ikev2Prf ofLabel(String label) {
		for (Ikev2Prf prf : values()) {
			if (prf.label.equals(label)) {
				return prf;
			}
		}
		throw new IllegalArgumentException("unknown prf '" + label
				+ "'; expected hmac-sha1, hmac-sha256, hmac-sha384 or hmac-sha512");
	}

	public String label() {
		return label;
	}

	/** The preferred key length of an HMAC prf is its output length (RFC 7296 2.13). */
	public int keyLength() {
		return outputLength;
	}

	public byte[] prf(byte[] key, byte[] data) {
		return Kdf.hmac(jdkName, key, data);
	}

	/** prf+ (RFC 7296 2.13): T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n), concatenated. */
	public byte[] prfPlus(byte[] key, byte[] seed, int length) {
		if (length > 255 * outputLength) {
			throw new IllegalArgumentException("prf+ is defined for at most 255 blocks");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] previous = new byte[0];
		for (int n = 1; out.size() < length; n++) {
			previous = prf(key, Bytes.concat(previous, seed, new byte[] { (byte) n }));
			out.writeBytes(previous);
		}
		return java.util.Arrays.copyOf(out.toByteArray(), length);
	}

	/** SKEYSEED = prf(Ni | Nr, g^ir) (RFC 7296 2.14). */
	public byte[] skeyseed(byte[] nonceI, byte[] nonceR, byte[] sharedSecret) {
		return prf(Bytes.concat(nonceI, nonceR), sharedSecret);
	}

	/** AUTH for a shared key (RFC 7296 2.15): prf(prf(Shared Secret, "Key Pad for IKEv2"), signed octets). */
	public byte[] pskAuth(byte[] sharedSecret, byte[] signedOctets) {
		return prf(prf(sharedSecret, KEY_PAD), signedOctets);
	}

	/**
	 * The signed octets of RFC 7296 2.15: the IKE_SA_INIT message as sent, the peer's nonce data,
	 * and prf(SK_p, the ID payload's body after its generic header).
	 */
	public byte[] signedOctets(byte[] initMessage, byte[] peerNonce, byte[] skP, byte[] idPayloadBody) {
		return Bytes.concat(initMessage, peerNonce, prf(skP, idPayloadBody));
	}

	/** Child SA KEYMAT = prf+(SK_d, Ni | Nr), or with PFS prf+(SK_d, g^ir(new) | Ni | Nr) (RFC 7296 2.17). */
	public byte[] childKeymat(byte[] skD, byte[] pfsSecret, byte[] nonceI, byte[] nonceR, int length) {
		return prfPlus(skD, Bytes.concat(pfsSecret == null ? new byte[0] : pfsSecret, nonceI, nonceR), length);
	}
}
