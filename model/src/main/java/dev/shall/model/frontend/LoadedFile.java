package dev.shall.model.frontend;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.shall.model.Procedure;

/**
 * The outcome of loading one source file: the compiled procedure, when the file holds one and
 * has no errors, and every diagnostic of the file and of the rule libraries it imports.
 */
public record LoadedFile(Path file, Optional<Procedure> procedure, List<SourceDiagnostic> diagnostics) {

	public LoadedFile {
		diagnostics = List.copyOf(diagnostics);
	}

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> d.severity() == SourceDiagnostic.Severity.ERROR);
	}
}
