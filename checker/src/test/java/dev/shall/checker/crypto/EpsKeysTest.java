package dev.shall.checker.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * TS 33.401 Annex A derivations on public vectors. No 3GPP-published KDF vectors exist; these are
 * implementation vectors recomputed independently (../shared/research/crypto-facts.md section 2):
 * srsRAN_4G lib/test/common/test_security_kdf.cc and OxiRush src/nas_eps/kdf.rs.
 */
class EpsKeysTest {

	private static final byte[] K = Bytes.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	@Test
	void kasmeFromSrsran() {
		byte[] kasme = EpsKeys.kasme(Bytes.fromHex("7bc15d69309cf3ec5d324404edd6f0f9"),
				Bytes.fromHex("c15d69309cf3ec5d324404edd6f0f97b"), Bytes.fromHex("00f110"),
				Bytes.fromHex("5d69309ce135"));
		assertEquals("d5ef4d8f33266902295d42f322a2f2cf11fb2ccc124c09b4d88d361597037990", Bytes.hex(kasme));
		// KNASint for 128-EIA1 from that KASME, truncated to the last 16 octets (A.7)
		assertEquals("b79408e243dd367dc8c6392295b3b451",
				Bytes.hex(EpsKeys.algorithmKey(kasme, AlgorithmType.NAS_INT, 1)));
	}

	@Test
	void kenbAndAsKeysFromSrsran() {
		byte[] kenb = EpsKeys.kenb(
				Bytes.fromHex("6144c681d1bea9dae1b8cf6cd10a686341db8046a1e7a9ab4d1ea0e33c994ac0"), 0);
		assertEquals("c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f", Bytes.hex(kenb));
		assertEquals("fa1d6d1940f1d879cf0189342a8d73c2", Bytes.hex(EpsKeys.algorithmKey(kenb, AlgorithmType.RRC_INT, 2)));
		assertEquals("86a275788b6f36a5b9b810f5d472a24b", Bytes.hex(EpsKeys.algorithmKey(kenb, AlgorithmType.RRC_ENC, 0)));
		assertEquals("7716c783a53fd3ee582fc569e9c33ca7", Bytes.hex(EpsKeys.algorithmKey(kenb, AlgorithmType.UP_INT, 2)));
	}

	@Test
	void sKenbFromSrsran() {
		byte[] kenb = Bytes.fromHex("fe7dee808d7f3b882a082cbdc8390d129e5d28af0e8322eb573ada36f21a5a89");
		assertEquals("45cbc3f8a81193fd5c5229300d59edf812e998a115ec4e0ce903ba89367e2628",
				Bytes.hex(EpsKeys.sKenb(kenb, 0)));
	}

	@Test
	void derivationsFromOxirush() {
		assertEquals("8a58509be1c244dc519dd5fbd4305f4192c782fe6ff79438d1fa7ff9740bbb30",
				Bytes.hex(EpsKeys.kasme(java.util.Arrays.copyOf(K, 16), java.util.Arrays.copyOfRange(K, 16, 32),
						Bytes.fromHex("02f839"), Bytes.fromHex("010203040506"))));
		assertEquals("4eb6379f81a769c754e9dc2534ff77b9", Bytes.hex(EpsKeys.algorithmKey(K, AlgorithmType.NAS_ENC, 2)));
		assertEquals("5df775f16633b7e14575d47423c64d2062b6c8a5f10f3db6c234cbbf4dbe3237", Bytes.hex(EpsKeys.kenb(K, 258)));
		assertEquals("fe3156f5d68e325cb928061beace8637b064ce155ae1507fb5a44c4a08f19d69",
				Bytes.hex(EpsKeys.kenb(K, 0xffffffffL)));
		assertEquals("7bf9464bc8eeb207517c813f7dbc0ab8e69a410bbfc42c44c98cc7ea8ae30c7b", Bytes.hex(EpsKeys.nh(K, K)));
		assertEquals("f93166c8f78f1df39674bae749e42483fb6c7310aba47a0250b58a7fc1b50c20",
				Bytes.hex(EpsKeys.kenbStar(K, 42, 6300)));
		assertEquals("3618729a2dc241123c1e08bc76aa2828bd3a1c67c6317116c53148c470bd33b2",
				Bytes.hex(EpsKeys.kenbStar(K, 42, 70000)));
		assertEquals("33a14244121c11ee70d1ff64fecb9d25a92791587712f47d85e277e0260b9686",
				Bytes.hex(EpsKeys.sKenb(K, 0x0123)));
		assertEquals("b870389602b0611f4c63b886f434ef0b4fa53866b894e5fe3d2f1507d31d77bf",
				Bytes.hex(EpsKeys.lwipPsk(K, 0x0123)));
	}

	@Test
	void genericKdfLayout() {
		// S = FC || P0 || L0 with L0 the octet length (TS 33.220 B.2.0)
		assertEquals("1c012300 02".replace(" ", ""), Bytes.hex(Kdf.inputString(0x1c, Bytes.fromHex("0123"))));
		assertEquals(Bytes.hex(EpsKeys.sKenb(K, 0x0123)), Bytes.hex(Kdf.derive(K, 0x1c, Bytes.fromHex("0123"))));
	}

	@Test
	void outOfRangeInputsAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> EpsKeys.sKenb(K, 65536));
		assertThrows(IllegalArgumentException.class, () -> EpsKeys.kenbStar(K, 504, 100));
		assertThrows(IllegalArgumentException.class, () -> EpsKeys.kenbStar(K, 1, 262144));
		assertThrows(IllegalArgumentException.class, () -> EpsKeys.algorithmKey(K, AlgorithmType.UP_ENC, 16));
		assertThrows(IllegalArgumentException.class, () -> Kdf.derive(K, 0x100));
	}
}
