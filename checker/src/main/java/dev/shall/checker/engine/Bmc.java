package dev.shall.checker.engine;

import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.explicit.ExplicitChecker;

/**
 * Bounded model checking, incremental over depths: at depth k it asks whether a bad state is
 * reachable in exactly k steps, so the first violation found is a shortest one. When no path of
 * length k+1 exists at all, every reachable state has been seen and the property holds.
 */
public final class Bmc implements Engine {

	/**
	 * Re-proves with a fresh solver that no state reached in j <= k steps is bad and that no run
	 * has k + 1 steps.
	 */
	static boolean reprove(CheckRequest request, int k, Budget budget) {
		try (Unrolling path = new Unrolling(request, true, budget)) {
			for (int j = 0; j <= k; j++) {
				if (!Boolean.FALSE.equals(path.satisfiable(path.encoding().bad(path.state(j))))) {
					return false;
				}
				path.extend();
			}
			return Boolean.FALSE.equals(path.satisfiable());
		}
	}

	@Override
	public String name() {
		return "bmc";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		int explored = -1;
		try (Unrolling path = new Unrolling(request, true, budget)) {
			for (int k = 0;; k++) {
				explored = k - 1;
				String stop = budget.exhausted();
				if (stop != null) {
					return CheckResult.unknown(request.obligation(), name(), k - 1, stop, path.statistics());
				}
				Boolean violated = path.satisfiable(path.encoding().bad(path.state(k)));
				if (violated == null) {
					return CheckResult.unknown(request.obligation(), name(), k - 1,
							budget.whyStopped(), path.statistics());
				}
				if (violated) {
					var moves = path.moves(k);
					boolean certified = ExplicitChecker.confirmsViolation(request.layout(), request.options(),
							request.instances(), request.obligation(), moves);
					return new CheckResult(request.obligation(), Verdict.VIOLATED, name(), k, certified, moves,
							null, path.statistics());
				}
				progress.depthDone(name(), k);
				progress.depthStatistics(name(), k, path.statistics());
				if (k >= budget.maxDepth()) {
					return CheckResult.unknown(request.obligation(), name(), k, "depth bound " + budget.maxDepth(),
							path.statistics());
				}
				path.extend();
				Boolean longer = path.satisfiable();
				if (Boolean.FALSE.equals(longer)) {
					return new CheckResult(request.obligation(), Verdict.HOLDS, name(), k, reprove(request, k, budget),
							java.util.List.of(), "every run ends within " + k + " steps and none violates it", path
									.statistics());
				}
				if (longer == null) {
					return CheckResult.unknown(request.obligation(), name(), k,
							budget.whyStopped(), path.statistics());
				}
			}
		} catch (EncodingStopped stopped) {
			return CheckResult.stoppedWhileEncoding(request.obligation(), name(), explored, stopped);
		}
	}
}
