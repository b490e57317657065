package dev.shall.checker.trace;

import java.nio.file.Path;

import dev.shall.checker.text.Escaping;

/**
 * A fault of a trace file, or of a trace that does not fit its model: one line,
 * {@code FILE:LINE:COLUMN: PATH: what is wrong}, escaped for a terminal.
 */
public final class BadTrace extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient Place place;

	public BadTrace(Path file, Place place, String message) {
		super(Escaping.visible(place.prefix(file) + message));
		this.place = place;
	}

	/** Where the fault is. */
	public Place place() {
		return place;
	}
}
