package dev.shall.checker.engine;

import dev.shall.checker.explicit.ExplicitChecker;

/**
 * Breadth-first search of the reachable states, as an engine for procedures whose state space is
 * small: it answers holds once every state is seen, and its violations are shortest. Since it is
 * the reference semantics itself, its claims are certified by the other one (semantics §8.2): a
 * violation ({@link Claim.Run} found by the interpreter) when the SAT encoding accepts the run; a
 * holds ({@link Claim.ReachableStates}) when the encoding confirms the states seen are closed under
 * steps, or its own search agrees.
 */
public final class ExplicitSearch implements Engine {

	private final int maxStates;

	public ExplicitSearch(int maxStates) {
		this.maxStates = maxStates;
	}

	/** The most states this search visits before it answers unknown. */
	public int maxStates() {
		return maxStates;
	}

	@Override
	public String name() {
		return "explicit";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		long started = System.nanoTime();
		ExplicitChecker.Result result = new ExplicitChecker().check(request.layout(), request.options(),
				request.instances(), request.obligation(), maxStates, budget::exhausted);
		CheckResult.Statistics statistics = new CheckResult.Statistics(0, 0, 0, (System.nanoTime() - started) / 1e9);
		if (result.violated() == null) {
			return CheckResult.unknown(request.obligation(), name(), -1, result.reason(), statistics);
		}
		if (result.violated()) {
			return CheckResult.of(request.obligation(), Verdict.VIOLATED, name(), result.path().size(), new Claim.Run(
					result.path(), Claim.Semantics.INTERPRETER), null, statistics);
		}
		return CheckResult.of(request.obligation(), Verdict.HOLDS, name(), result.depth(), new Claim.ReachableStates(
				result.reachable()), "all " + result.statesSeen() + " reachable states seen", statistics);
	}
}
