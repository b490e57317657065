package dev.shall.checker.explicit;

import java.util.Arrays;

/**
 * A message in a lane: its tag (1 + position among the lane's message types), its field values
 * in declaration order, the key it was protected with ({@code Domain.NONE} when the lane is not
 * keyed), and whether it is a fault copy (a duplicate or a replay) rather than a message the
 * procedure sent: copies do not count against the lane's capacity (semantics §4.3).
 */
public record QueuedMessage(int tag, int[] fields, int mac, boolean copy) {

	public QueuedMessage(int tag, int[] fields, int mac) {
		this(tag, fields, mac, false);
	}

	/** The same message as a fault copy. */
	public QueuedMessage asCopy() {
		return new QueuedMessage(tag, fields, mac, true);
	}

	/** The same message as delivered content, whether it came as a copy or not. */
	public QueuedMessage original() {
		return copy ? new QueuedMessage(tag, fields, mac, false) : this;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof QueuedMessage m && tag == m.tag && mac == m.mac && copy == m.copy
				&& Arrays.equals(fields, m.fields);
	}

	@Override
	public int hashCode() {
		return ((tag * 31 + mac) * 31 + Arrays.hashCode(fields)) * 2 + (copy ? 1 : 0);
	}

	@Override
	public String toString() {
		return "#" + tag + Arrays.toString(fields) + (mac >= 0 ? "/" + mac : "") + (copy ? "*" : "");
	}
}
