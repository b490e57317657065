package dev.shall.model.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project folder a file belongs to, which paths named inside the file (imports, the model a
 * trace names) must not leave: the folder the user gave ({@code --root}), else the Git working
 * tree the file lies in, else a fallback the caller chooses (the working directory for imports,
 * the trace's own folder for {@code shall replay}).
 */
public final class ProjectFolder {

	private ProjectFolder() {
	}

	/**
	 * The Git working tree {@code file} lies in: the nearest folder above it holding {@code .git}
	 * (a folder, or a file in a linked worktree or submodule); empty when there is none.
	 */
	public static Optional<Path> gitWorkingTree(Path file) {
		for (Path folder = file.toAbsolutePath().normalize().getParent(); folder != null; folder = folder.getParent()) {
			if (Files.exists(folder.resolve(".git"))) {
				return Optional.of(folder);
			}
		}
		return Optional.empty();
	}

	/**
	 * The project folder of {@code file}, absolute and normalized: {@code root} when not null, else
	 * its Git working tree, else {@code fallback}.
	 */
	public static Path of(Path file, Path root, Path fallback) {
		Path folder = root != null ? root : gitWorkingTree(file).orElse(fallback);
		return folder.toAbsolutePath().normalize();
	}
}
