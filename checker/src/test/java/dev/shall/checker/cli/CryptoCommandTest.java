package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** {@code shall crypto}: outputs against the same public vectors as the library, and exit 3 on bad input. */
class CryptoCommandTest {

	private static final String K = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

	/** The IKE_SA_INIT request of AOSP IkeAuthPskPayloadTest. */
	private static final String AOSP_INIT_REQUEST = "5f54bf6d8b48e6e1000000000000000021202208000000000000015022000030"
			+ "0000002c010100040300000c0100000c800e0080030000080300000203000008040000020000000802000002280000880002"
			+ "0000b4a2faf4bb54878ae21d638512ece55d9236fc5046ab6cef82220f421f3ce6361faf36564ecb6d28798a94aad7b2b4b6"
			+ "03ddeaaa5630adb9ece8ac37534036040610ebdd92f46bef84f0be7db860351843858f8acf87056e272377f70c9f2d81e29c"
			+ "7b0ce4f291a3a72476bb0b278fd4b7b0a4c26bbeb08214c707137607958729000024c39b7f368f4681b89fa9b7be6465abd7"
			+ "c5f68b6ed5d3b4c72cb4240eb5c464122900001c00004004e54f73b7d83f6beb881eab2051d8663f421d10b02b00001c0000"
			+ "4005d915368ca036004cb578ae3e3fb268509aeab19000000020699369228741c6d4ca094c93e242c9de19e7b7c600000005"
			+ "00000500";

