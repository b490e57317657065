package dev.shall.checker.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a {@code .shall} file imports, directly or through other imports, read from the text
 * ({@code import "path"}, resolved against the importing file's folder, as the language resolves
 * it) without parsing: for the result cache's key and for {@code --changed-since}. An import
 * written inside a comment counts too — that only makes a cache entry or a file depend on more
 * than it must, never on less.
 */
public final class Imports {

	private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+\"([^\"\\r\\n]*)\"");

	private Imports() {
	}

	/**
	 * {@code file} and every file it imports transitively, absolute and normalized, in the order
	 * found (the file first). An import that names no readable file is listed all the same (its
	 * absence is part of what a check depends on).
	 */
	public static Set<Path> closure(Path file) {
		Set<Path> seen = new LinkedHashSet<>();
		Deque<Path> work = new ArrayDeque<>();
		work.add(file.toAbsolutePath().normalize());
		while (!work.isEmpty()) {
			Path next = work.poll();
			if (!seen.add(next) || !Files.isRegularFile(next)) {
				continue;
			}
			String text;
			try {
				text = Files.readString(next, StandardCharsets.UTF_8);
			} catch (IOException | java.io.UncheckedIOException e) {
				continue;
			}
			Matcher m = IMPORT.matcher(text);
			while (m.find()) {
				try {
					Path folder = next.getParent();
					work.add((folder == null ? Path.of(m.group(1)) : folder.resolve(m.group(1))).toAbsolutePath()
							.normalize());
				} catch (java.nio.file.InvalidPathException e) {
					// not a path: the front end reports it (shall.bad-import); nothing to depend on
				}
			}
		}
		return seen;
	}
}
