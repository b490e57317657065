package dev.shall.checker.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;

/**
 * Which engines the portfolio gives a question (issue 20, "question scheduling"):
 * <ul>
 * <li><b>the breadth-first member stops competing</b> for a procedure, combination of options and
 * number of instances once one of its searches there went past its state limit: the reachable
 * states are then known to be beyond it, and on two cores it only slows the SAT members down (47 %
 * of the samples at 16 UEs, issue 20). The search's states include a property's monitor, so a
 * question without one could have fitted where one with it did not; skipping it never changes a
 * verdict, only which engine gives it (or {@code unknown} where only the breadth-first search would
 * have answered).</li>
 * <li><b>"can this step happen"</b> is first a shallow BMC question, asked alone: a step near the
 * start is found by BMC in a few unrollings, certified by the interpreter's replay, before four
 * members start on it; what BMC does not settle within {@link #SHALLOW_DEPTH} steps or {@link
 * #SHALLOW_TIME} goes to the whole portfolio.</li>
 * <li><b>a run of one session first</b>: with N sessions, a violation or a witness is first looked
 * for with session 0 alone ({@link #ONE_SESSION_TIME}); the other sessions may stay in their
 * initial states, so such a run is usually a run of N sessions too — usually, not always (a guard
 * such as {@code not some s where …} sees the idle sessions) — and it counts only once both
 * semantics accept it with N sessions ({@link Portfolio}). At 16 UEs the counterexample of seed
 * 003 is 9 moves of one session, which BMC and IC3 look for among 16 sessions' moves.</li>
 * <li><b>a small state space is the breadth-first search's alone</b> (issue 18, ADR 0022): every
 * question is first asked of it with at most {@link #ALONE_STATES} states and {@link #ALONE_TIME};
 * its certified answer stands. Once a search alone of the same procedure, options, instances and
 * last-move bookkeeping went past that state limit, the later questions of that state space go to
 * the portfolio at once; a search that ran out of time (a cold or loaded machine) is tried again on
 * the next question, and its state space is given up on after a second time-out.</li>
 * </ul>
 * {@code -Dshall.schedule=false} turns them all off (for measuring).
 */
public final class Schedule {

	/** Depth of the first, BMC-only look at a reachability question. */
	public static final int SHALLOW_DEPTH = 12;
	/** Time of that look, at most (the question's own limit if shorter). */
	public static final Duration SHALLOW_TIME = Duration.ofSeconds(2);

	/** Time of the look with one session, at most. */
	public static final Duration ONE_SESSION_TIME = Duration.ofSeconds(2);

	private static final boolean ON = !"false".equals(System.getProperty("shall.schedule"));

	/** States the breadth-first search may visit when it is asked alone, before the portfolio. */
	public static final int ALONE_STATES = 20_000;
	/** Time it may take then, at most (the question's own limit if shorter). */
	public static final Duration ALONE_TIME = Duration.ofSeconds(10);

	/** Per layout: the "options/instances" whose state space the search alone did not cover. */
	private static final Map<Layout, Set<String>> BEYOND_ALONE = Collections.synchronizedMap(new WeakHashMap<>());
	/** Per layout: the state spaces whose search alone ran out of time once. */
	private static final Map<Layout, Set<String>> ALONE_TIMED_OUT = Collections.synchronizedMap(new WeakHashMap<>());

	/** Per layout (weakly: a procedure loaded again is a new layout): the "options/instances" beyond the search. */
	private static final Map<Layout, Set<String>> BEYOND_BREADTH_FIRST = Collections.synchronizedMap(
			new WeakHashMap<>());

	private Schedule() {
	}

	private static String key(CheckRequest request) {
		return request.options().byName() + "/" + request.instances();
	}

	/** As {@link #key}, and whether the states keep the last move (another, larger state space). */
	private static String aloneKey(CheckRequest request) {
		return key(request) + "/" + request.obligation().observesLastMove();
	}

	/** Whether the breadth-first member should run on this question. */
	public static boolean breadthFirst(CheckRequest request) {
		if (!ON) {
			return true;
		}
		Set<String> beyond = BEYOND_BREADTH_FIRST.get(request.layout());
		return beyond == null || !beyond.contains(key(request));
	}

	/** Records a breadth-first search's unknown: a state limit passed makes later questions skip it. */
	public static void breadthFirstEnded(CheckRequest request, CheckResult result) {
		if (ON && result.verdict() == Verdict.UNKNOWN && result.reason() != null && result.reason().startsWith(
				"more than ")) {
			BEYOND_BREADTH_FIRST.computeIfAbsent(request.layout(), l -> Collections.synchronizedSet(new HashSet<>()))
					.add(key(request));
		}
	}

	/** Whether a run of session 0 alone is looked for first (semantics §1.2: questions are of session 0). */
	public static boolean oneSessionFirst(CheckRequest request) {
		return ON && request.instances() > 1;
	}

	/** The same question of one session. */
	public static CheckRequest oneSession(CheckRequest request) {
		return new CheckRequest(request.layout(), request.options(), 1, request.obligation());
	}

	/**
	 * Whether the question is first asked of the breadth-first search alone, with at most {@link
	 * #ALONE_STATES} states: until a search of the same procedure, options and instances went past
	 * that (or its time), and only where the portfolio would run it at all.
	 */
	public static boolean breadthFirstAlone(CheckRequest request) {
		if (!ON || !breadthFirst(request)) {
			return false;
		}
		Set<String> beyond = BEYOND_ALONE.get(request.layout());
		return beyond == null || !beyond.contains(aloneKey(request));
	}

	/**
	 * Records the search alone's unknown: past its state limit, later questions of the state space go
	 * to the portfolio at once; out of time, after the second time.
	 */
	public static void breadthFirstAloneEnded(CheckRequest request, CheckResult result) {
		if (!ON || result.verdict() != Verdict.UNKNOWN) {
			return;
		}
		boolean pastLimit = result.reason() != null && result.reason().startsWith("more than ");
		if (!pastLimit && ALONE_TIMED_OUT.computeIfAbsent(request.layout(), l -> Collections.synchronizedSet(
				new HashSet<>())).add(aloneKey(request))) {
			return;
		}
		BEYOND_ALONE.computeIfAbsent(request.layout(), l -> Collections.synchronizedSet(new HashSet<>())).add(aloneKey(
				request));
	}

	/** Whether the question is first asked of BMC alone, shallow. */
	public static boolean shallowFirst(CheckRequest request) {
		return ON && request.obligation().kind() == Obligation.Kind.REACHABILITY;
	}
}
