package dev.shall.checker.engine;

import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.explicit.ExplicitChecker;

/**
 * Breadth-first search of the reachable states, as an engine for procedures whose state space is
 * small: it answers holds once every state is seen, and its violations are shortest. Since it is
 * the reference semantics itself, its violations are certified the other way round: the SAT
 * encoding must accept the run as legal steps ending in a bad state. Its holds verdicts are exact
 * (every reachable state was seen); for up to a few hundred states they are certified by the
 * encoding accepting those states as an inductive invariant ({@link InductiveCertificate}), else
 * when k-induction proves them too.
 */
public final class ExplicitSearch implements Engine {

	/** How the search's answers are certified by the other semantics. */
	public enum Certification {
		/** Not at all: the editor's quick check wants the answer; {@code shall check} certifies. */
		NONE,
		/** Violations by the encoding; holds by the inductive certificate (in a portfolio, k-induction runs beside). */
		INDUCTIVE,
		/** As INDUCTIVE, and holds beyond the certificate's reach by k-induction within a short budget. */
		INDUCTIVE_OR_K_INDUCTION
	}

	private final int maxStates;
	private final Certification certification;

	public ExplicitSearch(int maxStates) {
		this(maxStates, Certification.INDUCTIVE_OR_K_INDUCTION);
	}

	public ExplicitSearch(int maxStates, Certification certification) {
		this.maxStates = maxStates;
		this.certification = certification;
	}

	/** Whether the SAT encoding accepts the moves as a legal run that ends in a bad state. */
	static boolean acceptedByEncoding(CheckRequest request, java.util.List<dev.shall.checker.lowering.Move> moves,
			Budget budget) {
		try (Unrolling run = new Unrolling(request, true, budget)) {
			for (int k = 0; k < moves.size(); k++) {
				run.extend();
				run.fix(k, moves.get(k));
			}
			return Boolean.TRUE.equals(run.satisfiable(run.encoding().bad(run.state(moves.size()))));
		} catch (EncodingStopped stopped) {
			return false; // not certified within the budget; the runner reports the verdict as unknown
		}
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
			boolean certified = certification != Certification.NONE && acceptedByEncoding(request, result.path(), budget);
			return new CheckResult(request.obligation(), Verdict.VIOLATED, name(), result.path().size(), certified,
					result.path(), null, statistics);
		}
		String seen = "all " + result.statesSeen() + " reachable states seen";
		// the encoding may decline (its cone of influence blocks some out-of-range steps on frozen
		// values); then k-induction still may certify, as before
		if (certification != Certification.NONE && TransitionEncoding.supports(request.obligation())
				&& result.reachable().size() <= InductiveCertificate.MAX_STATES
				&& Boolean.TRUE.equals(InductiveCertificate.certifies(request, result.reachable(), budget.member(
						java.time.Duration.ofSeconds(10))))) {
			return new CheckResult(request.obligation(), Verdict.HOLDS, name(), result.depth(), true, java.util.List.of(),
					seen + "; the encoding confirms they are closed under steps", statistics);
		}
		if (certification != Certification.NONE && TransitionEncoding.supports(request.obligation())) {
			// beyond the inductive certificate's reach: the encoding's own breadth-first search
			EncodingExploration.Answer check = new EncodingExploration(request, maxStates).safety(budget);
			if (Boolean.TRUE.equals(check.holds())) {
				return new CheckResult(request.obligation(), Verdict.HOLDS, name(), result.depth(), true, java.util
						.List.of(), seen + "; the encoding's own search (" + check.states() + " states) confirms it",
						statistics);
			}
		}
		if (certification != Certification.INDUCTIVE_OR_K_INDUCTION) {
			return new CheckResult(request.obligation(), Verdict.HOLDS, name(), result.depth(), false, java.util.List
					.of(), seen, statistics);
		}
		// certified when a SAT engine proves it too, within a short budget
		Budget check = budget.member(java.time.Duration.ofSeconds(3));
		boolean certified = new KInduction().check(request, check, ProgressListener.NONE).verdict() == Verdict.HOLDS;
		return new CheckResult(request.obligation(), Verdict.HOLDS, name(), result.depth(), certified, java.util.List
				.of(), seen, statistics);
	}
}
