package dev.shall.checker.lowering;

import java.util.Arrays;

/**
 * What the scheduler chose at one step: the instance and action, the queue slot a receive or a
 * loss takes (0 for the head), the branch of every nondeterministic choice (by choice index;
 * entries of choices the action does not reach are ignored), and the session entry a step's
 * lookup located (semantics §3.7; 0 for an action without a lookup).
 */
public record Move(int instance, int action, int slot, int[] choices, int entry) {

	public Move(int instance, int action, int slot, int[] choices) {
		this(instance, action, slot, choices, 0);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Move m && instance == m.instance && action == m.action && slot == m.slot
				&& Arrays.equals(choices, m.choices) && entry == m.entry;
	}

	@Override
	public int hashCode() {
		return (((instance * 31 + action) * 31 + slot) * 31 + Arrays.hashCode(choices)) * 31 + entry;
	}

	@Override
	public String toString() {
		return "instance " + instance + " action " + action + " slot " + slot + " choices " + Arrays.toString(choices)
				+ (entry != 0 ? " entry " + entry : "");
	}
}
