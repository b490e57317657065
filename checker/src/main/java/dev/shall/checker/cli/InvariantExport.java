package dev.shall.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.shall.checker.engine.Certificate;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.RunReport;
import dev.shall.checker.text.Escaping;

/**
 * {@code shall check --invariant-out FILE}: the inductive invariants of the proofs IC3/PDR found
 * and the certification stage confirmed, one block per question, one clause per line over named
 * state bits (as {@code InvariantClauses.describe} names them), so that a reader or another tool
 * can check or reuse them. A question proved another way has no block.
 */
final class InvariantExport {

	private InvariantExport() {
	}

	static void write(RunReport report, Path file) throws IOException {
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
			out.println("# shall: inductive invariants found by IC3/PDR and certified with fresh solvers");
			out.println("# a clause is a disjunction over state bits: 'NAME = v' for a one-bit field, 'NAME bit k = v'");
			out.println("# for bit k of a wider field's domain index (its values numbered from the first, in binary)");
			for (Finding finding : report.results()) {
				if (finding.certificate() instanceof Certificate.InvariantClauses invariant && finding.certified()) {
					out.println();
					out.println("invariant " + Escaping.visible(finding.file()) + " " + Escaping.visible(finding.procedure())
							+ " " + Escaping.visible(finding.property()) + " " + Escaping.visible(finding.options().toString())
							+ " (" + invariant.clauses().size() + " clauses)");
					for (String clause : invariant.clauses()) {
						out.println("  " + Escaping.visible(clause));
					}
				}
			}
		}
	}
}
