package dev.shall.checker.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * BMC, k-induction, IC3/PDR ({@link Pdr}) and (for small state spaces) breadth-first search side
 * by side; the first
 * certified answer wins and the others are cancelled. Each member's answer goes through the
 * certification stage in the member's own thread; an exact answer that is not certified waits a
 * while for a member whose answer is. Without a definitive answer, the deepest unknown is kept.
 */
public final class Portfolio implements Engine {

	private final Certification certification;

	/** @param certification applied to each member's answer (semantics §8.2) */
	public Portfolio(Certification certification) {
		this.certification = certification;
	}

	/** How long an exact but uncertified verdict waits for a SAT member to certify it. */
	private static final long CERTIFICATION_GRACE_NANOS = 5_000_000_000L;

	/** States the breadth-first member explores before it gives up. */
	private static final int EXPLICIT_STATES = 200_000;

	@Override
	public String name() {
		return "portfolio";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		if (Schedule.oneSessionFirst(request)) {
			CheckResult lifted = oneSessionRun(request, budget, progress);
			if (lifted != null) {
				return lifted;
			}
			if (budget.exhausted() != null) {
				return CheckResult.unknown(request.obligation(), name(), -1, budget.exhausted(), CheckResult.Statistics.NONE);
			}
		}
		if (Schedule.breadthFirstAlone(request)) {
			// a small state space is the breadth-first search's, alone, before four members compete
			// for two cores (the SAT members' work is lost when it answers, as it does on the seeds)
			Budget alone = budget.member(Schedule.ALONE_TIME);
			try {
				CheckResult claimed = new ExplicitSearch(Schedule.ALONE_STATES).check(request, alone, progress);
				Schedule.breadthFirstAloneEnded(request, claimed);
				if (claimed.verdict() != Verdict.UNKNOWN) {
					// certified as the portfolio certifies a member's answer, on a budget of its own: the
					// search's time limit is the search's (on a cold or loaded machine the certification of
					// a holds outlasted it, and the portfolio then did the search over again)
					Budget certifying = budget.member(null);
					try {
						CheckResult first = certification.certify(request, claimed, certifying);
						if (first.certified()) {
							return first;
						}
					} finally {
						certifying.release();
					}
				}
			} finally {
				alone.release();
			}
			if (budget.exhausted() != null) {
				return CheckResult.unknown(request.obligation(), name(), -1, budget.exhausted(), CheckResult.Statistics.NONE);
			}
		}
		if (Schedule.shallowFirst(request)) {
			// a step near the start is BMC's, alone, before four members compete for two cores
			Budget shallow = budget.member(Schedule.SHALLOW_TIME, Schedule.SHALLOW_DEPTH);
			try {
				CheckResult first = certified(new Bmc(), request, shallow, progress);
				if (first.verdict() != Verdict.UNKNOWN && first.certified()) {
					return first;
				}
			} catch (dev.shall.checker.encoding.EncodingStopped stopped) {
				// the encoding outlasted the look: the members below build their own
			} finally {
				shallow.release();
			}
			if (budget.exhausted() != null) {
				return CheckResult.unknown(request.obligation(), name(), -1, budget.exhausted(), CheckResult.Statistics.NONE);
			}
		}
		// whoever cancels the portfolio (the IDE when the text changes) cancels every member
		List<Engine> members = new ArrayList<>(List.of(new Bmc(), new KInduction(), new Pdr()));
		if (Schedule.breadthFirst(request)) {
			members.add(new ExplicitSearch(EXPLICIT_STATES));
		}
		List<Budget> budgets = new ArrayList<>();
		for (int m = 0; m < members.size(); m++) {
			budgets.add(budget.member(null));
		}
		ExecutorService pool = Executors.newFixedThreadPool(members.size(), runnable -> DeepStack.thread(runnable,
				"shall-portfolio"));
		List<Future<CheckResult>> futures = new ArrayList<>();
		try {
			CompletionService<CheckResult> results = new ExecutorCompletionService<>(pool);
			for (int m = 0; m < members.size(); m++) {
				Engine member = members.get(m);
				Budget memberBudget = budgets.get(m);
				futures.add(results.submit(() -> certified(member, request, memberBudget, progress)));
			}
			CheckResult fallback = null;
			CheckResult uncertified = null;
			long graceEnds = Long.MAX_VALUE;
			for (int done = 0; done < members.size(); done++) {
				Future<CheckResult> next = uncertified == null ? results.take()
						: results.poll(Math.max(0, graceEnds - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (next == null) {
					break; // no certification in time: the exact verdict stands, uncertified
				}
				CheckResult result = outcome(next, request);
				if (result.verdict() != Verdict.UNKNOWN && !result.certified()) {
					// exact, but wait for a member that can certify it (they stop at their own bounds)
					if (uncertified == null) {
						uncertified = result;
						graceEnds = System.nanoTime() + CERTIFICATION_GRACE_NANOS;
					}
					continue;
				}
				if (result.verdict() != Verdict.UNKNOWN) {
					budgets.forEach(Budget::cancel);
					futures.forEach(f -> f.cancel(true));
					return result;
				}
				if (budget.cancelled()) {
					budgets.forEach(Budget::cancel);
				}
				fallback = fallback == null || result.bound() > fallback.bound() ? result : fallback;
			}
			budgets.forEach(Budget::cancel);
			return uncertified != null ? uncertified : fallback;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return CheckResult.unknown(request.obligation(), name(), -1, "interrupted", CheckResult.Statistics.NONE);
		} finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A violation (or witness) of session 0 alone, taken as a run of all N sessions when both
	 * semantics accept it with N sessions: the interpreter replays it and the encoding accepts it
	 * (each certifies the claim as if the other had found it). Null when there is none in the
	 * look's time, or when it is no run of N sessions.
	 */
	private CheckResult oneSessionRun(CheckRequest request, Budget budget, ProgressListener progress) {
		Budget look = budget.member(Schedule.ONE_SESSION_TIME);
		CheckResult one;
		try {
			one = check(Schedule.oneSession(request), look, ProgressListener.NONE);
		} catch (dev.shall.checker.encoding.EncodingStopped stopped) {
			return null;
		} finally {
			look.release();
		}
		if (one == null || one.verdict() != Verdict.VIOLATED || !one.certified() || !(one.claim() instanceof Claim.Run run)) {
			return null;
		}
		String how = "found with session 0 alone, accepted with " + request.instances() + " sessions";
		CheckResult result = null;
		for (Claim.Semantics foundBy : Claim.Semantics.values()) {
			CheckResult claimed = CheckResult.of(request.obligation(), Verdict.VIOLATED, one.engine(), one.bound(),
					new Claim.Run(run.moves(), foundBy), how, one.statistics());
			CheckResult checked = certification.certify(request, claimed, budget);
			if (!checked.certified()) {
				return null;
			}
			if (foundBy == run.foundBy()) {
				result = checked; // the certificate of the semantics that did not find it
			}
		}
		return result;
	}

	private CheckResult certified(Engine member, CheckRequest request, Budget budget, ProgressListener progress) {
		CheckResult claimed = member.check(request, budget, progress);
		if (member instanceof ExplicitSearch) {
			Schedule.breadthFirstEnded(request, claimed);
		}
		return certification.certify(request, claimed, budget);
	}

	/**
	 * A member's result; a member that ran out of budget while encoding or out of memory is an
	 * unknown of its own (the others may still answer), any other failure is a fault of shall.
	 */
	private CheckResult outcome(Future<CheckResult> member, CheckRequest request) throws InterruptedException {
		try {
			return member.get();
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof dev.shall.checker.encoding.EncodingStopped stopped) {
				return CheckResult.unknown(request.obligation(), name(), -1, stopped.reason(), CheckResult.Statistics.NONE);
			}
			if (cause instanceof OutOfMemoryError) {
				return CheckResult.unknown(request.obligation(), name(), -1, OUT_OF_MEMORY, CheckResult.Statistics.NONE);
			}
			throw new IllegalStateException("engine failure on " + request.obligation().name(), cause);
		}
	}

	/** The reason given when a search ran out of heap before the memory limit noticed. */
	public static final String OUT_OF_MEMORY = "out of memory (the JVM's heap is full; raise -Xmx with "
			+ "JAVA_TOOL_OPTIONS, or narrow the ranges, capacities or instances)";
}
