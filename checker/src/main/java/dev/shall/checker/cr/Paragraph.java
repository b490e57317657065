package dev.shall.checker.cr;

import java.util.List;

/**
 * One paragraph of a CR, as both readers produce it: its text in runs of one change status each,
 * and where it is. A plain-text CR gives one paragraph per line ({@code line} its line number); a
 * .docx CR one per {@code w:p} of the body and of its tables, in document order ({@code line} the
 * paragraph's 1-based number in that order, since a .docx has no lines).
 *
 * @param segments the text in runs: unchanged, {@link ChangeStatus#INSERTED} or
 *                 {@link ChangeStatus#DELETED}; never empty, a run never contains a line break
 * @param line     the line (text) or paragraph number (.docx), 1-based
 * @param listItem for a .docx paragraph of a numbered or bulleted list, whether it is one (its
 *                 label, "1." or "-", is already the start of its text)
 */
public record Paragraph(List<Segment> segments, int line, boolean listItem) {

	/** A run of text with one status. */
	public record Segment(String text, ChangeStatus status) {
	}

	public Paragraph {
		segments = List.copyOf(segments);
	}

	/** An unchanged paragraph of plain text. */
	public static Paragraph plain(String text, int line) {
		return new Paragraph(List.of(new Segment(text, ChangeStatus.UNCHANGED)), line, false);
	}

	/** Everything, deleted runs included, in order: the positions sentences are located by. */
	public String combined() {
		StringBuilder text = new StringBuilder();
		segments.forEach(s -> text.append(s.text()));
		return text.toString();
	}

	/** The status of each character of {@link #combined()}. */
	public ChangeStatus[] statuses() {
		ChangeStatus[] statuses = new ChangeStatus[combined().length()];
		int at = 0;
		for (Segment segment : segments) {
			for (int i = 0; i < segment.text().length(); i++) {
				statuses[at++] = segment.status();
			}
		}
		return statuses;
	}

	/** Whether every character is deleted (and there is at least one). */
	public boolean deleted() {
		return segments.stream().anyMatch(s -> !s.text().isEmpty())
				&& segments.stream().allMatch(s -> s.text().isEmpty() || s.status() == ChangeStatus.DELETED);
	}

	/**
	 * The text the structure is parsed from: the paragraph as it reads after the CR (deleted runs
	 * left out), or, for a paragraph the CR deletes entirely, as it read before.
	 */
	public String structureText() {
		if (deleted()) {
			return combined();
		}
		StringBuilder text = new StringBuilder();
		segments.stream().filter(s -> s.status() != ChangeStatus.DELETED).forEach(s -> text.append(s.text()));
		return text.toString();
	}
}
