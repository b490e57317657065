package dev.shall.checker.lowering;

import java.util.Arrays;

/**
 * Field values (a whole state's, or a few fields' as k-induction's candidate invariants read them),
 * compared by content: arrays compare by identity, so this is the hash key for sets and maps of them.
 */
public record FieldVector(int[] fields) {

	@Override
	public boolean equals(Object other) {
		return other instanceof FieldVector v && Arrays.equals(fields, v.fields);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(fields);
	}
}
