package dev.shall.checker.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run of the procedure that violates a property (or reaches a step), as data before any
 * rendering: the initial state of every instance, one entry per step in order, and how the run
 * ends. This is what the one trace format ({@link TraceFormat}, {@code docs/trace-format.md})
 * writes and reads.
 *
 * @param initial the initial state, per instance: every variable as {@code Role.variable → value}
 * @param steps   the steps, numbered from 1; channel faults are steps too (semantics §4.2–§4.4)
 * @param ending  how the run goes on after its last step
 */
public record Trace(List<Map<String, String>> initial, List<TraceStep> steps, Ending ending) {

	public Trace {
		List<Map<String, String>> copies = new ArrayList<>();
		for (Map<String, String> state : initial) {
			// insertion order is the layout's order, which reports keep stable
			copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(state)));
		}
		initial = List.copyOf(copies);
		steps = List.copyOf(steps);
		Objects.requireNonNull(ending, "ending");
		if (ending.kind() == Ending.Kind.LOOP && ending.loopStart() >= steps.size()) {
			throw new IllegalArgumentException("the cycle starts at state " + ending.loopStart() + " of a run of "
					+ steps.size() + " steps: a cycle has at least one step");
		}
	}

	/** A run that ends with its last step (a safety counterexample, or a run that reaches a step). */
	public Trace(List<Map<String, String>> initial, List<TraceStep> steps) {
		this(initial, steps, Ending.FINITE);
	}

	/**
	 * The variables of one instance in the run's last state, as {@code Role.variable → value} in
	 * the layout's order: the initial state with every step's changes applied.
	 */
	public Map<String, String> lastState(int instance) {
		Map<String, String> state = new LinkedHashMap<>(initial.get(instance));
		for (TraceStep step : steps) {
			if (step.instance() == instance) {
				state.putAll(step.changed());
			}
		}
		return state;
	}

	/** How many instances (sessions) the run has. */
	public int instances() {
		return initial.size();
	}

	/**
	 * How a run goes on after its last step (semantics §5.1, §6.4).
	 *
	 * @param kind      {@link Kind#FINITE}, {@link Kind#STOPS} or {@link Kind#LOOP}
	 * @param loopStart for {@link Kind#LOOP}: the index of the state where the cycle starts (0 the
	 *                  initial state, k the state after step k); -1 otherwise
	 */
	public record Ending(Kind kind, int loopStart) {

		public enum Kind {
			/**
			 * A finite counterexample: its last state is the violation (a safety property, semantics
			 * §6.1–§6.3, or the bounds, §7.2) or the step reached (§7.3). What comes after does not
			 * matter.
			 */
			FINITE("finite"),
			/**
			 * The run stops: it stutters forever in its last state (semantics §5.1), where no
			 * {@code shall} step has an enabled state-changing move, so stopping is fair (§5.3); a
			 * response counterexample when the trigger is pending there (§6.4).
			 */
			STOPS("stops"),
			/**
			 * A lasso: the state after the last step is the state {@code loopStart} again (the same
			 * procedure state of every instance, semantics §2.1), and the steps after that state
			 * repeat forever — a fair cycle (§5.3) with the trigger pending throughout (§6.4).
			 */
			LOOP("loop");

			private final String label;

			Kind(String label) {
				this.label = label;
			}

			/** The name in the trace format: {@code finite}, {@code stops} or {@code loop}. */
			public String label() {
				return label;
			}
		}

		public static final Ending FINITE = new Ending(Kind.FINITE, -1);
		public static final Ending STOPS = new Ending(Kind.STOPS, -1);

		public Ending {
			Objects.requireNonNull(kind, "kind");
			if (kind == Kind.LOOP ? loopStart < 0 : loopStart != -1) {
				throw new IllegalArgumentException(kind == Kind.LOOP ? "a cycle starts at a state, from 0; not at "
						+ loopStart : "only a loop has a loop start");
			}
		}

		/** A lasso whose cycle starts at state {@code loopStart} (0 the initial state). */
		public static Ending loop(int loopStart) {
			return new Ending(Kind.LOOP, loopStart);
		}

		/**
		 * The ending of a response counterexample as {@code ResponseChecker.Result} and
		 * {@code LassoBmc} give it: -1 the run stops, else the state where the cycle starts.
		 */
		public static Ending ofResponse(int loopStart) {
			return loopStart < 0 ? STOPS : loop(loopStart);
		}

		/** How reports say it, for a run of {@code length} steps. */
		public String describe(int length) {
			return switch (kind) {
			case FINITE -> "the run ends after step " + length;
			case STOPS -> "after step " + length + " the run stops: it stays in that state forever";
			case LOOP -> "steps " + (loopStart + 1) + " to " + length + " repeat forever (back to the state "
					+ (loopStart == 0 ? "at the start" : "after step " + loopStart) + ")";
			};
		}
	}
}
