package dev.shall.checker.cr;

import java.util.List;

/**
 * A CR's structure, as {@link CrStructureReader} parses it: the blocks inside its change regions
 * (the whole document when it has no change markers), each in a clause.
 *
 * @param file    the CR's file name as given
 * @param spec    the specification the CR changes when the text says so ("changes to 3GPP TS
 *                24.327", "for TS 33.401"), else null
 * @param clauses the clauses in order of their headings (a CR without headings has one, named in
 *                its introduction: "the text for Section X.2.3")
 * @param blocks  the paragraphs of the change regions that hold text, in order
 */
public record CrDocument(String file, String spec, List<Clause> clauses, List<Block> blocks) {

	public CrDocument {
		clauses = List.copyOf(clauses);
		blocks = List.copyOf(blocks);
	}

	/** A clause: its number as written without spaces ("16.5" for "16. 5"), its title, where its heading is. */
	public record Clause(String number, String title, int line) {
	}

	/** What a paragraph is. */
	public enum Kind {
		/** A numbered step ("1.", "1a.", "Step 2"), or a paragraph that continues one. */
		STEP,
		/** An item of a bulleted list. */
		BULLET,
		/** A NOTE (informative, TR 21.801). */
		NOTE,
		/** An Editor's Note: an open question of the draft. */
		EDITORS_NOTE,
		/** Running text. */
		TEXT
	}

	/**
	 * A paragraph with text.
	 *
	 * @param clause     the number of the clause it lies in
	 * @param step       the label of the step it belongs to ("2", "1a"), or null
	 * @param paragraph  the paragraph it was read from
	 * @param offset     where its content starts in {@link Paragraph#structureText()} (after a label,
	 *                   a bullet, "NOTE:" or a bookmark)
	 * @param region     {@link ChangeStatus#CHANGED} inside a change region of a document with
	 *                   change markers, else {@link ChangeStatus#UNCHANGED}
	 * @param references the references it cites (TS 33.210 [36], RFC 4306, [x]), as written
	 */
	public record Block(Kind kind, String clause, String step, Paragraph paragraph, int offset, ChangeStatus region,
			List<String> references) {
		public Block {
			references = List.copyOf(references);
		}

		/** The content: the structure text from {@link #offset}, without trailing space. */
		public String content() {
			return paragraph.structureText().substring(offset).stripTrailing();
		}
	}
}
