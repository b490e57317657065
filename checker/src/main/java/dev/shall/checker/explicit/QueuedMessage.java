package dev.shall.checker.explicit;

import java.util.Arrays;

/**
 * A message in a lane: its tag (1 + position among the lane's message types), its field values
 * in declaration order, and the key it was protected with ({@code Domain.NONE} when the lane is
 * not keyed).
 */
public record QueuedMessage(int tag, int[] fields, int mac) {

	@Override
	public boolean equals(Object other) {
		return other instanceof QueuedMessage m && tag == m.tag && mac == m.mac && Arrays.equals(fields, m.fields);
	}

	@Override
	public int hashCode() {
		return (tag * 31 + mac) * 31 + Arrays.hashCode(fields);
	}

	@Override
	public String toString() {
		return "#" + tag + Arrays.toString(fields) + (mac >= 0 ? "/" + mac : "");
	}
}
