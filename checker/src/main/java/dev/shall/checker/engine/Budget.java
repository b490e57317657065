package dev.shall.checker.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How far an engine may go: a depth bound, a wall-clock deadline, a conflict budget per SAT
 * call (deterministic, for CI), and a cancellation flag shared with whoever started the check.
 */
public final class Budget {

	private final int maxDepth;
	private final long deadline;
	private final long conflictsPerCall;
	private final AtomicBoolean cancelled;

	private Budget(int maxDepth, long deadline, long conflictsPerCall, AtomicBoolean cancelled) {
		this.maxDepth = maxDepth;
		this.deadline = deadline;
		this.conflictsPerCall = conflictsPerCall;
		this.cancelled = cancelled;
	}

	public static Budget of(int maxDepth, Duration timeout) {
		long deadline = timeout == null ? Long.MAX_VALUE : after(timeout);
		return new Budget(maxDepth, deadline, 0, new AtomicBoolean());
	}

	/**
	 * A budget for one member of a group of engines (a portfolio, a certification): the same
	 * limits, a deadline no later than {@code within} from now, and a cancellation flag of its own
	 * that this budget's cancellation also sets.
	 */
	public Budget member(Duration within) {
		return member(within, null);
	}

	/**
	 * As {@link #member(Duration)}; when {@code within} is what ends the member, {@link #exhausted()}
	 * says {@code timeUp} (e.g. "total time limit of 600 s") instead of "time limit".
	 */
	public Budget member(Duration within, String timeUp) {
		return member(within, timeUp, maxDepth);
	}

	/** As {@link #member(Duration)}, stopping at depth {@code depth} too (a first, shallow look). */
	public Budget member(Duration within, int depth) {
		return member(within, null, Math.min(depth, maxDepth));
	}

	private Budget member(Duration within, String timeUp, int depth) {
		long memberDeadline = within == null ? deadline : Math.min(deadline, after(within));
		Budget member = new Budget(depth, memberDeadline, conflictsPerCall, new AtomicBoolean());
		// the reason of whichever deadline binds: the member's own, or the one it inherits
		member.timeUpReason = memberDeadline < deadline ? (timeUp != null ? timeUp : "time limit") : timeUpReason;
		member.parent = this;
		member.link = () -> member.cancel(cancelledBecause);
		onCancel(member.link);
		return member;
	}

	private Budget parent;
	private Runnable link;
	private String timeUpReason = "time limit";

	/**
	 * Ends the work under this budget: cancels it and unhooks it from the budget it is a member
	 * of, so that a long-lived parent (a whole run, an editor session) does not keep every finished
	 * question's solvers reachable through its cancellation actions.
	 */
	public void release() {
		cancel();
		onCancel.clear();
		if (parent != null) {
			parent.onCancel.remove(link);
		}
	}

	/**
	 * The nanoTime {@code duration} from now, saturating: {@code toNanos} of a long timeout, added
	 * to the clock, may not fit a long (and {@code toNanos} itself throws beyond 292 years).
	 */
	private static long after(Duration duration) {
		try {
			return Math.addExact(System.nanoTime(), duration.toNanos());
		} catch (ArithmeticException e) {
			return Long.MAX_VALUE;
		}
	}

	public Budget withConflictsPerCall(long conflicts) {
		return new Budget(maxDepth, deadline, conflicts, cancelled);
	}

	public int maxDepth() {
		return maxDepth;
	}

	public long deadline() {
		return deadline;
	}

	public long conflictsPerCall() {
		return conflictsPerCall;
	}

	private final java.util.List<Runnable> onCancel = new java.util.concurrent.CopyOnWriteArrayList<>();
	private volatile String cancelledBecause = "cancelled";

	/** Cancels the work under this budget, interrupting running SAT calls. */
	public void cancel() {
		cancelled.set(true);
		onCancel.forEach(Runnable::run);
	}

	/**
	 * Cancels with a reason that {@link #exhausted()} reports here and in every member budget
	 * (e.g. "interrupted by SIGTERM"), instead of the plain "cancelled".
	 */
	public void cancel(String reason) {
		cancelledBecause = reason;
		cancel();
	}

	/** Runs the action on cancellation (at once if already cancelled). */
	public void onCancel(Runnable action) {
		onCancel.add(action);
		if (cancelled.get()) {
			action.run();
		}
	}

	public boolean cancelled() {
		return cancelled.get();
	}

	public boolean timeUp() {
		return System.nanoTime() >= deadline;
	}

	/** Why a SAT call gave up: the time or cancellation, else the conflict budget. */
	public String whyStopped() {
		String exhausted = exhausted();
		return exhausted != null ? exhausted : "conflict limit";
	}

	/**
	 * Why the work under this budget is over for good (cancelled, or past its deadline), or null;
	 * unlike {@link #exhausted()}, the memory limit does not count, since it is one question's.
	 */
	public String over() {
		if (cancelled.get()) {
			return cancelledBecause;
		}
		return timeUp() ? timeUpReason : null;
	}

	/** Why the engine stopped early, or null if it may go on. */
	public String exhausted() {
		String over = over();
		return over != null ? over : MemoryLimit.exceeded();
	}
}
