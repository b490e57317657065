package dev.shall.checker.engine;

import java.util.List;

/**
 * What the certification stage checked before a verdict is reported as decided (semantics §8.2,
 * ADR 0009): each kind names the evidence and the implementation that confirmed it. The engines
 * produce {@link Claim}s; {@code dev.shall.checker.certify} turns them into certificates or into
 * {@link Missing}, which the runner reports as {@code unknown}.
 */
public sealed interface Certificate {

	/** The kind as reports name it, e.g. {@code replayed-run}. */
	String kind();

	/** One sentence a spec author can read. */
	String describe();

	/** Whether this certifies the verdict ({@code false} only for {@link Missing}). */
	default boolean certifies() {
		return true;
	}

	/** No certificate, with the reason (not checked yet, the check failed, or it ran out of budget). */
	record Missing(String why) implements Certificate {
		@Override
		public String kind() {
			return "none";
		}

		@Override
		public String describe() {
			return why;
		}

		@Override
		public boolean certifies() {
			return false;
		}
	}

	/** A result's certificate before the certification stage has seen it. */
	Missing NOT_CHECKED = new Missing("not checked");

	/** The reference interpreter replays a run the SAT encoding found, and its last state is bad. */
	record ReplayedRun(int steps) implements Certificate {
		@Override
		public String kind() {
			return "replayed-run";
		}

		@Override
		public String describe() {
			return "the reference interpreter replays the " + Certificate.count(steps) + " and finds the last state bad";
		}
	}

	/** The SAT encoding accepts a run the interpreter found as legal steps that end in a bad state. */
	record AcceptedRun(int steps) implements Certificate {
		@Override
		public String kind() {
			return "accepted-run";
		}

		@Override
		public String describe() {
			return "the SAT encoding accepts the " + Certificate.count(steps) + " as legal and the last state as bad";
		}
	}

	/**
	 * The interpreter replays a response counterexample: it stops with no state-changing shall step
	 * left ({@code loopStart < 0}), or its cycle from state {@code loopStart} returns to its start,
	 * is fair and leaves the trigger unanswered (semantics §6.4).
	 */
	record ReplayedLasso(int steps, int loopStart) implements Certificate {
		@Override
		public String kind() {
			return "replayed-lasso";
		}

		@Override
		public String describe() {
			return loopStart < 0
					? "the reference interpreter replays the " + Certificate.count(steps) + "; the run stops with the trigger "
							+ "unanswered and no shall step left"
					: "the reference interpreter replays the " + Certificate.count(steps) + "; the cycle from state " + loopStart
							+ " returns to its start, is fair and leaves the trigger unanswered";
		}
	}

	/** A fresh solver confirms that no bad state lies within {@code depth} steps and no run is longer. */
	record CompletenessBound(int depth) implements Certificate {
		@Override
		public String kind() {
			return "completeness-bound";
		}

		@Override
		public String describe() {
			return "a fresh solver confirms that every run ends within " + depth + " steps and none reaches a bad state";
		}
	}

	/**
	 * Fresh solvers confirm that the auxiliary invariant holds initially and is preserved by every
	 * step, that no bad state lies within {@code depth} steps, and that the obligation is
	 * {@code depth}-inductive relative to the invariant.
	 *
	 * @param clauses the invariant's clauses, each in the author's vocabulary, for one instance
	 */
	record InductiveInvariant(int depth, List<String> clauses) implements Certificate {
		public InductiveInvariant {
			clauses = List.copyOf(clauses);
		}

		@Override
		public String kind() {
			return "inductive-invariant";
		}

		@Override
		public String describe() {
			return "fresh solvers confirm the property is " + depth + "-inductive"
					+ (clauses.isEmpty() ? "" : " relative to an invariant of " + clauses.size() + " clauses");
		}
	}

	/**
	 * IC3/PDR's proof (ADR 0017): fresh solvers confirm that the clauses hold in the initial state,
	 * that every legal step from a well-formed state satisfying them leads to a well-formed state
	 * satisfying them, and that no well-formed state satisfying them is bad.
	 *
	 * @param clauses the invariant's clauses over named state bits ({@code InvariantClauses.describe})
	 */
	record InvariantClauses(List<String> clauses) implements Certificate {
		public InvariantClauses {
			clauses = List.copyOf(clauses);
		}

		@Override
		public String kind() {
			return "inductive-clauses";
		}

		@Override
		public String describe() {
			return "fresh solvers confirm an inductive invariant of " + clauses.size() + " clauses over the state's "
					+ "bits that holds initially, is preserved by every step and excludes every bad state";
		}
	}

	/**
	 * The SAT encoding confirms that the {@code states} states the interpreter saw include the
	 * initial state, are closed under every legal step, and contain no bad state: an inductive
	 * invariant that excludes the bad states.
	 */
	record ClosedStateSet(int states) implements Certificate {
		@Override
		public String kind() {
			return "closed-state-set";
		}

		@Override
		public String describe() {
			return "the SAT encoding confirms the " + states + " states seen are closed under steps and none is bad";
		}
	}

	/**
	 * The SAT encoding, evaluated on constants, confirms that the {@code representatives} states
	 * the interpreter kept, one per orbit of the session symmetry, include an image of the initial
	 * state, contain no bad state, and that every legal step from one of them leads into one of
	 * their orbits (semantics §8.3, ADR 0019): closed up to the group, which is an automorphism
	 * group of the transition system by the argument of ADR 0018, not checked here.
	 *
	 * @param group the group, in words ({@code SessionSymmetry.describe})
	 */
	record ClosedUpToSymmetry(int representatives, long steps, String group) implements Certificate {
		@Override
		public String kind() {
			return "closed-up-to-symmetry";
		}

		@Override
		public String describe() {
			return "the SAT encoding confirms that every one of its " + steps + " steps from the " + representatives
					+ " states seen (one per orbit: " + group + ") stays within their orbits and none is bad";
		}
	}

	/**
	 * The SAT encoding's own state graph, evaluated on constants, confirms the verdict: no bad
	 * state ({@code fair} false), or no fair run leaving a trigger unanswered ({@code fair} true,
	 * by the Emerson–Lei fixpoint rather than the interpreter's strongly connected components).
	 */
	record EncodingGraph(int states, boolean fair) implements Certificate {
		@Override
		public String kind() {
			return "encoding-graph";
		}

		@Override
		public String describe() {
			return "the SAT encoding's own state graph (" + states + " states) confirms "
					+ (fair ? "no fair run leaves the trigger unanswered" : "no bad state is reachable");
		}
	}

	private static String count(int steps) {
		return steps == 0 ? "empty run" : steps == 1 ? "step" : steps + " steps";
	}
}
