package dev.shall.checker.engine;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.explicit.ExplicitChecker;

/**
 * k-induction with simple-path constraints. For k = 0, 1, …: the base case (no violation within
 * k steps of the initial state, incremental BMC) and the step case (no path of k+1 distinct,
 * well-formed states whose first k are good and whose last is bad). When both hold the property
 * holds; the claim is then re-proved from scratch by fresh solvers before it is reported as
 * certified.
 */
public final class KInduction implements Engine {

	@Override
	public String name() {
		return "k-induction";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		try (Unrolling base = new Unrolling(request, true, budget);
				Unrolling step = new Unrolling(request, false, budget)) {
			for (int k = 0;; k++) {
				String stop = budget.exhausted();
				if (stop != null) {
					return CheckResult.unknown(request.obligation(), name(), k - 1, stop, merged(base, step));
				}
				// base case at depth k
				Boolean violated = base.satisfiable(base.encoding().bad(base.state(k)));
				if (violated == null) {
					return unknown(request, budget, k - 1, base, step);
				}
				if (violated) {
					var moves = base.moves(k);
					boolean certified = ExplicitChecker.confirmsViolation(request.layout(), request.options(),
							request.instances(), request.obligation(), moves);
					return new CheckResult(request.obligation(), Verdict.VIOLATED, name(), k, certified, moves, null,
							merged(base, step));
				}
				progress.depthDone(name(), k);
				// step case: s0..sk distinct, good at 0..k-1, bad at k
				Boolean counterexampleToInduction = step.satisfiable(step.encoding().bad(step.state(k)));
				if (counterexampleToInduction == null) {
					return unknown(request, budget, k, base, step);
				}
				if (!counterexampleToInduction) {
					boolean certified = reprove(request, k, budget);
					return new CheckResult(request.obligation(), Verdict.HOLDS, name(), k, certified, java.util.List.of(),
							"inductive at depth " + k, merged(base, step));
				}
				if (k >= budget.maxDepth()) {
					return CheckResult.unknown(request.obligation(), name(), k,
							"depth bound " + budget.maxDepth() + " (not " + budget.maxDepth() + "-inductive)",
							merged(base, step));
				}
				step.assertTrue(Circuit.not(step.encoding().bad(step.state(k))));
				step.extend();
				for (int j = 0; j <= k; j++) {
					step.assertTrue(step.encoding().differ(step.state(j), step.state(k + 1)));
				}
				base.extend();
			}
		}
	}

	private CheckResult unknown(CheckRequest request, Budget budget, int bound, Unrolling base, Unrolling step) {
		return CheckResult.unknown(request.obligation(), name(), bound,
				budget.exhausted() != null ? budget.exhausted() : "conflict limit", merged(base, step));
	}

	/**
	 * Re-proves "k-inductive and no violation within k steps" with fresh solvers, non-incrementally:
	 * all constraints asserted outright, then one question each.
	 */
	static boolean reprove(CheckRequest request, int k, Budget budget) {
		try (Unrolling base = new Unrolling(request, true, budget); Unrolling step = new Unrolling(request, false, budget)) {
			int anyBad = Circuit.FALSE;
			for (int j = 0; j <= k; j++) {
				anyBad = base.circuit().or(anyBad, base.encoding().bad(base.state(j)));
				if (j < k) {
					base.extend();
				}
			}
			if (!Boolean.FALSE.equals(base.satisfiable(anyBad))) {
				return false;
			}
			for (int j = 0; j < k; j++) {
				step.assertTrue(Circuit.not(step.encoding().bad(step.state(j))));
				step.extend();
				for (int i = 0; i <= j; i++) {
					step.assertTrue(step.encoding().differ(step.state(i), step.state(j + 1)));
				}
			}
			return Boolean.FALSE.equals(step.satisfiable(step.encoding().bad(step.state(k))));
		}
	}

	private static CheckResult.Statistics merged(Unrolling base, Unrolling step) {
		CheckResult.Statistics a = base.statistics();
		CheckResult.Statistics b = step.statistics();
		return new CheckResult.Statistics(a.variables() + b.variables(), a.clauses() + b.clauses(),
				a.conflicts() + b.conflicts(), Math.max(a.seconds(), b.seconds()));
	}
}
