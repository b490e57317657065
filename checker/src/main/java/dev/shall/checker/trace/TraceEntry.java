package dev.shall.checker.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trace as read from a file ({@link TraceFormat#read}), with where each of its values is, so
 * that whatever does not fit the model can be reported at its line and column.
 *
 * @param source    the file read
 * @param file      the {@code file} member as written (the model), null when absent
 * @param initial   the initial state per instance, null when the file gives none
 * @param ending    how the run ends ({@link Trace.Ending#FINITE} when the file does not say)
 * @param places    where the trace's values are: paths relative to the trace ({@code instances},
 *                  {@code options.NAME}, {@code steps[3].role}, and {@code ""} for the trace itself)
 */
public record TraceEntry(Path source, String file, String procedure, TraceDocument.Question question,
		Map<String, String> options, int instances, List<Map<String, String>> initial, List<StatedStep> steps,
		Trace.Ending ending, Map<String, Place> places) {

	/** The key in {@link #places} of where a member's name is, before its path. */
	static final String NAME = "name:";

	/** The violated property's name, when the trace's question is a property; null otherwise. */
	public String property() {
		return question != null && question.kind().equals("property") ? question.name() : null;
	}

	/**
	 * The trace as data, when the file gives all of it (the initial state, and every step with its
	 * kind, exchanges, state and changed variables), as shall writes it; empty for a trace written
	 * by hand with less. Reading what {@link TraceFormat#write} wrote gives the document written.
	 */
	public Optional<TraceDocument> document() {
		if (initial == null || steps.stream().anyMatch(step -> step.complete() == null)) {
			return Optional.empty();
		}
		List<TraceStep> complete = new ArrayList<>();
		steps.forEach(step -> complete.add(step.complete()));
		return Optional.of(new TraceDocument(file, procedure, question, options, instances, new Trace(initial, complete,
				ending)));
	}

	/** The place of a member, or of the nearest enclosing value the file has. */
	public Place place(String member) {
		for (String path = member;; path = parent(path)) {
			Place place = places.get(path);
			if (place != null || path.isEmpty()) {
				return place != null ? place : Place.FILE;
			}
		}
	}

	/** An error about the value at {@code member} (a path relative to the trace). */
	public BadTrace error(String member, String message) {
		return new BadTrace(source, place(member), message);
	}

	/** An error about the name of the member {@code member} of an object (an option, a variable). */
	public BadTrace errorAtName(String member, String message) {
		Place name = places.get(NAME + member);
		return name != null ? new BadTrace(source, name, message) : error(member, message);
	}

	/**
	 * The model file the trace names, which must be a regular file inside {@code project}
	 * (symbolic links followed): a missing member, a path outside the project, a missing file, a
	 * folder, a pipe or device is a {@link BadTrace} at {@code file}. A relative path is read
	 * beside the trace file, else from the working directory.
	 */
	public Path modelFile(Path project) {
		if (file == null) {
			throw error("", "names no model (the member \"file\"); give it with --model");
		}
		Path path;
		try {
			path = Path.of(file);
		} catch (InvalidPathException e) {
			throw error("file", "\"" + TraceFormat.clip(file, 80) + "\" is not a file path");
		}
		if (!path.isAbsolute()) {
			Path beside = source.toAbsolutePath().getParent().resolve(path);
			path = Files.exists(beside) || !Files.exists(path) ? beside : path.toAbsolutePath();
		}
		path = path.normalize();
		Path root = project.toAbsolutePath().normalize();
		if (!real(path).startsWith(real(root))) {
			throw error("file", path + " lies outside the project folder " + root
					+ " (--root sets the folder; --model names the model outright)");
		}
		if (!Files.exists(path)) {
			throw error("file", "there is no file " + path + "; give the model with --model");
		} else if (Files.isDirectory(path)) {
			throw error("file", path + " is a folder, not a .shall file");
		} else if (!Files.isRegularFile(path)) {
			throw error("file", path + " is not a regular file (a pipe or device would block the reader)");
		}
		return path;
	}

	private static Path real(Path path) {
		try {
			return path.toRealPath();
		} catch (IOException e) {
			return path; // not there: compared as written, and refused as missing after
		}
	}

	private static String parent(String path) {
		int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
		return cut < 0 ? "" : path.substring(0, cut);
	}
}
