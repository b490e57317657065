package dev.shall.dsl.ide;

import java.util.Arrays;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The text of a document as the client sees it, with the positions of the Language Server
 * Protocol over it (LSP 3.17, "Position" and "Range"): a line ends at {@code \n}, {@code \r\n} or
 * {@code \r}; a character is a UTF-16 code unit, Java's {@code char}. Positions past the end of a
 * line or of the document are clamped, as LSP 3.17 prescribes for the character ("If the character
 * value is greater than the line length it defaults back to the line length") and as we extend
 * to the line: past the last line is the end of the document. Immutable.
 */
final class DocumentText {

	private final String text;

	/** The offset at which each line starts; line 0 starts at 0. */
	private final int[] lineStarts;

	DocumentText(String text) {
		this.text = text == null ? "" : text;
		this.lineStarts = lineStarts(this.text);
	}

	String text() {
		return text;
	}

	int length() {
		return text.length();
	}

	/** The number of lines, at least 1 (an empty text has one empty line). */
	int lineCount() {
		return lineStarts.length;
	}

	/** The length of the 0-based line in characters, without its line end. */
	int lineLength(int line) {
		if (line + 1 == lineStarts.length) {
			return text.length() - lineStarts[line];
		}
		int end = lineStarts[line + 1] - 1; // at the \n or the lone \r
		if (text.charAt(end) == '\n' && end > lineStarts[line] && text.charAt(end - 1) == '\r') {
			end--;
		}
		return end - lineStarts[line];
	}

	/** Whether the position lies in the text: a line that exists and a character within it or at its end. */
	boolean contains(Position position) {
		return position.getLine() >= 0 && position.getLine() < lineCount() && position.getCharacter() >= 0
				&& position.getCharacter() <= lineLength(position.getLine());
	}

	/**
	 * The position itself if it lies in the text, else the nearest one that does: a negative line or
	 * character is 0, a character past the end of its line is the end of the line, a line past the last
	 * line is the end of the text.
	 */
	Position clamp(Position position) {
		if (contains(position)) {
			return position;
		}
		if (position.getLine() >= lineCount()) {
			int last = lineCount() - 1;
			return new Position(last, lineLength(last));
		}
		int line = Math.max(0, position.getLine());
		return new Position(line, Math.clamp(position.getCharacter(), 0, lineLength(line)));
	}

	/** The range with both ends clamped, and its ends in order (start before end). */
	Range clamp(Range range) {
		Position start = clamp(range.getStart());
		Position end = clamp(range.getEnd());
		if (offset(end) < offset(start)) {
			Position swap = start;
			start = end;
			end = swap;
		}
		return start == range.getStart() && end == range.getEnd() ? range : new Range(start, end);
	}

	/** The offset of the position, clamped first. */
	int offset(Position position) {
		Position clamped = clamp(position);
		return lineStarts[clamped.getLine()] + clamped.getCharacter();
	}

	/** The position of the offset (clamped to 0..length). */
	Position position(int offset) {
		int at = Math.clamp(offset, 0, text.length());
		int line = Arrays.binarySearch(lineStarts, at);
		if (line < 0) {
			line = -line - 2;
		}
		return new Position(line, Math.min(at - lineStarts[line], lineLength(line)));
	}

	/** The text with the range (clamped) replaced by the new text (null is empty). */
	DocumentText replace(Range range, String newText) {
		Range clamped = clamp(range);
		String inserted = newText == null ? "" : newText;
		return new DocumentText(text.substring(0, offset(clamped.getStart())) + inserted
				+ text.substring(offset(clamped.getEnd())));
	}

	/** "line:character" with both 1-based, as editors show them. */
	static String show(Position position) {
		return (position.getLine() + 1) + ":" + (position.getCharacter() + 1);
	}

	/** "line:character–line:character" with both 1-based. */
	static String show(Range range) {
		return show(range.getStart()) + "–" + show(range.getEnd());
	}

	private static int[] lineStarts(String text) {
		int[] starts = new int[16];
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}
}
