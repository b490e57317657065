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
		long memberDeadline = within == null ? deadline : Math.min(deadline, after(within));
		Budget member = new Budget(maxDepth, memberDeadline, conflictsPerCall, new AtomicBoolean());
		onCancel(member::cancel);
		return member;
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

	/** Cancels the work under this budget, interrupting running SAT calls. */
	public void cancel() {
		cancelled.set(true);
		onCancel.forEach(Runnable::run);
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

	/** Why the engine stopped early, or null if it may go on. */
	public String exhausted() {
		if (cancelled.get()) {
			return "cancelled";
		}
		if (timeUp()) {
			return "time limit";
		}
		return null;
	}
}
