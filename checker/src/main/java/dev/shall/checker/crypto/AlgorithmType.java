package dev.shall.checker.crypto;

/** The algorithm type distinguishers of TS 33.401 Table A.7-1. */
public enum AlgorithmType {
	NAS_ENC(0x01, "nas-enc"), NAS_INT(0x02, "nas-int"), RRC_ENC(0x03, "rrc-enc"), RRC_INT(0x04, "rrc-int"),
	UP_ENC(0x05, "up-enc"), UP_INT(0x06, "up-int");

	private final int distinguisher;
	private final String label;

	AlgorithmType(int distinguisher, String label) {
		this.distinguisher = distinguisher;
		this.label = label;
	}

	public int distinguisher() {
		return distinguisher;
	}

	public String label() {
		return label;
	}

	public static AlgorithmType ofLabel(String label) {
		for (AlgorithmType type : values()) {
			if (type.label.equals(label)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown algorithm type '" + label
				+ "'; expected nas-enc, nas-int, rrc-enc, rrc-int, up-enc or up-int");
	}
}
