package dev.shall.checker.engine;

import java.util.List;

import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.ResponseChecker;

/**
 * Response properties (A leads to B) under weak fairness of shall steps, on the explicit state
 * graph (see {@link ResponseChecker}); for procedures whose state space fits in memory. A lasso is
 * certified when its run replays, its cycle closes and is fair; a holds when the encoding's own
 * graph confirms it ({@link EncodingExploration}), and is unknown otherwise. {@link LassoBmc}
 * searches for the same counterexamples with SAT.
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
			// certified by the other semantics and another algorithm (semantics §8.2); without a
			// certificate the answer is unknown, never an uncertified holds
			EncodingExploration.Answer check = new EncodingExploration(request, maxStates).response(budget);
			statistics = new CheckResult.Statistics(0, 0, 0, (System.nanoTime() - started) / 1e9);
			String seen = "all " + result.statesSeen() + " reachable states seen; no fair run leaves a trigger unanswered";
			if (Boolean.TRUE.equals(check.holds())) {
				return new CheckResult(request.obligation(), Verdict.HOLDS, name(), -1, true, List.of(), seen
						+ "; the encoding's own graph (" + check.states() + " states) confirms it", statistics);
			}
			return CheckResult.unknown(request.obligation(), name(), -1, seen + ", but " + (check.holds() == null
					? "no certificate within the budget (" + check.reason() + ")"
					: "the encoding's graph disagrees (" + check.reason() + "): please report this model"), statistics);
		}
		String how = ResponseChecker.describe(result.path().size(), result.loopStart());
		return new CheckResult(request.obligation(), Verdict.VIOLATED, name(), result.path().size(), ExplicitChecker
				.confirmsLasso(request.layout(), request.options(), request.instances(), request.obligation(), result.path(), result
						.loopStart()), result.path(), how, statistics);
	}
}
