package dev.shall.checker.engine;

/**
 * The editor's engine, for answers within a second: a breadth-first search that settles small
 * state spaces exactly, then BMC on what it could not settle. The runner certifies BMC's answers
 * and shows the breadth-first ones uncertified ({@code shall check} certifies them; ADR 0006,
 * ADR 0009).
 */
public final class QuickSearch implements Engine {

	/** States the breadth-first search may visit before BMC takes over. */
	static final int STATES = 50_000;

	@Override
	public String name() {
		return "quick";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		CheckResult explicit = new ExplicitSearch(STATES).check(request, budget, progress);
		if (explicit.verdict() != Verdict.UNKNOWN || budget.exhausted() != null) {
			return explicit;
		}
		return new Bmc().check(request, budget, progress);
	}
}