	private record Run(int code, String out, String err) {
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString().strip(), err.toString().strip());
	}

	private static void assertPrints(String expected, String... args) {
		Run run = run(args);
		assertEquals(0, run.code(), run.err());
		assertEquals(expected, run.out());
	}

	@Test
	void kdfAndDerivations() {
		// OxiRush src/nas_eps/kdf.rs vectors (crypto-facts 2.2)
		assertPrints("33a14244121c11ee70d1ff64fecb9d25a92791587712f47d85e277e0260b9686",
				"crypto", "kdf", "--key", K, "--fc", "1c", "--param", "0123");
		assertPrints("33a14244121c11ee70d1ff64fecb9d25a92791587712f47d85e277e0260b9686",
				"crypto", "derive", "s-kenb", "--kenb", K, "--scg-counter", "291");
		assertPrints("b870389602b0611f4c63b886f434ef0b4fa53866b894e5fe3d2f1507d31d77bf",
				"crypto", "derive", "lwip-psk", "--kenb", K, "--counter", "291");
		assertPrints("5df775f16633b7e14575d47423c64d2062b6c8a5f10f3db6c234cbbf4dbe3237",
				"crypto", "derive", "kenb", "--kasme", K, "--nas-count", "258");
		assertPrints("3618729a2dc241123c1e08bc76aa2828bd3a1c67c6317116c53148c470bd33b2",
				"crypto", "derive", "kenb-star", "--key", K, "--pci", "42", "--earfcn", "70000");
		assertPrints("7bf9464bc8eeb207517c813f7dbc0ab8e69a410bbfc42c44c98cc7ea8ae30c7b",
				"crypto", "derive", "nh", "--kasme", K, "--sync", K);
		// srsRAN_4G test_security_kdf.cc: KRRCint for 128-EIA2
		assertPrints("fa1d6d1940f1d879cf0189342a8d73c2", "crypto", "derive", "alg-key", "--key",
				"c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f", "--type", "rrc-int", "--alg", "2");
	}

	@Test
	void macsAndCiphers() {
		// TS 33.401 C.2 set 1 (58 bits) and the SNOW 3G / ZUC sets of EpsAlgorithmsTest
		assertPrints("118c6eb8", "crypto", "eia2", "--key", "2bd6459f82c5b300952c49104881ff48", "--count", "38a6f056",
				"--bearer", "24", "--direction", "0", "--message", "3332346263393840", "--bits", "58");
		assertPrints("6719a088", "crypto", "eia3", "--key", "47054125561eb2dda94059da05097850", "--count", "561eb2dd",
				"--bearer", "20", "--direction", "0", "--message", "000000000000000000000000", "--bits", "90");
		assertPrints("4145e4b0", "crypto", "eia1", "--key", "6832a65cff4473621ebdd4ba26a921fe", "--count", "36af6144",
				"--bearer", "24", "--direction", "0", "--message",
				"d3c53839626820717765667620323837636240981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc",
				"--bits", "383");
		assertPrints("e9fed8a63d155304d71df20bf3e82214b20ed7dad2f233dc3c22d7bdeeed8e78", "crypto", "eea2", "--key",
				"d3c5d592327fb11c4035c6680af8c6d1", "--count", "398a59b4", "--bearer", "21", "--direction", "1",
				"--message", "981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0", "--bits", "253");
		assertPrints("5d5bfe75eb04f68ce0a12377ea00b37d47c6a0ba06309155086a859c4341b378", "crypto", "eea1", "--key",
				"d3c5d592327fb11c4035c6680af8c6d1", "--count", "398a59b4", "--bearer", "21", "--direction", "1",
				"--message", "981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0", "--bits", "253");
		assertPrints("a6c85fc66afb8533aafc2518dfe784940ee1e4b030238cc800", "crypto", "eea3", "--key",
				"173d14ba5003731d7a60049470f00a29", "--count", "66035492", "--bearer", "15", "--direction", "0",
				"--message", "6cf65340735552ab0c9752fa6f9025fe0bd675d9005875b200", "--bits", "193");
	}

	@Test
	void ikev2() {
		// AOSP IkeMacPrfTest: SKEYSEED and the SK_* keys of an HMAC-SHA1 IKE SA
		Run run = run("crypto", "ikev2-keys", "--prf", "hmac-sha1", "--ni",
				"C39B7F368F4681B89FA9B7BE6465ABD7C5F68B6ED5D3B4C72CB4240EB5C46412", "--nr",
				"9756112CA539F5C25ABACC7EE92B73091942A9C06950F98848F1AF1694C4DDFF", "--gir",
				"C14155DEA40056BD9C76FB4819687B7A397582F4CD5AFF4B8F441C56E0C08C84234147A0BA249A555835A048E3CA2980"
						+ "7D057A61DD26EEFAD9AF9C01497005E52858E29FB42EB8496731DF96A11CCE1F51137A9A1B900FA81AEE7898E373D4E4"
						+ "8B899BBECA091314ECD4B6E412EF4B0FEF798F54735F31807424A318287F20E8",
				"--spii", "5F54BF6D8B48E6E1", "--spir", "909232B3D1EDCB5C", "--encr-key-bytes", "16",
				"--integ-key-bytes", "20");
		assertEquals(0, run.code(), run.err());
		assertEquals(String.join("\n", "SKEYSEED=8c42f3b1f5f81c7baac5f33e9a4f01987b2f9657",
				"SK_d=c86b56efcf684dcc2877578aef3137167fe0ebf6", "SK_ai=554fbf5a05b7f511e05a30ce23d874db9ef55e51",
				"SK_ar=36d83420788337ca32ecaa46892c48808dcd58b1", "SK_ei=5cbfd33f75796c0188c4a3a546aec4a1",
				"SK_er=c33b35fcf29514cd9d8b4a695e1a816e", "SK_pi=094787780ee466e2cb049fa327b43908bc57e485",
				"SK_pr=a30e6b08be56c0e6bff4744143c75219299e1beb"), run.out().replace("\r", ""));
		// AOSP IkeAuthPskPayloadTest: the initiator's AUTH over its signed octets (IKE_SA_INIT request,
		// responder nonce, prf(SK_pi, ID body)), given to the command whole
		String signed = dev.shall.checker.crypto.Bytes.hex(dev.shall.checker.crypto.Ikev2Prf.HMAC_SHA1.signedOctets(
				dev.shall.checker.crypto.Bytes.fromHex(AOSP_INIT_REQUEST),
				dev.shall.checker.crypto.Bytes.fromHex("9756112ca539f5c25abacc7ee92b73091942a9c06950f98848f1af1694c4ddff"),
				dev.shall.checker.crypto.Bytes.fromHex("094787780EE466E2CB049FA327B43908BC57E485"),
				dev.shall.checker.crypto.Bytes.fromHex("010000000a50500d")));
		assertPrints("df7c038aefaaa32d3f44b228b52a332744dfb2c1", "crypto", "ikev2-auth", "--prf", "hmac-sha1", "--psk",
				"6A756E69706572313233", "--signed-octets", signed);
	}

	@Test
	void badInputExitsThreeWithAMessage() {
		for (String[] args : new String[][] {
				{ "crypto", "kdf", "--key", "xyz", "--fc", "1c" },
				{ "crypto", "kdf", "--key", "00", "--fc", "1c1c" },
				{ "crypto", "derive", "s-kenb", "--kenb", K, "--scg-counter", "70000" },
				{ "crypto", "derive", "alg-key", "--key", K, "--type", "rrc", "--alg", "2" },
				{ "crypto", "eia2", "--key", "00", "--count", "0", "--bearer", "1", "--direction", "0", "--message", "00" },
				{ "crypto", "eia2", "--key", "2bd6459f82c5b300952c49104881ff48", "--count", "0", "--bearer", "1",
						"--direction", "2", "--message", "00" },
				{ "crypto", "eea2", "--key", "2bd6459f82c5b300952c49104881ff48", "--count", "0", "--bearer", "1",
						"--direction", "0", "--message", "00", "--bits", "9" },
				{ "crypto", "ikev2-auth", "--prf", "md5", "--psk", "00", "--signed-octets", "00" },
				{ "crypto", "derive", "kenb", "--kasme", K } }) {
			Run run = run(args);
			assertEquals(3, run.code(), String.join(" ", args));
			assertTrue(run.err().startsWith("shall: "), run.err());
			assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run.err());
		}
	}
}
