package dev.shall.checker.certify;

import java.time.Duration;
import java.util.List;

import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.Certificate;
import dev.shall.checker.engine.Certification;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.Unrolling;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Claim;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.model.Correspondence;

/**
 * The certification stage (semantics §8.2, ADR 0009): every definitive verdict an engine gives
 * is checked with the implementation of the semantics that did not find it, or re-proved from
 * scratch, before it is reported as decided. The engines return {@link Claim}s; this class turns
 * each into a {@link Certificate} — data the reports show — or into {@link Certificate.Missing}
 * with the reason, and {@link #decided} reports an uncertified verdict as {@code unknown}.
 *
 * <table>
 * <caption>Claims and their certificates</caption>
 * <tr><th>claim</th><th>found by</th><th>checked by</th><th>certificate</th></tr>
 * <tr><td>run to a bad state</td><td>SAT engines</td><td>the interpreter replays it</td><td>replayed-run</td></tr>
 * <tr><td>run to a bad state</td><td>breadth-first search</td><td>the encoding accepts it</td><td>accepted-run</td></tr>
 * <tr><td>lasso</td><td>either</td><td>the interpreter replays it, the cycle closes and is fair</td><td>replayed-lasso</td></tr>
 * <tr><td>completeness at depth k</td><td>BMC</td><td>fresh solver</td><td>completeness-bound</td></tr>
 * <tr><td>k-inductive with invariant</td><td>k-induction</td><td>fresh solvers</td><td>inductive-invariant</td></tr>
 * <tr><td>inductive invariant (clauses over state bits)</td><td>IC3/PDR</td><td>fresh solvers</td><td>inductive-clauses</td></tr>
 * <tr><td>all reachable states seen</td><td>breadth-first search</td><td>the encoding: its own search, or (where that stops short) the set is closed under steps</td><td>encoding-graph, closed-state-set</td></tr>
 * <tr><td>no fair run unanswered</td><td>response checker</td><td>the encoding's own graph, another algorithm</td><td>encoding-graph</td></tr>
 * </table>
 */
public final class Certifier implements Certification {

	/** Which claims are checked, and which verdicts need a certificate to be reported as decided. */
	public enum Scope {
		/** Every claim, and every holds and violated needs its certificate ({@code shall check}). */
		EVERY_VERDICT,
		/**
		 * The editor's quick check (ADR 0006): the breadth-first search's answers are shown
		 * uncertified, since checking them takes SAT calls of their own; every other claim is
		 * checked as for {@code shall check}. A check that fails still makes the verdict unknown.
		 */
		QUICK
	}

	/** How long the closed-state-set check may take when the encoding's own search stopped short. */
	private static final Duration CLOSED_SET_TIME = Duration.ofSeconds(10);

	/**
	 * The most states the encoding's own search visits to certify a breadth-first "holds": as many
	 * as the portfolio's breadth-first member visits.
	 */
	static final int EXPLORATION_STATES = 200_000;

	/** The same for a response property: as many as the runner lets the response checker visit. */
	static final int FAIR_GRAPH_STATES = 500_000;

	private final Scope scope;
	/** The most states the encoding's own search visits (tests lower it to reach the fallback). */
	private final int explorationStates;

	public Certifier() {
		this(Scope.EVERY_VERDICT);
	}

	public Certifier(Scope scope) {
		this(scope, EXPLORATION_STATES);
	}

	Certifier(Scope scope, int explorationStates) {
		this.scope = scope;
		this.explorationStates = explorationStates;
	}

	/**
	 * The result with its certificate. Results already checked (certified or not), unknown
	 * results, and holds outside the {@link Scope} come back unchanged.
	 */
	@Override
	public CheckResult certify(CheckRequest request, CheckResult result, Budget budget) {
		if (result.verdict() == Verdict.VIOLATED && result.claim() instanceof Claim.Run run
				&& request.obligation().property() instanceof Correspondence correspondence) {
			List<Integer> saturated = ExplicitChecker.saturatedViolation(request.layout(), request.options(), request
					.instances(), request.obligation(), run.moves());
			if (!saturated.isEmpty()) {
				// semantics §6.6: a saturated counter under-counts the first condition, so this
				// violation may not be one; holds stays sound, violated is not known
				return CheckResult.unknown(result.obligation(), result.engine(), -1, "violated on a "
						+ run.moves().size() + "-step run, but on it instance " + saturated.get(0) + " had more than "
						+ correspondence.getBound() + " unanswered first conditions, which the monitor does not "
						+ "count: raise the bound with `within N`", result.statistics());
			}
		}
		if (result.verdict() == Verdict.UNKNOWN || result.certificate() != Certificate.NOT_CHECKED
				|| scope == Scope.QUICK && breadthFirst(result.claim())) {
			return result;
		}
		return result.withCertificate(check(request, result.claim(), budget, explorationStates));
	}

