package dev.shall.model.frontend;

/**
 * The sizes a procedure may declare, shared by the front end, which refuses anything beyond them
 * with a positioned error, and by the checker, which relies on them and guards them again.
 *
 * <p>Why these numbers: both the explicit interpreter and the SAT encoding enumerate every value
 * of a type (the encoding keeps one guarded literal per possible value, {@code SymbolicValue}),
 * compute on values as Java {@code int}s, and number moves, queue slots and key terms as values
 * of such enumerated domains. A limit that keeps every domain enumerable and every sum of two
 * integers inside an {@code int} makes every arithmetic of the checker exact; without it,
 * {@code max - min + 1} of {@code 0..2147483647} wraps to an empty domain and a violated property
 * is reported to hold.
 */
public final class Limits {

	/**
	 * The most values one enumerated domain may have: an integer range, an enumeration, the terms
	 * of a key (its atoms, or its parents' terms times the values of its inputs), the moves of a
	 * step (instances × actions), the branches of an {@code either}, the message types of a
	 * procedure (a queued message's tag). 2^16: every domain index then fits 16 bits, and the
	 * encoding of one variable stays within about a million gates per step.
	 */
	public static final int MAX_VALUES = 1 << 16;

	/**
	 * The most messages one channel direction may hold. A queue slot is a value of
	 * {@code 0..length-1}, an enumerated domain; a lane that duplicates or replays holds as many
	 * fault copies besides its capacity (they never count against it), so its length is up to twice
	 * the capacity, which must stay within {@link #MAX_VALUES}.
	 */
	public static final int MAX_CAPACITY = MAX_VALUES / 2;

	/**
	 * The largest magnitude of any integer a procedure handles: a literal, a bound of a range, and
	 * every value a sum or difference can take. 2^30 - 1, so that the sum or difference of any two
	 * such integers, which is what the interpreter and the encoding compute in {@code int}, cannot
	 * overflow.
	 */
	public static final int MAX_MAGNITUDE = (1 << 30) - 1;

	/**
	 * The count an injective correspondence keeps when it declares no {@code within N} (semantics
	 * §6.6): unanswered first conditions beyond it saturate the counter. Three covers a request, its
	 * retransmissions under a timer and one replay in the procedures we model, at two bits per instance.
	 */
	public static final int DEFAULT_CORRESPONDENCE_BOUND = 3;

	/** The largest declared bound of a correspondence: its counter is an enumerated domain of the encoding. */
	public static final int MAX_CORRESPONDENCE_BOUND = 255;

	/**
	 * The most combinations of option values a procedure may ask to check. Every combination is a
	 * separate check of every property, step and bound, listed in full before checking starts; 10
	 * binary options make 1,024 of them, already hours of checking. A file beyond it is refused at
	 * once rather than running for days or exhausting memory on the list.
	 */
	public static final int MAX_OPTION_COMBINATIONS = 1 << 10;

	/** The most a user may raise {@link #MAX_OPTION_COMBINATIONS} to ({@code --max-combinations}). */
	public static final int OPTION_COMBINATIONS_CEILING = 1 << 16;

	/** The system property by which the command line raises the limit on option combinations. */
	public static final String OPTION_COMBINATIONS_PROPERTY = "shall.maxCombinations";

	/**
	 * The limit on combinations of option values in force: {@link #MAX_OPTION_COMBINATIONS}, or
	 * what {@code --max-combinations} set (at most {@link #OPTION_COMBINATIONS_CEILING}).
	 */
	public static int optionCombinations() {
		Integer raised = Integer.getInteger(OPTION_COMBINATIONS_PROPERTY);
		return raised == null ? MAX_OPTION_COMBINATIONS : Math.max(1, Math.min(OPTION_COMBINATIONS_CEILING, raised));
	}

	/**
	 * The deepest run {@code --depth} may ask for. The engines count depths in {@code int} loops
	 * ({@code k <= depth}); no unrolling of a million steps fits in memory anyway.
	 */
	public static final int MAX_DEPTH = 1_000_000;

	private Limits() {
	}

	/** The number of integers in {@code min..max} (0 when empty), exactly: long arithmetic cannot overflow here. */
	public static long count(int min, int max) {
		return Math.max(0L, (long) max - (long) min + 1L);
	}

	/** {@code a × b}, or {@code Long.MAX_VALUE} when the product does not fit a long (for comparisons with a limit). */
	public static long saturatedProduct(long a, long b) {
		try {
			return Math.multiplyExact(a, b);
		} catch (ArithmeticException e) {
			return Long.MAX_VALUE;
		}
	}

	/** {@code a + b}, or {@code Long.MAX_VALUE} when the sum does not fit a long (for comparisons with a limit). */
	public static long saturatedSum(long a, long b) {
		try {
			return Math.addExact(a, b);
		} catch (ArithmeticException e) {
			return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	/** Whether an integer lies within {@code ±MAX_MAGNITUDE}. */
	public static boolean withinMagnitude(long value) {
		return value >= -MAX_MAGNITUDE && value <= MAX_MAGNITUDE;
	}

	/** {@code 65536} as {@code 65,536}: limits in messages read as numbers, not as digits. */
	public static String format(long value) {
		return String.format(java.util.Locale.ROOT, "%,d", value);
	}
}
