package dev.shall.checker.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * IKEv2 key derivation and authentication, and ESP, on public vectors: RFC 4231 (HMAC-SHA-256),
 * RFC 4868 2.7 (HMAC-SHA-256-128), AOSP packages/modules/IPsec tests IkeMacPrfTest and
 * IkeAuthPskPayloadTest (SKEYSEED, SK_*, child KEYMAT, PSK AUTH from a real exchange),
 * RFC 3602 4 (AES-CBC) and draft-mcgrew-gcm-test-01 4 (ESP with AES-GCM, RFC 4106 layout).
 */
class Ikev2AndEspTest {

	private static final String NONCE_I = "C39B7F368F4681B89FA9B7BE6465ABD7C5F68B6ED5D3B4C72CB4240EB5C46412";
	private static final String NONCE_R = "9756112CA539F5C25ABACC7EE92B73091942A9C06950F98848F1AF1694C4DDFF";
	private static final String SHARED = "C14155DEA40056BD9C76FB4819687B7A397582F4CD5AFF4B"
			+ "8F441C56E0C08C84234147A0BA249A555835A048E3CA29807D057A61DD26EEFAD9AF9C01497005E52858E29FB42EB849"
			+ "6731DF96A11CCE1F51137A9A1B900FA81AEE7898E373D4E48B899BBECA091314ECD4B6E412EF4B0FEF798F54735F3180"
			+ "7424A318287F20E8";

