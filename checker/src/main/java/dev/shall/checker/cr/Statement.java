package dev.shall.checker.cr;

import java.util.List;

/**
 * One statement of a CR's inventory.
 *
 * @param id         stable within its clause (ADR 0016): {@code <clause>/s<n>} for the n-th normative
 *                   sentence of the clause, {@code /p<n>} for a statement of possibility ("can"),
 *                   {@code /n<n>} for a NOTE, {@code /e<n>} for an Editor's Note
 * @param kind       what it is
 * @param clause     the clause number ("16.2.2")
 * @param step       the step label it lies in ("5"), or null
 * @param keywords   its normative keywords in order of appearance, each once, lower case
 *                   ("shall", "shall not", "may"…)
 * @param roles      the entities it names ({@link Entities})
 * @param status     inserted, deleted, modified, changed (a region of a text CR) or unchanged
 * @param text       the sentence (a NOTE or Editor's Note: the whole note)
 * @param file       the CR file, as given
 * @param line       its line (text) or paragraph number (.docx), 1-based
 * @param column     the column of its first character in that line or paragraph, 1-based
 * @param references the references it cites (TS 33.210 [36], RFC 4306, [x]), as the grammar finds them
 */
public record Statement(String id, Kind kind, String clause, String step, List<String> keywords, List<String> roles,
		ChangeStatus status, String text, String file, int line, int column, List<String> references) {

	public Statement {
		keywords = List.copyOf(keywords);
		roles = List.copyOf(roles);
		references = List.copyOf(references);
	}

	/**
	 * The kinds of statement, after the verbal forms of 3GPP TR 21.801 (Specification drafting
	 * rules), Annex E "Verbal forms for the expression of provisions" (normative; V16.2.0): shall/shall not (requirement), should/should not (recommendation), may/need
	 * not (permission), can/cannot (possibility and capability); "must" is counted a requirement
	 * (the CRs use it as one, though TR 21.801 discourages it), "may not" a permission.
	 */
	public enum Kind {
		REQUIREMENT("requirement", "s"), RECOMMENDATION("recommendation", "s"), PERMISSION("permission", "s"),
		POSSIBILITY("possibility", "p"), NOTE("note", "n"), EDITORS_NOTE("editors-note", "e");

		private final String label;
		private final String prefix;

		Kind(String label, String prefix) {
			this.label = label;
			this.prefix = prefix;
		}

		/** The JSON and text name (stable). */
		public String label() {
			return label;
		}

		/** The letter of its ids: s, p, n or e. */
		public String prefix() {
			return prefix;
		}

		/**
		 * Whether a statement of this kind is normative — a requirement, recommendation or
		 * permission — and therefore a warning when no model element covers it. A possibility
		 * describes, a NOTE informs (TR 21.801: NOTEs hold no provisions); an Editor's Note is an
		 * open question, a warning too when no option models it.
		 */
		public boolean warnsUncovered() {
			return this == REQUIREMENT || this == RECOMMENDATION || this == PERMISSION || this == EDITORS_NOTE;
		}
	}

	/** {@code file:line:column}. */
	public String location() {
		return file + ":" + line + ":" + column;
	}
}
