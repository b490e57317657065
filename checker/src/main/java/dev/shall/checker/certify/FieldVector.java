package dev.shall.checker.certify;

import java.util.Arrays;

/** A state as the encoding's field values, compared by content: the key of the sets of states the checks keep. */
record FieldVector(int[] fields) {

	@Override
	public boolean equals(Object other) {
		return other instanceof FieldVector v && Arrays.equals(fields, v.fields);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(fields);
	}
}
