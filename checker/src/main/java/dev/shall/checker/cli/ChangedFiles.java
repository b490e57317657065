package dev.shall.checker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.shall.checker.pipeline.Imports;

/**
 * {@code --changed-since REV}: of the {@code .shall} files the PATHs name (folders searched as
 * {@code shall check} searches them), those Git reports changed since REV — committed since, staged
 * or not, or new and not ignored — and those that import a changed file, directly or not.
 */
final class ChangedFiles {

	/** Why the files could not be chosen: not in a Git repository, or Git refused the revision. */
	static final class Failure extends Exception {
		private static final long serialVersionUID = 1L;

		Failure(String message) {
			super(message);
		}
	}

	private ChangedFiles() {
	}

	/**
	 * The files to check, in the order {@code shall check} would check them.
	 *
	 * @throws Failure when the first PATH is not in a Git working tree, {@code git} cannot
	 *                 be run, or the revision is unknown (the message says which, with Git's words)
	 */
	static List<Path> select(List<Path> paths, String revision, String extension) throws Failure {
		// the repository of the files checked (the first PATH's), wherever shall runs from
		Path first = paths.get(0).toAbsolutePath().normalize();
		Path start = Files.isDirectory(first) ? first : first.getParent();
		Path top = Path.of(git(start == null ? Path.of("").toAbsolutePath() : start, "rev-parse", "--show-toplevel")
				.strip());
		Set<Path> changed = new HashSet<>();
		for (String name : git(top, "diff", "--name-only", "-z", revision, "--").split("\0")) {
			if (!name.isEmpty()) {
				changed.add(top.resolve(name).toAbsolutePath().normalize());
			}
		}
		for (String name : git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")) {
			if (!name.isEmpty()) {
				changed.add(top.resolve(name).toAbsolutePath().normalize());
			}
		}
		List<Path> selected = new ArrayList<>();
		for (Path file : files(paths, extension)) {
			if (Imports.closure(file).stream().anyMatch(changed::contains)) {
				selected.add(file);
			}
		}
		return selected;
	}

	/** Every file the PATHs name: a file as given, a folder's files with the extension, sorted by path. */
	static List<Path> files(List<Path> paths, String extension) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(p -> p.toString().endsWith("." + extension) && Files.isRegularFile(p)).sorted().forEach(
							files::add);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			} else {
				files.add(path);
			}
		}
		return files;
	}

	private static String git(Path folder, String... arguments) throws Failure {
		List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(false).start();
		} catch (IOException e) {
			throw new Failure("--changed-since needs git, which cannot be run: " + e.getMessage());
		}
		try {
			process.getOutputStream().close();
			byte[] out = process.getInputStream().readAllBytes();
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				if (arguments[0].equals("rev-parse")) {
					throw new Failure("--changed-since needs a Git working tree, and " + folder
							+ " is not in one (git: " + err + ")");
				}
				throw new Failure("--changed-since: git " + String.join(" ", arguments) + " failed: " + err);
			}
			return new String(out, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new Failure("--changed-since: git failed: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Failure("--changed-since: interrupted");
		}
	}
}
