package dev.shall.checker.engine;

import java.util.List;

import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.lowering.Move;

/**
 * The evidence an engine offers with a definitive verdict, for the certification stage
 * ({@code dev.shall.checker.certify}) to check with the other semantics (semantics §8.2). An
 * engine never certifies its own claim: it says what it found, and the certifier decides whether
 * that stands.
 */
public sealed interface Claim {

	/** The run the claim is about, in the engines' moves; empty for claims about all runs. */
	default List<Move> moves() {
		return List.of();
	}

	/** Which of the two implementations of the semantics found the claim (semantics §8). */
	enum Semantics {
		/** The reference interpreter ({@code explicit/}). */
		INTERPRETER,
		/** The SAT encoding ({@code encoding/}). */
		ENCODING
	}

	/** No claim: the verdict is unknown. */
	record None() implements Claim {
	}

	/** The claim of an unknown verdict. */
	Claim NONE = new None();

	/**
	 * A finite run whose last state is bad for the obligation (semantics §6.1–§6.3, §7).
	 *
	 * @param moves   the steps, in order, from the initial state
	 * @param foundBy the semantics that found it; the other one certifies it
	 */
	record Run(List<Move> moves, Semantics foundBy) implements Claim {
		public Run {
			moves = List.copyOf(moves);
		}
	}

	/**
	 * A counterexample to a response property (semantics §6.4): a run that either stops with the
	 * trigger unanswered ({@code loopStart < 0}) or ends in a fair cycle that starts at state
	 * {@code loopStart} (0 is the initial state) and returns to it, with the trigger unanswered
	 * throughout.
	 */
	record Lasso(List<Move> moves, int loopStart) implements Claim {
		public Lasso {
			moves = List.copyOf(moves);
		}

		/** Whether the run stops rather than cycles. */
		public boolean stops() {
			return loopStart < 0;
		}
	}

	/**
	 * Bounded model checking's proof of a safety obligation: no bad state within {@code depth}
	 * steps and no run of {@code depth + 1} steps, so every reachable state was seen.
	 */
	record Completeness(int depth) implements Claim {
	}

	/**
	 * k-induction's proof (semantics §8.2): no bad state within {@code depth} steps of the initial
	 * state, and the obligation is {@code depth}-inductive relative to {@code invariant}, an
	 * auxiliary invariant that holds initially and is preserved by every step.
	 */
	record KInductive(int depth, Strengthening invariant) implements Claim {
	}

	/**
	 * IC3/PDR's proof ({@link Pdr}): clauses over the state's bits that hold in the initial state,
	 * are preserved by every legal step from a well-formed state that satisfies them (into a
	 * well-formed state), and exclude every bad state — an inductive invariant, checked with fresh
	 * solvers by the certification stage.
	 */
	record Invariant(InvariantClauses clauses) implements Claim {
	}

	/**
	 * The interpreter's breadth-first search saw every reachable state (those in the obligation's
	 * cone of influence) and none is bad.
	 */
	record ReachableStates(List<ConcreteState> states) implements Claim {
	}

	/**
	 * The interpreter's breadth-first search of the quotient by session symmetry (semantics §8.3,
	 * ADR 0019) saw one state of every reachable orbit (those in the obligation's cone of
	 * influence), and none is bad.
	 *
	 * @param representatives one state per orbit
	 * @param symmetry        the group (the stabiliser of the sessions asked)
	 */
	record ReachableUpToSymmetry(List<ConcreteState> representatives,
			dev.shall.checker.explicit.SessionSymmetry symmetry) implements Claim {
	}

	/**
	 * The interpreter's response checker saw every reachable state and no fair run leaves the
	 * trigger unanswered (semantics §6.4).
	 */
	record FairStateGraph(int states) implements Claim {
	}
}
