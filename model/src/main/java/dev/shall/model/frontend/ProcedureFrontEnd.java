package dev.shall.model.frontend;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Turns source files into compiled procedures. The checker finds the implementation (the
 * language in {@code dsl/}) through {@link ServiceLoader}, so that it never depends on the
 * language: the arrows stay dsl → model ← checker.
 */
public interface ProcedureFrontEnd {

	/** The file name extension of the sources this front end reads, without the dot. */
	String fileExtension();

	/**
	 * Parses, validates and compiles the files. A file that holds a rule library yields no
	 * procedure but still reports its diagnostics. Never throws for bad input.
	 */
	List<LoadedFile> load(List<Path> files);

	/** The front end on the class path. */
	static ProcedureFrontEnd find() {
		return ServiceLoader.load(ProcedureFrontEnd.class).findFirst().orElseThrow(() -> new IllegalStateException(
				"No procedure front end on the class path: is the shall-dsl jar missing?"));
	}
}