	@Test
	void hmacPrfsMatchRfc4231() {
		assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
				Bytes.hex(Ikev2Prf.HMAC_SHA256.prf(Bytes.fromHex("0b".repeat(20)), ascii("Hi There"))));
		assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
				Bytes.hex(Ikev2Prf.HMAC_SHA256.prf(ascii("Jefe"), ascii("what do ya want for nothing?"))));
		assertEquals("198a607eb44bfbc69903a0f1cf2bbdc5",
				Bytes.hex(Esp.hmacSha256_128(Bytes.fromHex("0b".repeat(32)), ascii("Hi There"))));
	}

	@Test
	void ikeSaKeysMatchAosp() {
		Ikev2Keys keys = Ikev2Keys.derive(Ikev2Prf.HMAC_SHA1, Bytes.fromHex(NONCE_I), Bytes.fromHex(NONCE_R),
				Bytes.fromHex(SHARED), Bytes.fromHex("5F54BF6D8B48E6E1"), Bytes.fromHex("909232B3D1EDCB5C"), 16, 20);
		assertEquals("8c42f3b1f5f81c7baac5f33e9a4f01987b2f9657", Bytes.hex(keys.skeyseed()));
		assertEquals("c86b56efcf684dcc2877578aef3137167fe0ebf6", Bytes.hex(keys.skD()));
		assertEquals("554fbf5a05b7f511e05a30ce23d874db9ef55e51", Bytes.hex(keys.skAi()));
		assertEquals("36d83420788337ca32ecaa46892c48808dcd58b1", Bytes.hex(keys.skAr()));
		assertEquals("5cbfd33f75796c0188c4a3a546aec4a1", Bytes.hex(keys.skEi()));
		assertEquals("c33b35fcf29514cd9d8b4a695e1a816e", Bytes.hex(keys.skEr()));
		assertEquals("094787780ee466e2cb049fa327b43908bc57e485", Bytes.hex(keys.skPi()));
		assertEquals("a30e6b08be56c0e6bff4744143c75219299e1beb", Bytes.hex(keys.skPr()));
	}

	@Test
	void skeyseedWithSha256MatchesAosp() {
		assertEquals("9a3e05d4dbe797dc45da7660db60c9ccceebbc32ca2b0eda5b5a8793ef192e4e",
				Bytes.hex(Ikev2Prf.HMAC_SHA256.skeyseed(
						Bytes.fromHex("25de54767208d840fbe6881c699cbc8841582eae6f8724ac17c0ad8680e57b3e"),
						Bytes.fromHex("7550340a140ce00f523b0e4bddec7671336bbca8c3dd2e31312d36c904950ca4"),
						Bytes.fromHex("01FB25276B0D1D9979DAC170B53815988C31A50AD0DF4EEB89B8407EFAE3A676"
								+ "281903E48AD020050C9E1522F4DDA031C57A7A3D0CA9D075F044B5212E2A88B92E71"))));
	}

	@Test
	void firstChildKeymatMatchesAosp() {
		byte[] keymat = Ikev2Prf.HMAC_SHA1.childKeymat(Bytes.fromHex("C86B56EFCF684DCC2877578AEF3137167FE0EBF6"), null,
				Bytes.fromHex(NONCE_I), Bytes.fromHex(NONCE_R), 72);
		// initiator-to-responder encryption then integrity key, then the responder's (RFC 7296 2.17)
		assertEquals("1b865cea6e2c23973e8c5452adc5cd7d" + "a7a5a44f7ef4409657206c7dc52b7e692593b51e"
				+ "5e82fedacc6dcb0756ddd7553907ebd1" + "cde612189fd46de870faec04f92b40b0bfdbd9e1", Bytes.hex(keymat));
	}

	@Test
	void pskAuthMatchesAosp() {
		String initRequest = "5f54bf6d8b48e6e10000000000000000212022080000000000000150220000300000002c01010004"
				+ "0300000c0100000c800e008003000008030000020300000804000002000000080200000228000088"
				+ "00020000b4a2faf4bb54878ae21d638512ece55d9236fc5046ab6cef82220f421f3ce6361faf3656"
				+ "4ecb6d28798a94aad7b2b4b603ddeaaa5630adb9ece8ac37534036040610ebdd92f46bef84f0be7d"
				+ "b860351843858f8acf87056e272377f70c9f2d81e29c7b0ce4f291a3a72476bb0b278fd4b7b0a4c2"
				+ "6bbeb08214c707137607958729000024c39b7f368f4681b89fa9b7be6465abd7c5f68b6ed5d3b4c7"
				+ "2cb4240eb5c464122900001c00004004e54f73b7d83f6beb881eab2051d8663f421d10b02b00001c"
				+ "00004005d915368ca036004cb578ae3e3fb268509aeab19000000020699369228741c6d4ca094c93"
				+ "e242c9de19e7b7c60000000500000500";
		byte[] signed = Ikev2Prf.HMAC_SHA1.signedOctets(Bytes.fromHex(initRequest), Bytes.fromHex(NONCE_R),
				Bytes.fromHex("094787780EE466E2CB049FA327B43908BC57E485"), Bytes.fromHex("010000000a50500d"));
		assertEquals("df7c038aefaaa32d3f44b228b52a332744dfb2c1",
				Bytes.hex(Ikev2Prf.HMAC_SHA1.pskAuth(Bytes.fromHex("6A756E69706572313233"), signed)));
	}

	@Test
	void prfPlusChainsBlocks() {
		byte[] key = Bytes.fromHex("0b".repeat(20));
		byte[] seed = ascii("seed");
		byte[] t1 = Ikev2Prf.HMAC_SHA256.prf(key, Bytes.concat(seed, new byte[] { 1 }));
		byte[] t2 = Ikev2Prf.HMAC_SHA256.prf(key, Bytes.concat(t1, seed, new byte[] { 2 }));
		assertArrayEquals(Bytes.concat(t1, java.util.Arrays.copyOf(t2, 8)), Ikev2Prf.HMAC_SHA256.prfPlus(key, seed, 40));
	}

	@Test
	void espGcmPacketMatchesMcGrewCase2() {
		byte[] keyAndSalt = Bytes.fromHex("feffe9928665731c6d6a8f9467308308" + "cafebabe");
		byte[] payload = Bytes.fromHex("4500003e698f000080114dccc0a80102c0a801010a980035002a2343b2d001000001000000000000"
				+ "037369700963796265726369747902646b00000100010001");
		byte[] packet = Esp.sealGcm(keyAndSalt, 0xa5f8, 0x0a, Bytes.fromHex("facedbaddecaf888"), payload);
		assertEquals("0000a5f8" + "0000000a" + "facedbaddecaf888"
				+ "deb22cd9b07c72c16e3a65beeb8df304a5a5897d33ae530f1ba76d5d114d2a5c3de81827c10e9a4f51330d0eec416642"
				+ "cfbb85a5b47e48a4ec3b9ba95d918bd183b70d3aa8bc6ee4c309e9d85a41ad4a", Bytes.hex(packet));
		assertArrayEquals(payload, Esp.openGcm(keyAndSalt, packet));
		packet[20] ^= 1;
		assertNull(Esp.openGcm(keyAndSalt, packet), "a flipped bit fails the ICV");
	}

	@Test
	void espGcmWithExtendedSequenceNumbersMatchesMcGrewCase1() {
		byte[] out = Esp.gcm(javax.crypto.Cipher.ENCRYPT_MODE,
				Bytes.fromHex("4c80cdefbb5d10da906ac73c3613a634" + "2e443b68"), Bytes.fromHex("4956ed7e3b244cfe"),
				Bytes.fromHex("000043218765432100000000"),
				Bytes.fromHex("45000048699a000080114db7c0a80102c0a801010a9bf15638d301000001000000000000045f736970"
						+ "045f756470037369700963796265726369747902646b000021000101020201"));
		assertEquals("fecf537e729d5b07dc30df528dd22b768d1b98736696a6fd348509fa13ceac34cfa2436f14a3f3cf65925bf1f4a13c5d"
				+ "15b21e1884f5ff6247aeabb786b93bce61bc17d768fd9732459018148f6cbe722fd04796562dfdb4", Bytes.hex(out));
	}

	@Test
	void aesCbcMatchesRfc3602() {
		assertEquals("e353779c1079aeb82708942dbe77181a", Bytes.hex(Esp.aesCbc(Bytes.fromHex("06a9214036b8a15b512e03d534120006"),
				Bytes.fromHex("3dafba429d9eb430b422da802c9fac41"), ascii("Single block msg"))));
		byte[] plaintext = new byte[32];
		for (int i = 0; i < 32; i++) {
			plaintext[i] = (byte) i;
		}
		assertEquals("d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1",
				Bytes.hex(Esp.aesCbc(Bytes.fromHex("c286696d887c9aa0611bbb3e2025a45a"),
						Bytes.fromHex("562e17996d093d28ddb3ba695a2e6f58"), plaintext)));
	}

	@Test
	void espCbcPacketCarriesTheIcvOverHeaderIvAndCiphertext() {
		byte[] encryption = Bytes.fromHex("c286696d887c9aa0611bbb3e2025a45a");
		byte[] integrity = Bytes.fromHex("0b".repeat(32));
		byte[] iv = Bytes.fromHex("562e17996d093d28ddb3ba695a2e6f58");
		byte[] packet = Esp.sealCbcHmacSha256(encryption, integrity, 0x1234, 1, iv, new byte[32]);
		byte[] body = java.util.Arrays.copyOf(packet, packet.length - 16);
		assertEquals(8 + 16 + 32 + 16, packet.length);
		assertArrayEquals(Esp.hmacSha256_128(integrity, body), Bytes.last(packet, 16));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}
}
