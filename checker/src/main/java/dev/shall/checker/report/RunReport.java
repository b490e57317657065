package dev.shall.checker.report;

import java.util.List;

import dev.shall.model.frontend.SourceDiagnostic;

/**
 * Everything one run of the checker found, in a stable order (files, options, obligations).
 *
 * @param shard null for a whole run; for one shard of it ({@code shall check --shard K/N}), which
 *              shard, and each result's question number in the whole run, which the reports carry
 *              so that {@code shall merge} restores the unsharded order
 */
public record RunReport(List<Finding> results, List<SourceDiagnostic> diagnostics, Shard shard) {

	/**
	 * Shard {@code index} of {@code count} (1-based), and per result (in the same order) its
	 * question's number, 0-based, in the unsharded run.
	 */
	public record Shard(int index, int count, List<Integer> questions) {
		public Shard {
			questions = List.copyOf(questions);
		}

		@Override
		public String toString() {
			return index + "/" + count;
		}
	}

	public RunReport {
		results = List.copyOf(results);
		diagnostics = List.copyOf(diagnostics);
		if (shard != null && shard.questions().size() != results.size()) {
			throw new IllegalArgumentException("a question number per result: " + shard.questions().size() + " for "
					+ results.size());
		}
	}

	/** The report of a whole run. */
	public RunReport(List<Finding> results, List<SourceDiagnostic> diagnostics) {
		this(results, diagnostics, null);
	}

	/** Result {@code i}'s question number in the unsharded run, or -1 for a whole run. */
	public int question(int i) {
		return shard == null ? -1 : shard.questions().get(i);
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
