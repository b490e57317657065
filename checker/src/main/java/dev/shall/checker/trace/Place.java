package dev.shall.checker.trace;

import java.nio.file.Path;

/**
 * Where a JSON value of a trace file starts (1-based line and column; 0 when unknown) and its
 * path, e.g. {@code results[0].trace.steps[3].instance}.
 */
public record Place(int line, int column, String path) {

	/** Where nothing more precise is known: the file as a whole. */
	static final Place FILE = new Place(0, 0, "");

	/** {@code FILE:LINE:COLUMN: PATH: }, what a {@link BadTrace} message starts with. */
	String prefix(Path file) {
		return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + (path.isEmpty() ? "" : TraceFormat.clip(path,
				120) + ": ");
	}
}
