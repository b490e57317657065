package dev.shall.checker.cr;

/**
 * Where a piece of CR text lies with respect to the CR's delta. A .docx CR says it exactly (its
 * tracked changes, {@code w:ins} and {@code w:del}, ECMA-376 Part 1 §17.13.5); a plain-text CR has
 * lost its revision marks and only says which regions its change markers enclose.
 */
public enum ChangeStatus {
	/** Outside every change, or in a document without change marks at all. */
	UNCHANGED("unchanged"),
	/** A tracked insertion: the CR adds this text. */
	INSERTED("inserted"),
	/** A tracked deletion: the CR removes this text. */
	DELETED("deleted"),
	/** Partly inserted or deleted: the CR edits this sentence. */
	MODIFIED("modified"),
	/** Inside a change region of a plain-text CR ("*** Begin Changes ***"): inserted or edited, not known which. */
	CHANGED("changed");

	private final String label;

	ChangeStatus(String label) {
		this.label = label;
	}

	/** The name the inventory's text and JSON use (stable). */
	public String label() {
		return label;
	}
}
