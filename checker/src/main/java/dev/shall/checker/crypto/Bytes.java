package dev.shall.checker.crypto;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Octet-string helpers shared by the derivations. */
public final class Bytes {

	private Bytes() {
	}

	/** Parses hex digits (an optional {@code 0x}, spaces and colons allowed); rejects anything else. */
	public static byte[] fromHex(String text) {
		String hex = text.strip();
		if (hex.startsWith("0x") || hex.startsWith("0X")) {
			hex = hex.substring(2);
		}
		hex = hex.replace(" ", "").replace(":", "");
		if (hex.length() % 2 != 0) {
			throw new IllegalArgumentException("'" + text + "' has an odd number of hex digits");
		}
		try {
			return HexFormat.of().parseHex(hex);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + text + "' is not hex");
		}
	}

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** The value as a big-endian unsigned number of {@code octets} octets. */
	public static byte[] bigEndian(long value, int octets) {
		if (octets < 8 && (value < 0 || value >>> (8 * octets) != 0)) {
			throw new IllegalArgumentException(value + " does not fit in " + octets + " octets");
		}
		byte[] out = new byte[octets];
		for (int i = octets - 1; i >= 0; i--) {
			out[i] = (byte) value;
			value >>>= 8;
		}
		return out;
	}

	/** The last {@code octets} octets: the n least significant bits of TS 33.401 A.7. */
	public static byte[] last(byte[] bytes, int octets) {
		return java.util.Arrays.copyOfRange(bytes, bytes.length - octets, bytes.length);
	}
}
