package dev.shall.model.check;

import java.util.List;

/**
 * A model-check result as an editor marks it: where, how severe, a one-line message, the trace's
 * steps as related locations, and the text a hover on the subject shows.
 *
 * @param subject the property's or step's name the mark belongs to (hovers look it up)
 * @param line    1-based line of the property or step, 0 for the procedure as a whole
 */
public record CheckMark(Severity severity, String subject, int line, int column, String message, String hover,
		List<Related> related) {

	public enum Severity {
		ERROR, WARNING, INFO, NONE
	}

	/** A step of the counterexample: its line and what happened there. */
	public record Related(int line, String message) {
	}

	public CheckMark {
		related = List.copyOf(related);
	}
}
