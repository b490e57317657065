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
		try (Unrolling path = new Unrolling(request, true, budget)) {
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
			try (Unrolling init = new Unrolling(request, true, budget); Unrolling inductive = new Unrolling(request,
					false, budget)) {
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
			try (Unrolling base = new Unrolling(request, true, budget); Unrolling step = new Unrolling(request, false,
					budget)) {
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
				return step.satisfiable(step.encoding().bad(step.state(k))).isUnsat();
			}
		} catch (EncodingStopped stopped) {
			return false;
		}
	}

	/** Whether the SAT encoding accepts the moves as a legal run that ends in a bad state. */
	static SatAnswer acceptedByEncoding(CheckRequest request, java.util.List<dev.shall.checker.lowering.Move> moves,
			Budget budget) {
		try (Unrolling run = new Unrolling(request, true, budget)) {
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
