package dev.shall.checker.crypto;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IKE SA's keys (RFC 7296 2.14): {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} =
 * prf+(SKEYSEED, Ni | Nr | SPIi | SPIr), SK_d and SK_p* of the prf's key length.
 */
public record Ikev2Keys(byte[] skeyseed, byte[] skD, byte[] skAi, byte[] skAr, byte[] skEi, byte[] skEr,
		byte[] skPi, byte[] skPr) {

	public static Ikev2Keys derive(Ikev2Prf prf, byte[] nonceI, byte[] nonceR, byte[] sharedSecret, byte[] spiI,
			byte[] spiR, int encryptionKeyLength, int integrityKeyLength) {
		if (spiI.length != 8 || spiR.length != 8) {
			throw new IllegalArgumentException("IKE SPIs are 8 octets each");
		}
		byte[] skeyseed = prf.skeyseed(nonceI, nonceR, sharedSecret);
		int p = prf.keyLength();
		int[] lengths = { p, integrityKeyLength, integrityKeyLength, encryptionKeyLength, encryptionKeyLength, p, p };
		// summed in long: two lengths near 2^31 must not wrap past prf+'s own bound
		long total = Arrays.stream(lengths).asLongStream().sum();
		if (Arrays.stream(lengths).anyMatch(length -> length < 0)) {
			throw new IllegalArgumentException("key lengths are not negative");
		}
		if (total > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("prf+ is defined for at most 255 blocks; the keys ask for "
					+ total + " octets");
		}
		byte[] material = prf.prfPlus(skeyseed, Bytes.concat(nonceI, nonceR, spiI, spiR), (int) total);
		byte[][] keys = new byte[lengths.length][];
		int offset = 0;
		for (int i = 0; i < lengths.length; i++) {
			keys[i] = Arrays.copyOfRange(material, offset, offset + lengths[i]);
			offset += lengths[i];
		}
		return new Ikev2Keys(skeyseed, keys[0], keys[1], keys[2], keys[3], keys[4], keys[5], keys[6]);
	}

	/** Name and value of each key, in the RFC's order, for printing. */
	public Map<String, byte[]> named() {
		Map<String, byte[]> named = new LinkedHashMap<>();
		named.put("SKEYSEED", skeyseed);
		named.put("SK_d", skD);
		named.put("SK_ai", skAi);
		named.put("SK_ar", skAr);
		named.put("SK_ei", skEi);
		named.put("SK_er", skEr);
		named.put("SK_pi", skPi);
		named.put("SK_pr", skPr);
		return named;
	}
}
