package dev.shall.checker.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Text widths for laying out charts without a font at hand: the advance widths of Helvetica (the
 * Adobe core font metrics, which Arial and Liberation Sans share) per ASCII character, scaled up by
 * {@link #SAFETY} so that a renderer that falls back to a wider sans-serif (DejaVu Sans, about 10%
 * wider) still fits. Deterministic on every machine, unlike {@code java.awt.Font} metrics, which
 * depend on the fonts installed — charts and their goldens must not.
 */
final class TextMetrics {

	/** How much wider than Helvetica a fallback font may set the text. */
	static final double SAFETY = 1.12;

	/** Helvetica widths in 1/1000 em for the characters 32 (space) to 126 (~). */
	private static final int[] HELVETICA = { 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
			278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722,
			667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
			278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
			556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 };

	private TextMetrics() {
	}

	/** The width in px of {@code text} set at {@code size} px, bold or not. */
	static double width(String text, double size, boolean bold) {
		double units = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLowSurrogate(c)) {
				continue;
			}
			if (c >= 32 && c <= 126) {
				units += HELVETICA[c - 32];
			} else if (Character.isIdeographic(c) || Character.isSurrogate(c)) {
				units += 1000;
			} else {
				units += 700; // arrows, ≠, accented letters: at most this wide in the sans-serif fonts
			}
		}
		return units / 1000 * size * (bold ? 1.15 : 1) * SAFETY;
	}

	/**
	 * {@code text} broken into lines no wider than {@code max} px: at spaces, and after commas,
	 * opening parentheses and {@code =} where a value has no spaces; a word wider than a line is
	 * broken between characters. Nothing is dropped: the lines joined are the text (but for the
	 * spaces broken at).
	 */
	static List<String> wrap(String text, double max, double size, boolean bold) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\n", -1)) {
			wrapParagraph(paragraph, max, size, bold, lines);
		}
		return lines;
	}

	private static void wrapParagraph(String text, double max, double size, boolean bold, List<String> lines) {
		List<String> tokens = tokens(text);
		StringBuilder line = new StringBuilder();
		for (String token : tokens) {
			String candidate = line + token;
			if (width(candidate.stripTrailing(), size, bold) <= max || line.isEmpty() && width(token.strip(), size,
					bold) <= max) {
				line.append(token);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString().strip());
				line.setLength(0);
			}
			String rest = token.stripLeading();
			while (width(rest.strip(), size, bold) > max && rest.length() > 1) {
				int cut = 1;
				while (cut < rest.length() && width(rest.substring(0, cut + 1), size, bold) <= max) {
					cut++;
				}
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
			}
			line.append(rest);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString().strip());
		}
	}

	/** Words with their trailing space, values split after {@code ,}, {@code (} and {@code =}. */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			token.append(c);
			boolean spaceEnds = c == ' ' && (i + 1 == text.length() || text.charAt(i + 1) != ' ');
			if (spaceEnds || c == ',' && (i + 1 == text.length() || text.charAt(i + 1) != ' ') || c == '(' || c == '='
					&& i + 1 < text.length() && text.charAt(i + 1) != ' ') {
				tokens.add(token.toString());
				token.setLength(0);
			}
		}
		if (!token.isEmpty()) {
			tokens.add(token.toString());
		}
		return tokens;
	}
}
