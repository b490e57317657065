package dev.shall.checker.certify;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.Strengthening;
import dev.shall.checker.engine.Unrolling;
import dev.shall.checker.sat.SatAnswer;

/**
 * Re-proves the SAT engines' proofs with fresh solvers, non-incrementally (semantics §8.2), so
 * that a fault in the incremental bookkeeping of {@link dev.shall.checker.engine.Bmc} or
 * {@link dev.shall.checker.engine.KInduction} (an assumption left active, a clause added at the
 * wrong depth) cannot turn into a wrong "holds". A stop while encoding is a failed re-proof,
 * never a proof.
 */
final class ReProof {

	private ReProof() {
	}

	/** BMC's claim: no state reached in j ≤ k steps is bad, and no run has k + 1 steps. */
	static boolean completeness(CheckRequest request, int k, Budget budget) {
		try (Unrolling path = Certifier.unrolling(request, true, budget)) {
			for (int j = 0; j <= k; j++) {
				if (!path.satisfiable(path.encoding().bad(path.state(j))).isUnsat()) {
					return false;
				}
				path.extend();
			}
			return path.satisfiable().isUnsat();
		} catch (EncodingStopped stopped) {
			return false;
		}
	}

	/**
	 * k-induction's claim: the auxiliary invariant holds initially and is inductive for all
	 * instances, no violation lies within k steps, and the property is k-inductive relative to the
	 * invariant (with simple-path constraints).
	 */
	static boolean kInduction(CheckRequest request, int k, Strengthening invariant, Budget budget) {
		int n = request.instances();
		try {
			try (Unrolling init = Certifier.unrolling(request, true, budget);
					Unrolling inductive = Certifier.unrolling(request, false, budget)) {
				if (!init.satisfiable(Circuit.not(invariant.on(init.encoding(), init.state(0), n))).isUnsat()) {
					return false;
				}
				inductive.assertTrue(invariant.on(inductive.encoding(), inductive.state(0), n));
				inductive.extend();
				if (!inductive.satisfiable(Circuit.not(invariant.on(inductive.encoding(), inductive.state(1), n)))
						.isUnsat()) {
					return false;
				}
			}
			try (Unrolling base = Certifier.unrolling(request, true, budget);
					Unrolling step = Certifier.unrolling(request, false, budget)) {
				step.assertTrue(invariant.on(step.encoding(), step.state(0), n));
				int anyBad = Circuit.FALSE;
				for (int j = 0; j <= k; j++) {
					anyBad = base.circuit().or(anyBad, base.encoding().bad(base.state(j)));
					if (j < k) {
						base.extend();
					}
				}
				if (!base.satisfiable(anyBad).isUnsat()) {
					return false;
				}
				for (int j = 0; j < k; j++) {
					step.assertTrue(Circuit.not(step.encoding().bad(step.state(j))));
					step.extend();
					step.assertTrue(invariant.on(step.encoding(), step.state(j + 1), n));
					for (int i = 0; i <= j; i++) {
						step.assertTrue(step.encoding().differ(step.state(i), step.state(j + 1)));
					}
				}
				// the same question k-induction asked (semantics §8.3: with the last state sorted when enabled)
				return step.satisfiable(dev.shall.checker.encoding.SymmetryBreaking.badAndSorted(step.encoding(), step
						.state(k), request.obligation())).isUnsat();
			}
		} catch (EncodingStopped stopped) {
			return false;
		}
	}

	/**
	 * IC3/PDR's claim, on fresh encodings and solvers: the clauses hold in the initial state; from a
	 * well-formed state that satisfies them, every legal step leads to a well-formed state that
	 * satisfies them; and no well-formed state that satisfies them is bad. Then every reachable state
	 * satisfies them (induction over runs: the initial state is well formed), and none is bad. The
	 * clauses are read on the encoded bits ({@code TransitionEncoding#bits}), not on the raw solver
	 * inputs the engine used: on well-formed states they are the same.
	 */
	static boolean invariant(CheckRequest request, dev.shall.checker.engine.InvariantClauses invariant,
			Budget budget) {
		try {
			try (Unrolling init = Certifier.unrolling(request, true, budget)) {
				var encoding = init.encoding();
				int holds = invariant.on(init.circuit(), encoding.bits(init.state(0)));
				int shaped = encoding.wellFormed(init.state(0));
				if (!init.satisfiable(Circuit.not(init.circuit().and(holds, shaped))).isUnsat()) {
					return false;
				}
			}
			try (Unrolling step = Certifier.unrolling(request, false, budget)) {
				var encoding = step.encoding();
				var circuit = step.circuit();
				step.assertTrue(invariant.on(circuit, encoding.bits(step.state(0))));
				if (!step.satisfiable(encoding.bad(step.state(0))).isUnsat()) {
					return false;
				}
				step.extend();
				int after = circuit.and(invariant.on(circuit, encoding.bits(step.state(1))), encoding.wellFormed(step
						.state(1)));
				return step.satisfiable(Circuit.not(after)).isUnsat();
			}
		} catch (EncodingStopped stopped) {
			return false;
		} catch (IllegalArgumentException wrongShape) {
			return false; // clauses about another number of state bits: not an invariant of this model
		}
	}

	/** The clauses over the state bits' names, as the certificate shows them. */
	static java.util.List<String> describe(CheckRequest request, dev.shall.checker.engine.InvariantClauses invariant) {
		try (var solver = new dev.shall.checker.sat.Sat4jSolver()) {
			// the names only: nothing of this encoding reaches the solver
			return invariant.describe(new dev.shall.checker.encoding.TransitionEncoding(request.layout(), request
					.options(), request.instances(), request.obligation(), new Circuit(solver)));
		}
	}

	/** Whether the SAT encoding accepts the moves as a legal run that ends in a bad state. */
	static SatAnswer acceptedByEncoding(CheckRequest request, java.util.List<dev.shall.checker.lowering.Move> moves,
			Budget budget) {
		try (Unrolling run = Certifier.unrolling(request, true, budget)) {
			for (int k = 0; k < moves.size(); k++) {
				run.extend();
				run.fix(k, moves.get(k));
			}
			return run.satisfiable(run.encoding().bad(run.state(moves.size())));
		} catch (EncodingStopped stopped) {
			return SatAnswer.UNKNOWN;
		}
	}
}
