package dev.shall.checker.cr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 3GPP network entities a CR's text names, recognised by their abbreviations as the
 * specifications write them (TS 33.401 clause 3.3 and TS 33.501 clause 3.3 list them; TS 23.327 for
 * the HA; TS 33.401 clause 16 for the LWIP-SeGW). A name counts as a whole word: not inside another
 * word or hyphenated compound ("UE-specific" is no mention of the UE), a plural "s" allowed ("UEs").
 * Spelling variants of the seeds map to one name ("LWIP SeGW", "LWIP-SEeGW", "LWIP-SEGW" are the
 * LWIP-SeGW).
 */
public final class Entities {

	/** Canonical name → pattern; longer names first, so that "MeNB" is not also an "eNB". */
	private static final Map<String, Pattern> ENTITIES = new LinkedHashMap<>();

	static {
		entity("LWIP-SeGW", "LWIP[- ]?(?i:se+g?w)");
		entity("SeGW", "SeGW|SEGW");
		entity("MeNB", "MeNB");
		entity("SeNB", "SeNB");
		entity("ng-eNB", "ng-eNB");
		entity("eNB", "eNB|eNodeB");
		entity("gNB", "gNB");
		entity("UE", "UE");
		entity("MME", "MME");
		entity("HA", "HA");
		entity("HSS", "HSS");
		entity("S-GW", "S-GW|SGW");
		entity("P-GW", "P-GW|PGW");
		entity("SGSN", "SGSN");
		entity("RNC", "RNC");
		entity("MSC", "MSC");
		entity("AMF", "AMF");
		entity("SEAF", "SEAF");
		entity("AUSF", "AUSF");
		entity("UDM", "UDM");
		entity("SMF", "SMF");
		entity("UPF", "UPF");
		entity("N3IWF", "N3IWF");
		entity("MN", "MN");
		entity("SN", "SN");
	}

	private static void entity(String name, String regex) {
		ENTITIES.put(name, Pattern.compile("(?<![A-Za-z0-9-])(?:" + regex + ")s?(?![A-Za-z0-9-])"));
	}

	private Entities() {
	}

	/** The entities {@code text} names, each once, in the order of their first mention. */
	public static List<String> named(String text) {
		Map<Integer, String> found = new java.util.TreeMap<>();
		StringBuilder rest = new StringBuilder(text);
		for (Map.Entry<String, Pattern> entity : ENTITIES.entrySet()) {
			Matcher m = entity.getValue().matcher(rest);
			while (m.find()) {
				found.putIfAbsent(m.start(), entity.getKey());
				// blank the match so that a shorter name does not match inside it ("LWIP SeGW")
				for (int i = m.start(); i < m.end(); i++) {
					rest.setCharAt(i, ' ');
				}
				m = entity.getValue().matcher(rest);
			}
		}
		List<String> names = new ArrayList<>();
		for (String name : found.values()) {
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}
}
