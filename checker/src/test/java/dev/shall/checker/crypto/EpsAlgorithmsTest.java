package dev.shall.checker.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EPS ciphering and integrity algorithms on the official test data: TS 33.401 Annex C.1
 * (128-EEA2) and C.2 (128-EIA2), the SNOW 3G based 128-EEA1/EIA1 sets and the ZUC based
 * 128-EEA3/EIA3 sets as TS 33.501 Annex D.4 and ETSI/SAGE Document 3 (TS 35.223) give them,
 * reproduced in srsRAN_Project tests/unittests/security (../shared/research/crypto-facts.md 3.4-3.6).
 * Lengths in bits; several are not whole octets on purpose.
 */
class EpsAlgorithmsTest {

	@ParameterizedTest(name = "128-EEA{0} {1}")
	@CsvSource({
		"2, set 1, d3c5d592327fb11c4035c6680af8c6d1, 398a59b4, 21, 1, 253, 981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0, e9fed8a63d155304d71df20bf3e82214b20ed7dad2f233dc3c22d7bdeeed8e78",
		"2, set 2, 2bd6459f82c440e0952c49104805ff48, c675a64b, 12, 1, 798, 7ec61272743bf1614726446a6c38ced166f6ca76eb5430044286346cef130f92922b03450d3a9975e5bd2ea0eb55ad8e1b199e3ec4316020e9a1b285e762795359b7bdfd39bef4b2484583d5afe082aee638bf5fd5a606193901a08f4ab41aab9b134880, 5961605353c64bdca15b195e288553a910632506d6200aa790c4c806c99904cf2445cc50bb1cf168a49673734e081b57e324ce5259c0e78d4cd97b870976503c0943f2cb5ae8f052c7b7d392239587b8956086bcab18836042e2e6ce42432a17105c53d0",
		"2, set 3, 0a8b6bd8d9b08b08d64e32d1817777fb, 544d49cd, 4, 0, 310, fd40a41d370a1f65745095687d47ba1d36d2349e23f644392c8ea9c49d40c13271aff264d0f248, 75750d37b4bba2a4dedb34235bd68c6645acdaaca48138a3b0c471e2a7041a576423d2927287f0",
		"1, set 1, d3c5d592327fb11c4035c6680af8c6d1, 398a59b4, 21, 1, 253, 981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0, 5d5bfe75eb04f68ce0a12377ea00b37d47c6a0ba06309155086a859c4341b378",
		"3, set 1, 173d14ba5003731d7a60049470f00a29, 66035492, 15, 0, 193, 6cf65340735552ab0c9752fa6f9025fe0bd675d9005875b200, a6c85fc66afb8533aafc2518dfe784940ee1e4b030238cc800",
		"3, set 2, e5bd3ea0eb55ade866c6ac58bd54302a, 00056823, 24, 1, 800, 14a8ef693d678507bbe7270a7f67ff5006c3525b9807e467c4e56000ba338f5d429559036751822246c80d3b38f07f4be2d8ff5805f5132229bde93bbbdcaf382bf1ee972fbf9977bada8945847a2a6c9ad34a667554e04d1f7fa2c33241bd8f01ba220d, 131d43e0dea1be5c5a1bfd971d852cbf712d7b4f57961fea3208afa8bca433f456ad09c7417e58bc69cf8866d1353f74865e80781d202dfb3ecff7fcbc3b190fe82a204ed0e350fc0f6f2613b2f2bca6df5a473a57a4a00d985ebad880d6f23864a07b01",
	})
	void cipherMatchesTestData(int algorithm, String set, String key, String count, int bearer, int direction,
			int bits, String plaintext, String ciphertext) {
		EpsParameters parameters = new EpsParameters(Bytes.fromHex(key), Long.parseLong(count, 16), bearer, direction);
		EpsCipher cipher = EpsAlgorithms.cipher(algorithm);
		BitString encrypted = cipher.apply(parameters, BitString.ofHex(plaintext, bits));
		assertEquals(BitString.ofHex(ciphertext, bits), encrypted);
		assertEquals(BitString.ofHex(plaintext, bits), cipher.apply(parameters, encrypted), "decryption");
	}

	@ParameterizedTest(name = "128-EIA{0} {1}")
	@CsvSource({
		"2, set 1, 2bd6459f82c5b300952c49104881ff48, 38a6f056, 24, 0, 58, 3332346263393840, 118c6eb8",
		"2, set 2, d3c5d592327fb11c4035c6680af8c6d1, 398a59b4, 26, 1, 64, 484583d5afe082ae, b93787e6",
		"2, set 3, 7e5e94431e11d73828d739cc6ced4573, 36af6144, 24, 1, 254, b3d3c9170a4e1632f60f861013d22d84b726b6a278d802d1eeaf1321ba5929dc, 1f60b01d",
		"2, set 4, d3419be821087acd02123a9248033359, c7590ea9, 23, 0, 511, bbb057038809496bcff86d6fbc8ce5b135a06b166054f2d565be8ace75dc851e0bcdd8f07141c495872fb5d8c0c66a8b6da556663e4e461205d84580bee5bc7e, 6846a2f0",
		"2, set 5, 83fd23a244a74cf358da3019f1722635, 36af6144, 15, 1, 768, 35c68716633c66fb750c266865d53c11ea05b1e9fa49c8398d48e1efa5909d3947902837f5ae96d5a05bc8d61ca8dbef1b13a4b4abfe4fb1006045b674bb54729304c382be53a5af05556176f6eaa2ef1d05e4b083181ee674cda5a485f74d7a, e657e182",
		"2, set 6, 6832a65cff4473621ebdd4ba26a921fe, 36af6144, 24, 0, 383, d3c53839626820717765667620323837636240981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc, f0668c1e",
		"1, set 3, d3419be821087acd02123a9248033359, c7590ea9, 23, 0, 511, bbb057038809496bcff86d6fbc8ce5b135a06b166054f2d565be8ace75dc851e0bcdd8f07141c495872fb5d8c0c66a8b6da556663e4e461205d84580bee5bc7e, 9a16c77d",
		"1, set 4, 83fd23a244a74cf358da3019f1722635, 36af6144, 15, 1, 768, 35c68716633c66fb750c266865d53c11ea05b1e9fa49c8398d48e1efa5909d3947902837f5ae96d5a05bc8d61ca8dbef1b13a4b4abfe4fb1006045b674bb54729304c382be53a5af05556176f6eaa2ef1d05e4b083181ee674cda5a485f74d7a, bba74492",
		"1, set 5, 6832a65cff4473621ebdd4ba26a921fe, 36af6144, 24, 0, 383, d3c53839626820717765667620323837636240981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc, 4145e4b0",
		"3, set 1, 00000000000000000000000000000000, 00000000, 0, 0, 1, 00000000, c8a9595e",
		"3, set 2, 47054125561eb2dda94059da05097850, 561eb2dd, 20, 0, 90, 000000000000000000000000, 6719a088",
	})
	void integrityMatchesTestData(int algorithm, String set, String key, String count, int bearer, int direction,
			int bits, String message, String mac) {
		EpsParameters parameters = new EpsParameters(Bytes.fromHex(key), Long.parseLong(count, 16), bearer, direction);
		assertEquals(mac, Bytes.hex(EpsAlgorithms.integrity(algorithm).mac(parameters, BitString.ofHex(message, bits))));
	}
}
