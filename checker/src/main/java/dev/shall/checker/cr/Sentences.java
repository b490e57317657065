package dev.shall.checker.cr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph's text into sentences: at '.', '!' or '?' followed by white space and a
 * capital letter, a digit, a quote or the end, the closing quotes and brackets after the mark
 * included. Not a sentence end: the dot of an abbreviation ("e.g.", "i.e.", "cf.", "Fig.", "No.",
 * "Sec.") and a dot inside a number ("TS 33.401", "clause 7.2.4" — no space follows it). A clause
 * number that ends a sentence ("as in clause 7.2.4. The UE") does end it.
 */
public final class Sentences {

	private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "cf", "fig", "no", "nos", "sec", "vs",
			"approx", "ref", "incl", "al", "resp", "viz", "cl", "sub", "subcl", "tab", "eq", "annex", "p", "pp");

	private Sentences() {
	}

	/** The sentences of {@code text}, as [start, end) offsets without surrounding white space. */
	public static List<int[]> split(String text) {
		List<int[]> sentences = new ArrayList<>();
		int start = skipSpace(text, 0);
		int i = start;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '.' || c == '!' || c == '?') {
				int end = i + 1;
				while (end < text.length() && "\"'”’)]".indexOf(text.charAt(end)) >= 0) {
					end++;
				}
				int next = skipSpace(text, end);
				boolean spaced = end == text.length() || Character.isWhitespace(text.charAt(end));
				boolean opens = next == text.length() || Character.isUpperCase(text.charAt(next)) || Character.isDigit(text
						.charAt(next)) || "\"“‘'([".indexOf(text.charAt(next)) >= 0;
				if (spaced && opens && !(c == '.' && abbreviation(text, i))) {
					add(sentences, text, start, end);
					start = next;
					i = next;
					continue;
				}
			}
			i++;
		}
		add(sentences, text, start, text.length());
		return sentences;
	}

	private static void add(List<int[]> sentences, String text, int start, int end) {
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (end > start) {
			sentences.add(new int[] { start, end });
		}
	}

	private static int skipSpace(String text, int at) {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
		return at;
	}

	/** Whether the dot at {@code dot} ends an abbreviation: the word before it is one. */
	private static boolean abbreviation(String text, int dot) {
		int begin = dot;
		while (begin > 0 && !Character.isWhitespace(text.charAt(begin - 1)) && text.charAt(begin - 1) != '(') {
			begin--;
		}
		String word = text.substring(begin, dot).toLowerCase(Locale.ROOT);
		return ABBREVIATIONS.contains(word);
	}
}
