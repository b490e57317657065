package dev.shall.checker.report;

import java.util.Map;

import dev.shall.checker.engine.Certificate;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceDocument;

/**
 * One verdict as reported: a property, a dead-step question, the bounds check or an
 * unhandled-message question, for one procedure and one combination of options.
 *
 * @param kind     what was asked: a property, whether a step can happen, the bounds, whether a
 *                 message is handled
 * @param step     the subject of a question other than a property: for a dead-step question the
 *                 step or event asked about ({@code step X}, {@code event X}), for an
 *                 unhandled-message question the arrival ({@code M on c at R}); null otherwise
 * @param expected the verdict the author declared ({@code holds} when nothing is declared; for a
 *                 dead step or an unhandled message, {@code violated} where an {@code expect}
 *                 declares the finding, semantics §7.6)
 * @param bound    the depth proven free of violations (or the trace length when violated)
 * @param certificate what confirmed the verdict ({@link Certificate.Missing} when nothing did)
 * @param trace    the run that violates the property, or that reaches the step; null otherwise
 * @param vacuity  for a property that holds and has a vacuity condition (semantics §7.5), whether it
 *                 holds only vacuously; null when the question was not asked
 * @param statements the CR statements the verdict is about (ADR 0016): for a violation, those the
 *                 steps of its run cover ({@code covers}), in the order the run first crosses them;
 *                 for a dead step, those the step covers; for an uncovered statement, its id; empty
 *                 otherwise
 */
public record Finding(String file, String procedure, String property, Kind kind, String step, String clause,
		Map<String, String> options, int instances, Verdict verdict, String expected, String engine, int bound,
		Certificate certificate, double seconds, String reason, Trace trace, int line, int column, Vacuity vacuity,
		java.util.List<String> statements) {

	public Finding {
		statements = statements == null ? java.util.List.of() : java.util.List.copyOf(statements);
	}

	/** A finding about no CR statement. */
	public Finding(String file, String procedure, String property, Kind kind, String step, String clause,
			Map<String, String> options, int instances, Verdict verdict, String expected, String engine, int bound,
			Certificate certificate, double seconds, String reason, Trace trace, int line, int column, Vacuity vacuity) {
		this(file, procedure, property, kind, step, clause, options, instances, verdict, expected, engine, bound,
				certificate, seconds, reason, trace, line, column, vacuity, java.util.List.of());
	}

	/** A finding whose vacuity was not asked. */
	public Finding(String file, String procedure, String property, Kind kind, String step, String clause,
			Map<String, String> options, int instances, Verdict verdict, String expected, String engine, int bound,
			Certificate certificate, double seconds, String reason, Trace trace, int line, int column) {
		this(file, procedure, property, kind, step, clause, options, instances, verdict, expected, engine, bound,
				certificate, seconds, reason, trace, line, column, null, java.util.List.of());
	}

	/**
	 * Whether the property holds only vacuously (semantics §7.5): a warning in every report, never
	 * a mismatch — a vacuous holds still matches {@code expect holds}.
	 */
	public boolean vacuous() {
		return verdict == Verdict.HOLDS && vacuity != null && vacuity.vacuous();
	}

	/** The finding with its time in seconds (its vacuity question included). */
	public Finding withSeconds(double seconds) {
		return new Finding(file, procedure, property, kind, step, clause, options, instances, verdict, expected, engine,
				bound, certificate, seconds, reason, trace, line, column, vacuity, statements);
	}

	/** The finding with the answer to its vacuity question. */
	public Finding withVacuity(Vacuity vacuity) {
		return new Finding(file, procedure, property, kind, step, clause, options, instances, verdict, expected, engine,
				bound, certificate, seconds, reason, trace, line, column, vacuity, statements);
	}

	/** The finding naming the CR statements it is about. */
	public Finding withStatements(java.util.List<String> statements) {
		return new Finding(file, procedure, property, kind, step, clause, options, instances, verdict, expected, engine,
				bound, certificate, seconds, reason, trace, line, column, vacuity, statements);
	}

	/** Whether the certification stage confirmed the verdict (semantics §8.2). */
	public boolean certified() {
		return certificate.certifies();
	}

	/** The kinds of question; {@link #toString()} is the name reports and fingerprints use. */
	public enum Kind {
		PROPERTY("property"), DEAD_STEP("dead-step"), BOUNDS("bounds"), UNHANDLED("unhandled-message"),
		/**
		 * A normative statement (or Editor's Note) of the procedure's CR that no model element covers
		 * and none declares out of scope (ADR 0016): a warning, never a differing verdict. Its file,
		 * line and column are the statement's in the CR, {@code property} its id, {@code reason} its
		 * text; its verdict is {@code violated} (uncovered) and its expectation {@code holds}
		 * (covered), which {@link #mismatch()} never counts.
		 */
		UNCOVERED_STATEMENT("uncovered-statement");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** {@code property}, {@code dead-step}, {@code bounds}, {@code unhandled-message} or {@code uncovered-statement}: the JSON and SARIF name (stable). */
		public String label() {
			return label;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	/**
	 * The trace with what it is a run of, as the trace format writes it ({@code docs/trace-format.md});
	 * null when there is no trace.
	 */
	public TraceDocument traceDocument() {
		return trace == null ? null : new TraceDocument(file, procedure, new TraceDocument.Question(kind.label(),
				property), options, instances, trace);
	}

	/** Whether the verdict is definitive and differs from what the author declared. */
	public boolean mismatch() {
		if (verdict == Verdict.UNKNOWN || kind == Kind.UNCOVERED_STATEMENT) {
			return false;
		}
		if (kind == Kind.DEAD_STEP || kind == Kind.UNHANDLED) {
			// undeclared, a dead step or an unhandled message is a warning (semantics §7.6); declared,
			// it must be found
			return expected.equals(Verdict.VIOLATED.label()) && verdict == Verdict.HOLDS;
		}
		return !verdict.label().equals(expected);
	}

	/** A dead step or an unhandled message that no {@code expect} declares, an uncovered statement: a warning in every report. */
	public boolean warning() {
		if (kind == Kind.UNCOVERED_STATEMENT) {
			return verdict == Verdict.VIOLATED;
		}
		return (kind == Kind.DEAD_STEP || kind == Kind.UNHANDLED) && verdict == Verdict.VIOLATED
				&& !expected.equals(Verdict.VIOLATED.label());
	}

	/** A dead step or an unhandled message that an {@code expect} declares, and that was found. */
	public boolean declaredFinding() {
		return (kind == Kind.DEAD_STEP || kind == Kind.UNHANDLED) && verdict == Verdict.VIOLATED
				&& expected.equals(Verdict.VIOLATED.label());
	}
}
