package dev.shall.checker.lowering;

import java.util.Arrays;

/**
 * What the scheduler chose at one step: the instance and action, the queue slot a receive or a
 * loss takes (0 for the head), and the branch of every nondeterministic choice (by choice index;
 * entries of choices the action does not reach are ignored).
 */
public record Move(int instance, int action, int slot, int[] choices) {

	@Override
	public boolean equals(Object other) {
		return other instanceof Move m && instance == m.instance && action == m.action && slot == m.slot
				&& Arrays.equals(choices, m.choices);
	}

	@Override
	public int hashCode() {
		return ((instance * 31 + action) * 31 + slot) * 31 + Arrays.hashCode(choices);
	}

	@Override
	public String toString() {
		return "instance " + instance + " action " + action + " slot " + slot + " choices " + Arrays.toString(choices);
	}
}
