package dev.shall.checker.engine;

import java.util.List;

import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.ResponseChecker;

/**
 * Response properties (A leads to B) under weak fairness of shall steps, on the explicit state
 * graph (see {@link ResponseChecker}); for procedures whose state space fits in memory. A lasso is
 * certified when its run replays and its cycle closes; holds is exact but not independently
 * certified. {@link LassoBmc} searches for the same counterexamples with SAT.
 */
public final class ExplicitLiveness implements Engine {

	private final int maxStates;

	public ExplicitLiveness(int maxStates) {
		this.maxStates = maxStates;
	}

	@Override
	public String name() {
		return "explicit-liveness";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		long started = System.nanoTime();
		ResponseChecker.Result result = new ResponseChecker().check(request.layout(), request.options(),
				request.instances(), request.obligation(), maxStates, budget::exhausted);
		CheckResult.Statistics statistics = new CheckResult.Statistics(0, 0, 0, (System.nanoTime() - started) / 1e9);
		if (result.violated() == null) {
			return CheckResult.unknown(request.obligation(), name(), -1, result.reason(), statistics);
		}
		if (!result.violated()) {
			return new CheckResult(request.obligation(), Verdict.HOLDS, name(), -1, false, List.of(), "all "
					+ result.statesSeen() + " reachable states seen; no fair run leaves a trigger unanswered", statistics);
		}
		String how = ResponseChecker.describe(result.path().size(), result.loopStart());
		return new CheckResult(request.obligation(), Verdict.VIOLATED, name(), result.path().size(), ExplicitChecker
				.confirmsLasso(request.layout(), request.options(), request.instances(), request.obligation(), result.path(), result
						.loopStart()), result.path(), how, statistics);
	}
}
