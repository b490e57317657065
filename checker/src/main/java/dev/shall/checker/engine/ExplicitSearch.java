package dev.shall.checker.engine;

import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.SessionSymmetry;
import dev.shall.checker.explicit.SymmetricSearch;

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
	/** Whether to search the quotient by session symmetry when the group is not trivial (ADR 0019). */
	private final boolean symmetry;

	public ExplicitSearch(int maxStates) {
		this(maxStates, !Boolean.getBoolean("shall.symmetry.off"));
	}

	/** @param symmetry whether to reduce by session symmetry (semantics §8.3); off for comparisons */
	public ExplicitSearch(int maxStates, boolean symmetry) {
		this.maxStates = maxStates;
		this.symmetry = symmetry;
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
		if (symmetry && SessionSymmetry.of(request.layout(), request.obligation(), request.instances()).reduces()) {
			return reduced(request, budget, started);
		}
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

	/**
	 * The search of the quotient by session symmetry (semantics §8.3, ADR 0019): one state per
	 * orbit; a violation comes back as a run of the interpreter, a holds as the representatives,
	 * which the certification stage expands or checks closed up to the group.
	 */
	private CheckResult reduced(CheckRequest request, Budget budget, long started) {
		SymmetricSearch.Result reduced = new SymmetricSearch().check(request.layout(), request.options(), request
				.instances(), request.obligation(), maxStates, budget::exhausted);
		ExplicitChecker.Result result = reduced.result();
		CheckResult.Statistics statistics = new CheckResult.Statistics(0, 0, 0, (System.nanoTime() - started) / 1e9);
		// semantics §8.3: what the reduction saved, the orbits' sizes summed (orbit-stabiliser)
		String saved = result.statesSeen() + " states up to symmetry for " + (reduced.inexact() > 0 ? "at least " : "")
				+ reduced.unreduced() + " states (" + reduced.symmetry().describe() + ", a group of " + reduced.symmetry()
						.order() + (reduced.inexact() > 0 ? "; " + reduced.inexact() + " states kept not proved canonical"
								: "") + ")";
		if (result.violated() == null) {
			return CheckResult.unknown(request.obligation(), name(), -1, result.reason() + " (" + saved + ")",
					statistics);
		}
		if (result.violated()) {
			return CheckResult.of(request.obligation(), Verdict.VIOLATED, name(), result.path().size(), new Claim.Run(
					result.path(), Claim.Semantics.INTERPRETER), "found after " + saved, statistics);
		}
		return CheckResult.of(request.obligation(), Verdict.HOLDS, name(), result.depth(),
				new Claim.ReachableUpToSymmetry(result.reachable(), reduced.symmetry()), "all " + saved + " seen",
				statistics);
	}
}
