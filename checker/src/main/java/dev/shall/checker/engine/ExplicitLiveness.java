package dev.shall.checker.engine;

import dev.shall.checker.explicit.ResponseChecker;

/**
 * Response properties (A leads to B) under weak fairness of shall steps, on the explicit state
 * graph (see {@link ResponseChecker}); for procedures whose state space fits in memory. Its claims
 * ({@link Claim.Lasso}, {@link Claim.FairStateGraph}) are certified by the certification stage: a
 * lasso when its run replays, its cycle closes and is fair; a holds when the encoding's own graph
 * confirms it. {@link LassoBmc} searches for the same counterexamples with SAT.
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
			return CheckResult.of(request.obligation(), Verdict.HOLDS, name(), -1, new Claim.FairStateGraph(result
					.statesSeen()), "all " + result.statesSeen() + " reachable states seen; no fair run leaves a "
							+ "trigger unanswered", statistics);
		}
		return CheckResult.of(request.obligation(), Verdict.VIOLATED, name(), result.path().size(), new Claim.Lasso(
				result.path(), result.loopStart()), ResponseChecker.describe(result.path().size(), result.loopStart()),
				statistics);
	}
}
