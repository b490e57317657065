package dev.shall.checker.encoding;

import java.util.TreeMap;

/**
 * The state of N instances as symbolic values: what the unrolling of step k knows about the
 * state after k steps. Arrays are indexed [instance][…] as in the explicit interpreter.
 */
public final class SymbolicState {

	/**
	 * One queue slot: the message tag (0 = empty), the fields of each message type of the lane, the
	 * key tag, and whether the message is a fault copy (always 0 on lanes without copies).
	 */
	record Slot(SymbolicValue tag, SymbolicValue[][] fields, SymbolicValue mac, SymbolicValue copy) {
	}

	final SymbolicValue[][] variables;
	final Slot[][][] queues;
	/** Last delivered message per lane, for lanes that replay; null elsewhere. */
	final Slot[][] replayable;
	/**
	 * Per instance, the obligation's monitor: a flag (precedence: the first condition held before;
	 * response: a trigger is unanswered), or the freshness set (value → literal).
	 */
	final int[] flag;
	final TreeMap<Integer, Integer>[] used;
	/** Per instance, the history bit of each past-time occurrence (semantics §6.5), in {@code PastTime} order. */
	final int[][] past;
	/**
	 * Per instance, a correspondence's count of unanswered first conditions (0..K) and whether it
	 * saturated (semantics §6.6); constant 0 and false for other properties.
	 */
	final SymbolicValue[] counter;
	final int[] saturated;
	/**
	 * For a free state (the current state of an induction step, or the state a step leads to): the
	 * raw input bits of every field, in the order of {@link #bits}, whose patterns need not be values
	 * (see TransitionEncoding#rawBits); null for every other state.
	 */
	java.util.List<int[]> raw;
	/** The encoded fields, once asked for (see TransitionEncoding#bits). */
	java.util.List<int[]> bits;
	/** The move that produced the state: instance · actions + action, or -1; null when nothing reads it. */
	SymbolicValue last;

	@SuppressWarnings("unchecked")
	SymbolicState(int instances, int variables, int lanes) {
		this.past = new int[instances][];
		this.counter = new SymbolicValue[instances];
		this.saturated = new int[instances];
		this.variables = new SymbolicValue[instances][variables];
		this.queues = new Slot[instances][lanes][];
		this.replayable = new Slot[instances][lanes];
		this.flag = new int[instances];
		this.used = new TreeMap[instances];
		for (int i = 0; i < instances; i++) {
			used[i] = new TreeMap<>();
		}
	}

}
