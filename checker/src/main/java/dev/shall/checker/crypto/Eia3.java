package dev.shall.checker.crypto;

/**
 * 128-EIA3 (TS 33.401 B.2.4; ETSI/SAGE 128-EEA3 & 128-EIA3 Document 1, clause 4): a universal
 * hash over the ZUC keystream. The IV carries DIRECTION in bits of octets 8 and 14 rather than
 * beside BEARER, and T accumulates the keystream word at every 1 bit of the message.
 */
public final class Eia3 implements EpsIntegrity {

	@Override
	public byte[] mac(EpsParameters parameters, BitString message) {
		byte[] iv = new byte[16];
		byte[] count = Bytes.bigEndian(parameters.count(), 4);
		System.arraycopy(count, 0, iv, 0, 4);
		iv[4] = (byte) (parameters.bearer() << 3);
		System.arraycopy(iv, 0, iv, 8, 8);
		iv[8] ^= (byte) (parameters.direction() << 7);
		iv[14] ^= (byte) (parameters.direction() << 7);
		int length = message.bitLength();
		int words = (length + 31) / 32 + 2;
		byte[] keystream = Zuc.keystream(parameters.key(), iv, 4 * words);
		int t = 0;
		for (int i = 0; i < length; i++) {
			if (message.bit(i) == 1) {
				t ^= Zuc.word(keystream, i);
			}
		}
		t ^= Zuc.word(keystream, length);
		t ^= Zuc.word(keystream, 32 * (words - 1));
		return Bytes.bigEndian(t & 0xffffffffL, 4);
	}

	@Override
	public int identity() {
		return 3;
	}
}
