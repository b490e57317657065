package dev.shall.checker.text;

/**
 * Escaping of text that comes from the user (descriptions, clauses and other string literals of a
 * model, file names, option values, trace files) before it reaches any output, so that no report
 * can carry a terminal control sequence, reorder what a reader sees, or make an XML or JSON file
 * invalid.
 *
 * <p>The characters escaped ({@link #isUnsafe(int)}): the C0 controls U+0000–U+001F (tab and line
 * breaks included: a report's line structure is its own, not the model's), DEL U+007F and the C1
 * controls U+0080–U+009F (ESC and the 8-bit CSI start terminal sequences); the bidirectional
 * formatting characters U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069 (which reorder
 * displayed text, CVE-2021-42574 "Trojan Source"); the separators U+2028 and U+2029; the
 * noncharacters U+FFFE and U+FFFF and unpaired surrogates, which XML 1.0 §2.2 excludes from
 * {@code Char} (as it excludes every C0 control but tab, LF and CR, even written as a character
 * reference) and which UTF-8 cannot encode.
 */
public final class Escaping {

	private Escaping() {
	}

	/** Whether a UTF-16 code unit or code point is escaped (a lone surrogate is judged by {@link #visible}). */
	public static boolean isUnsafe(int c) {
		return c <= 0x1f || c >= 0x7f && c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f
				|| c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029
				|| c == 0xfffe || c == 0xffff;
	}

	/**
	 * The text with every unsafe character written as a visible {@code \}{@code uXXXX} (upper-case
	 * hex, as Java and JSON write it): for terminals, plain text files and XML character data or
	 * attributes (before the XML writer escapes markup). Null stays null.
	 */
	public static String visible(String text) {
		if (text == null || !needsEscaping(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			} else if (isUnsafe(c) || Character.isSurrogate(c)) {
				out.append(String.format("\\u%04X", (int) c));
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * The text for HTML or SVG content and attribute values: {@link #visible} first, then the five
	 * characters XML 1.0 §2.4 and HTML treat as markup as entities.
	 */
	public static String markup(String text) {
		if (text == null) {
			return null;
		}
		String safe = visible(text);
		StringBuilder out = new StringBuilder(safe.length() + 16);
		for (int i = 0; i < safe.length(); i++) {
			char c = safe.charAt(i);
			switch (c) {
			case '&' -> out.append("&amp;");
			case '<' -> out.append("&lt;");
			case '>' -> out.append("&gt;");
			case '"' -> out.append("&quot;");
			case '\'' -> out.append("&#39;");
			default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * A serialized JSON text (as Gson writes it) with every unsafe character that Gson leaves raw —
	 * DEL, the C1 controls, the bidirectional formatting characters, noncharacters, unpaired
	 * surrogates — written as a JSON escape {@code \}{@code uXXXX} (RFC 8259 §7). Outside strings a
	 * JSON text is ASCII, so every such character lies inside a string, and the escape stands for
	 * the very same character: the data are unchanged, the file is plain ASCII where it mattered.
	 */
	public static String json(String serialized) {
		if (!needsEscaping(serialized)) {
			return serialized;
		}
		StringBuilder out = new StringBuilder(serialized.length() + 16);
		for (int i = 0; i < serialized.length(); i++) {
			char c = serialized.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < serialized.length()
					&& Character.isLowSurrogate(serialized.charAt(i + 1))) {
				out.append(c).append(serialized.charAt(++i));
			} else if (c != '\n' && c != '\r' && c != '\t' && (isUnsafe(c) || Character.isSurrogate(c))) {
				// Gson already escapes C0 inside strings; the tabs and line breaks left are its own layout
				out.append(String.format("\\u%04x", (int) c));
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean needsEscaping(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			} else if (isUnsafe(c) || Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}
}
