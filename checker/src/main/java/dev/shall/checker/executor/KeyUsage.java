package dev.shall.checker.executor;

import java.util.Locale;

import dev.shall.checker.crypto.AlgorithmType;
import dev.shall.checker.crypto.EpsKeys;
import dev.shall.model.KeyDecl;

/**
 * What a symbolic key protects, read from its declaration: the model names keys as the specs do
 * (KASME, KeNB, S-KeNB, KRRCint, LWIP-PSK), and the executor needs to know which algorithm key
 * (TS 33.401 A.7) or which IKEv2 secret the bytes turn into.
 */
enum KeyUsage {
	NAS(AlgorithmType.NAS_ENC, AlgorithmType.NAS_INT), RRC(AlgorithmType.RRC_ENC, AlgorithmType.RRC_INT),
	UP(AlgorithmType.UP_ENC, AlgorithmType.UP_INT), IKEV2_PSK(null, null), ALGORITHM_KEY(null, null);

	private final AlgorithmType ciphering;
	private final AlgorithmType integrity;

	KeyUsage(AlgorithmType ciphering, AlgorithmType integrity) {
		this.ciphering = ciphering;
		this.integrity = integrity;
	}

	static KeyUsage of(KeyDecl key) {
		if (key.getDerivation() != null && key.getDerivation().toLowerCase(Locale.ROOT).replace("_", "").equals("algkey")) {
			return ALGORITHM_KEY;
		}
		String name = key.getName().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		if (name.contains("psk")) {
			return IKEV2_PSK;
		}
		if (name.contains("asme") || name.contains("nas")) {
			return NAS;
		}
		// the SeNB's and the WT's keys protect user plane only (TS 33.401 E.2.4)
		if (name.contains("skenb") || name.contains("senb") || name.contains("up") || name.contains("kwt")) {
			return UP;
		}
		return RRC;
	}

	/** The A.7 algorithm type of a key declared as {@code alg_key(...)}, from its name (KRRCint, KUPenc...). */
	static AlgorithmType algorithmTypeOf(KeyDecl key) {
		String name = key.getName().toLowerCase(Locale.ROOT);
		String plane = name.contains("nas") ? "nas" : name.contains("rrc") ? "rrc" : name.contains("up") ? "up" : null;
		String kind = name.endsWith("int") || name.contains("int") ? "int" : name.contains("enc") ? "enc" : null;
		if (plane == null || kind == null) {
			throw new IllegalArgumentException("cannot tell which algorithm key " + key.getName() + " is; name it as "
					+ "TS 33.401 does (KNASint, KRRCenc, KUPenc...)");
		}
		return AlgorithmType.ofLabel(plane + "-" + kind);
	}

	/** The 128-bit key an EPS integrity algorithm uses when this key protects a message. */
	byte[] integrityKey(byte[] value, int algorithm) {
		return this == ALGORITHM_KEY || integrity == null ? last16(value) : EpsKeys.algorithmKey(value, integrity, algorithm);
	}

	/** The 128-bit key an EPS ciphering algorithm uses when this key protects a message. */
	byte[] cipheringKey(byte[] value, int algorithm) {
		return this == ALGORITHM_KEY || ciphering == null ? last16(value) : EpsKeys.algorithmKey(value, ciphering, algorithm);
	}

	String integrityName() {
		return integrity == null ? "the key itself" : "its A.7 " + integrity.label() + " key";
	}

	String cipheringName() {
		return ciphering == null ? "the key itself" : "its A.7 " + ciphering.label() + " key";
	}

	private static byte[] last16(byte[] value) {
		return value.length <= 16 ? value : java.util.Arrays.copyOfRange(value, value.length - 16, value.length);
	}
}
