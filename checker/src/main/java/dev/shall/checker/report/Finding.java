package dev.shall.checker.report;

import java.util.Map;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.trace.Trace;

/**
 * One verdict as reported: a property, a dead-step question or the bounds check, for one
 * procedure and one combination of options.
 *
 * @param kind     {@code property}, {@code dead-step} or {@code bounds}
 * @param expected the verdict the author declared ({@code holds} when nothing is declared)
 * @param bound    the depth proven free of violations (or the trace length when violated)
 * @param trace    the run that violates the property, or that reaches the step; null otherwise
 */
public record Finding(String file, String procedure, String property, String kind, String clause,
		Map<String, String> options, int instances, Verdict verdict, String expected, String engine, int bound,
		boolean certified, double seconds, String reason, Trace trace, int line, int column) {

	public static final String PROPERTY = "property";
	public static final String DEAD_STEP = "dead-step";
	public static final String BOUNDS = "bounds";

	/** Whether the verdict is definitive and differs from what the author declared. */
	public boolean mismatch() {
		if (verdict == Verdict.UNKNOWN) {
			return false;
		}
		if (DEAD_STEP.equals(kind)) {
			return false; // reported as a warning: the language cannot yet declare a step dead on purpose
		}
		return !verdict.label().equals(expected);
	}
}
