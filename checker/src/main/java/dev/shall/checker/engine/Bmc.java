package dev.shall.checker.engine;

import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.sat.SatAnswer;

/**
 * Bounded model checking, incremental over depths: at depth k it asks whether a bad state is
 * reachable in exactly k steps, so the first violation found is a shortest one. When no path of
 * length k+1 exists at all, every reachable state has been seen and the property holds. Its
 * claims ({@link Claim.Run}, {@link Claim.Completeness}) are certified by the certification stage.
 */
public final class Bmc implements Engine {

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
				// semantics §8.3: a permutation of any violating path is one, so its last state may be taken sorted
				SatAnswer violated = path.satisfiable(dev.shall.checker.encoding.SymmetryBreaking.badAndSorted(path
						.encoding(), path.state(k), request.obligation()));
				if (violated.isUnknown()) {
					return CheckResult.unknown(request.obligation(), name(), k - 1,
							budget.whyStopped(), path.statistics());
				}
				if (violated.isSat()) {
					return CheckResult.of(request.obligation(), Verdict.VIOLATED, name(), k, new Claim.Run(path.moves(k),
							Claim.Semantics.ENCODING), null, path.statistics());
				}
				progress.depthDone(name(), k);
				progress.depthStatistics(name(), k, path.statistics());
				if (k >= budget.maxDepth()) {
					return CheckResult.unknown(request.obligation(), name(), k, "depth bound " + budget.maxDepth(),
							path.statistics());
				}
				path.extend();
				SatAnswer longer = path.satisfiable();
				if (longer.isUnsat()) {
					return CheckResult.of(request.obligation(), Verdict.HOLDS, name(), k, new Claim.Completeness(k),
							"every run ends within " + k + " steps and none violates it", path.statistics());
				}
				if (longer.isUnknown()) {
					return CheckResult.unknown(request.obligation(), name(), k,
							budget.whyStopped(), path.statistics());
				}
			}
		} catch (EncodingStopped stopped) {
			return CheckResult.stoppedWhileEncoding(request.obligation(), name(), explored, stopped);
		}
	}
}
