package dev.shall.checker.report;

import java.util.List;

import dev.shall.model.frontend.SourceDiagnostic;

/** Everything one run of the checker found, in a stable order (files, options, obligations). */
public record RunReport(List<Finding> results, List<SourceDiagnostic> diagnostics) {

	public RunReport {
		results = List.copyOf(results);
		diagnostics = List.copyOf(diagnostics);
	}

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> d.severity() == SourceDiagnostic.Severity.ERROR);
	}

	/** 3 bad input, 1 a verdict differs from its expectation, 2 some verdict unknown, 0 all as expected. */
	public int exitCode() {
		if (hasErrors()) {
			return 3;
		}
		if (results.stream().anyMatch(Finding::mismatch)) {
			return 1;
		}
		if (results.stream().anyMatch(f -> f.verdict() == dev.shall.checker.engine.Verdict.UNKNOWN)) {
			return 2;
		}
		return 0;
	}
}