	/**
	 * The verdict as it is reported: a definitive verdict without a certificate becomes
	 * {@code unknown}, saying what was found and why it is not certified (semantics §8.2).
	 */
	public CheckResult decided(CheckResult result) {
		boolean needed = scope == Scope.EVERY_VERDICT || result.certificate() != Certificate.NOT_CHECKED;
		if (result.verdict() == Verdict.UNKNOWN || result.certified() || !needed) {
			return result;
		}
		return CheckResult.unknown(result.obligation(), result.engine(), result.verdict() == Verdict.HOLDS ? result
				.bound() : -1, result.verdict().label() + " by " + result.engine() + ", but not certified: "
						+ result.certificate().describe() + (result.reason() == null ? "" : " (" + result.reason()
								+ ")"), result.statistics());
	}

	/** Whether the claim is an answer of the interpreter's breadth-first search. */
	/**
	 * A fresh unrolling for a check, on SAT4J whatever backend the engines use ({@code --sat}): a
	 * verdict found with the native solver is re-proved by the reference solver, so a fault in the
	 * native binding cannot certify itself.
	 */
	static Unrolling unrolling(CheckRequest request, boolean fromInitial, Budget budget) {
		return new Unrolling(request, fromInitial, budget, dev.shall.checker.sat.SatBackend.reference());
	}

	private static boolean breadthFirst(Claim claim) {
		return claim instanceof Claim.Run run && run.foundBy() == Claim.Semantics.INTERPRETER
				|| claim instanceof Claim.ReachableStates || claim instanceof Claim.ReachableUpToSymmetry;
	}

	private static Certificate check(CheckRequest request, Claim claim, Budget budget, int explorationStates) {
		return switch (claim) {
		case Claim.Run run when run.foundBy() == Claim.Semantics.ENCODING -> ExplicitChecker.confirmsViolation(request
				.layout(), request.options(), request.instances(), request.obligation(), run.moves())
						? new Certificate.ReplayedRun(run.moves().size())
						: new Certificate.Missing("the reference interpreter does not replay the run to a bad state"
								+ PLEASE_REPORT);
		case Claim.Run run -> switch (ReProof.acceptedByEncoding(request, run.moves(), budget)) {
		case SAT -> new Certificate.AcceptedRun(run.moves().size());
		case UNSAT -> new Certificate.Missing("the SAT encoding does not accept the run" + PLEASE_REPORT);
		case UNKNOWN -> stopped(budget, "the SAT encoding's check of the run");
		};
		case Claim.Lasso lasso -> ExplicitChecker.confirmsLasso(request.layout(), request.options(), request
				.instances(), request.obligation(), lasso.moves(), lasso.loopStart())
						? new Certificate.ReplayedLasso(lasso.moves().size(), lasso.loopStart())
						: new Certificate.Missing("the reference interpreter does not confirm the lasso" + PLEASE_REPORT);
		case Claim.Completeness completeness -> ReProof.completeness(request, completeness.depth(), budget)
				? new Certificate.CompletenessBound(completeness.depth())
				: reproofFailed(budget);
		case Claim.KInductive proof -> ReProof.kInduction(request, proof.depth(), proof.invariant(), budget)
				? new Certificate.InductiveInvariant(proof.depth(), proof.invariant().describe(request.layout()))
				: reproofFailed(budget);
		case Claim.Invariant invariant -> ReProof.invariant(request, invariant.clauses(), budget)
				? new Certificate.InvariantClauses(ReProof.describe(request, invariant.clauses()))
				: reproofFailed(budget);
		case Claim.ReachableStates reachable -> reachableStates(request, reachable, budget, explorationStates);
		case Claim.ReachableUpToSymmetry reduced -> reachableUpToSymmetry(request, reduced, budget);
		case Claim.FairStateGraph graph -> fairGraph(request, budget);
		case Claim.None none -> Certificate.NOT_CHECKED;
		};
	}

	private static final String PLEASE_REPORT = " (the two semantics disagree: please report this model)";

