package dev.shall.checker.crypto;

/**
 * The inputs every EPS ciphering and integrity algorithm shares (TS 33.401 B.1.1, B.2.1): a
 * 128-bit key, the 32-bit COUNT, the 5-bit BEARER and the DIRECTION bit (0 uplink, 1 downlink).
 */
public record EpsParameters(byte[] key, long count, int bearer, int direction) {

	public EpsParameters {
		if (key.length != 16) {
			throw new IllegalArgumentException("the EPS algorithms take a 128-bit key, not " + key.length * 8 + " bits");
		}
		if (count < 0 || count > 0xffffffffL) {
			throw new IllegalArgumentException("COUNT is 32 bits");
		}
		if (bearer < 0 || bearer > 31) {
			throw new IllegalArgumentException("BEARER is 5 bits (0..31), not " + bearer);
		}
		if (direction != 0 && direction != 1) {
			throw new IllegalArgumentException("DIRECTION is 0 (uplink) or 1 (downlink), not " + direction);
		}
		key = key.clone();
	}

	@Override
	public byte[] key() {
		return key.clone();
	}

	/** COUNT || BEARER || DIRECTION || 0^26: the first 64 bits of EEA2's counter block and EIA2's input. */
	byte[] header() {
		byte[] header = new byte[8];
		System.arraycopy(Bytes.bigEndian(count, 4), 0, header, 0, 4);
		header[4] = (byte) (bearer << 3 | direction << 2);
		return header;
	}
}
