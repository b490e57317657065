package dev.shall.checker.lowering;

import java.util.Arrays;

import dev.shall.model.BoolType;
import dev.shall.model.EnumType;
import dev.shall.model.IntType;
import dev.shall.model.KeyType;
import dev.shall.model.OptionalType;
import dev.shall.model.Type;
import dev.shall.model.frontend.Limits;

/**
 * The finite set of values a variable or message field can hold, in a fixed order. Values are
 * ints: booleans 0 and 1, integers themselves, enumeration literals and key terms by their
 * number, and {@link #NONE} for an absent optional value. The index of a value in this order is
 * what the SAT encoding stores in binary.
 */
public final class Domain {

	/**
	 * The value of an absent optional: -2^30, just beyond {@link Limits#MAX_MAGNITUDE}. Validation
	 * keeps every literal, bound, sum and difference within ±{@code MAX_MAGNITUDE}, so no integer
	 * expression takes this value, and none stays a value of its own (semantics §2.4): as -1, it was
	 * also what {@code y - 1} computes for y = 0, so {@code x := y - 1} stored none into
	 * {@code x : 0..3?} instead of being blocked (§3.2), and {@code none == y - 1} held. It is not
	 * {@code Integer.MIN_VALUE}, which the encoding uses as a sentinel of its own, and it sorts
	 * before every integer, so an optional domain stays in order.
	 */
	public static final int NONE = -Limits.MAX_MAGNITUDE - 1;

	private final int[] values;
	private final Type type;

	private Domain(Type type, int[] values) {
		this.type = type;
		this.values = values;
	}

	public static Domain of(Type type, KeyUniverse keys) {
		return switch (type) {
		case BoolType bool -> new Domain(type, new int[] { 0, 1 });
		case IntType range -> {
			if (range.getMin() > range.getMax()) {
				// an empty type would make every property hold vacuously; validation rejects it
				throw new IllegalArgumentException("The range " + range.getMin() + ".." + range.getMax() + " is empty");
			}
			yield new Domain(type, rangeValues(range.getMin(), range.getMax()));
		}
		case EnumType enumeration -> new Domain(type, rangeValues(0, enumeration.getDecl().getLiterals().size() - 1));
		case KeyType key -> new Domain(type, rangeValues(0, keys.size(key.getDecl()) - 1));
		// semantics §2.5: identities 1..size of the pool
		case dev.shall.model.IdentityType identity -> new Domain(type, rangeValues(1, identity.getDecl().getSize()));
		case OptionalType optional -> {
			int[] element = of(optional.getElement(), keys).values;
			int[] values = new int[element.length + 1];
			values[0] = NONE;
			System.arraycopy(element, 0, values, 1, element.length);
			yield new Domain(type, values);
		}
		default -> throw new IllegalArgumentException("Unknown type " + type.eClass().getName());
		};
	}

	/** This domain with {@link #NONE} added first (if it lacks it), its type unchanged. */
	public Domain withNone() {
		if (values.length > 0 && values[0] == NONE) {
			return this;
		}
		int[] more = new int[values.length + 1];
		more[0] = NONE;
		System.arraycopy(values, 0, more, 1, values.length);
		return new Domain(type, more);
	}

	/** The integers min..max, for the encodings' own bookkeeping (message tags, moves). */
	public static Domain range(int min, int max) {
		return new Domain(null, rangeValues(min, max));
	}

	/** false and true. */
	public static Domain bool() {
		return new Domain(null, new int[] { 0, 1 });
	}

	/**
	 * The integers min..max. The count is computed in long ({@code max - min + 1} overflows an int
	 * for {@code 0..2147483647} and wrapped to an empty domain), and a domain larger than the
	 * checker can enumerate is refused: validation keeps declared types within
	 * {@link Limits#MAX_VALUES}, and an optional type adds one value, none.
	 */
	private static int[] rangeValues(int min, int max) {
		long count = Limits.count(min, max);
		if (count > Limits.MAX_VALUES + 1L) {
			throw new IllegalArgumentException("The range " + min + ".." + max + " has " + Limits.format(count)
					+ " values; the checker enumerates at most " + Limits.format(Limits.MAX_VALUES));
		}
		int[] values = new int[(int) count];
		for (int i = 0; i < values.length; i++) {
			values[i] = min + i;
		}
		return values;
	}

	public Type type() {
		return type;
	}

	public int size() {
		return values.length;
	}

	public int value(int index) {
		return values[index];
	}

	/** The index of the value, or -1 when the value lies outside the domain. */
	public int indexOf(int value) {
		int index = Arrays.binarySearch(values, value);
		return index < 0 ? -1 : index;
	}

	public boolean contains(int value) {
		return indexOf(value) >= 0;
	}

	/** The number of bits that store an index (0 for a one-value domain). */
	public int bits() {
		return 32 - Integer.numberOfLeadingZeros(Math.max(0, values.length - 1));
	}

	public int[] values() {
		return values.clone();
	}
}
