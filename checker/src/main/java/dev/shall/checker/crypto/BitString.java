package dev.shall.checker.crypto;

import java.util.Arrays;

import org.bouncycastle.util.encoders.Hex;

/**
 * A message of LENGTH bits, as the EPS algorithms take it (TS 33.401 B.1.1, B.2.1): the
 * specification's test data include lengths that are not whole octets, so the bit length travels
 * with the octets. Bits past the length are kept zero.
 */
public record BitString(byte[] bytes, int bitLength) {

	public BitString {
		if (bitLength < 0 || bitLength > bytes.length * 8L) {
			throw new IllegalArgumentException("a bit length of " + bitLength + " does not fit in "
					+ bytes.length + " octets");
		}
		bytes = Arrays.copyOf(bytes, (bitLength + 7) / 8);
		int spare = bytes.length * 8 - bitLength;
		if (spare > 0) {
			bytes[bytes.length - 1] &= (byte) (0xff << spare);
		}
	}

	public static BitString ofOctets(byte[] bytes) {
		return new BitString(bytes, bytes.length * 8);
	}

	/** Hex digits holding at least {@code bits} bits; a negative bit count means all of them. */
	public static BitString ofHex(String hex, int bits) {
		byte[] bytes = Bytes.fromHex(hex);
		return new BitString(bytes, bits < 0 ? bytes.length * 8 : bits);
	}

	public int bit(int index) {
		return (bytes[index >>> 3] >>> (7 - (index & 7))) & 1;
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	public String hex() {
		return Hex.toHexString(bytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BitString that && bitLength == that.bitLength && Arrays.equals(bytes, that.bytes);
	}

	@Override
	public int hashCode() {
		return 31 * bitLength + Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return hex() + " (" + bitLength + " bits)";
	}
}