	/**
	 * Semantics §8.2: the encoding's own breadth-first search, over its transition relation evaluated
	 * on constants, finds no bad state; should it stop short (its state or time limit), the states
	 * seen, when few enough to write out, are checked closed under the encoding's steps. The search
	 * comes first because it is the cheaper of the two wherever both apply: on x2-handover-key-chaining
	 * (106 states) the closed-set check's three SAT questions took 10 s and the search well under
	 * one, on seed 003 at N = 1 (23 states) 1.5–2.0 s against 0.7–1.1 s for the whole question.
	 */
	private static Certificate reachableStates(CheckRequest request, Claim.ReachableStates reachable, Budget budget,
			int explorationStates) {
		if (!TransitionEncoding.supports(request.obligation())) {
			return new Certificate.Missing("the SAT encoding does not express this obligation");
		}
		EncodingExploration.Answer own = new EncodingExploration(request, explorationStates).safety(budget);
		if (own.verdict() == Verdict.UNKNOWN && budget.exhausted() == null && reachable
				.states().size() <= ClosedStateSetCheck.MAX_STATES && ClosedStateSetCheck.escapes(request, reachable
						.states(), budget.member(CLOSED_SET_TIME)).isUnsat()) {
			return new Certificate.ClosedStateSet(reachable.states().size());
		}
		return ownGraph(own, false);
	}

	/**
	 * Semantics §8.3: the representatives of a search reduced by session symmetry. Their orbits,
	 * when few enough to write out, are checked closed as any state set — a certificate that owes
	 * nothing to the reduction; else the encoding checks the representatives closed up to the group
	 * ({@link SymmetricClosureCheck}); else its own unreduced search.
	 */
	private static Certificate reachableUpToSymmetry(CheckRequest request, Claim.ReachableUpToSymmetry reduced,
			Budget budget) {
		if (!TransitionEncoding.supports(request.obligation())) {
			return new Certificate.Missing("the SAT encoding does not express this obligation");
		}
		java.util.Set<dev.shall.checker.explicit.ConcreteState> orbits = reduced.representatives().size()
				> ClosedStateSetCheck.MAX_STATES ? null : new java.util.LinkedHashSet<>();
		for (var representative : orbits == null ? List.<dev.shall.checker.explicit.ConcreteState>of() : reduced
				.representatives()) {
			var orbit = reduced.symmetry().orbit(representative, ClosedStateSetCheck.MAX_STATES);
			if (orbit == null || orbits.size() > ClosedStateSetCheck.MAX_STATES) {
				orbits = null;
				break;
			}
			orbits.addAll(orbit);
		}
		if (orbits != null && orbits.size() <= ClosedStateSetCheck.MAX_STATES && ClosedStateSetCheck.escapes(request,
				List.copyOf(orbits), budget.member(CLOSED_SET_TIME)).isUnsat()) {
			return new Certificate.ClosedStateSet(orbits.size());
		}
		SymmetricClosureCheck.Answer closed = SymmetricClosureCheck.check(request, reduced.representatives(), reduced
				.symmetry(), budget);
		if (Boolean.TRUE.equals(closed.closed())) {
			return new Certificate.ClosedUpToSymmetry(reduced.representatives().size(), closed.steps(), reduced.symmetry()
					.describe());
		}
		if (closed.closed() == null) {
			return new Certificate.Missing("the check of the states seen up to symmetry stopped: " + closed.reason());
		}
		Certificate own = ownGraph(new EncodingExploration(request, EXPLORATION_STATES).safety(budget), false);
		return own.certifies() ? own : new Certificate.Missing("the states seen up to symmetry are not closed under "
				+ "the encoding's steps (" + closed.reason() + "), and " + own.describe());
	}

	/** Another algorithm on the other semantics: the Emerson–Lei fixpoint on the encoding's graph. */
	private static Certificate fairGraph(CheckRequest request, Budget budget) {
		return ownGraph(new EncodingExploration(request, FAIR_GRAPH_STATES).response(budget), true);
	}

	/** What the encoding's own graph says about a claimed "holds". */
	private static Certificate ownGraph(EncodingExploration.Answer own, boolean fair) {
		return switch (own.verdict()) {
		case HOLDS -> new Certificate.EncodingGraph(own.states(), fair);
		case VIOLATED -> new Certificate.Missing("the SAT encoding's own graph disagrees (" + own.reason() + ")"
				+ PLEASE_REPORT);
		case UNKNOWN -> new Certificate.Missing("no certificate within the budget (" + own.reason() + ")");
		};
	}

	private static Certificate reproofFailed(Budget budget) {
		return budget.exhausted() != null ? stopped(budget, "the re-proof")
				: new Certificate.Missing("the proof could not be re-established by an independent solver");
	}

	private static Certificate stopped(Budget budget, String what) {
		String why = budget.exhausted();
		return new Certificate.Missing(what + " stopped: " + (why != null ? why : budget.whyStopped()));
	}
}
