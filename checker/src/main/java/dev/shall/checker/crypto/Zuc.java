package dev.shall.checker.crypto;

import org.bouncycastle.crypto.engines.Zuc128Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** The ZUC keystream (BouncyCastle's engine) as the 32-bit words 128-EEA3 and 128-EIA3 consume. */
final class Zuc {

	private Zuc() {
	}

	/** The first {@code octets} keystream octets for the key and 128-bit IV. */
	static byte[] keystream(byte[] key, byte[] iv, int octets) {
		Zuc128Engine engine = new Zuc128Engine();
		engine.init(true, new ParametersWithIV(new KeyParameter(key), iv));
		byte[] out = new byte[octets];
		engine.processBytes(new byte[octets], 0, octets, out, 0);
		return out;
	}

	/** The 32 keystream bits starting at bit {@code index}. */
	static int word(byte[] keystream, int index) {
		long window = 0;
		int first = index >>> 3;
		for (int i = 0; i < 5; i++) {
			window = window << 8 | (first + i < keystream.length ? keystream[first + i] & 0xff : 0);
		}
		return (int) (window >>> (8 - (index & 7)));
	}
}
