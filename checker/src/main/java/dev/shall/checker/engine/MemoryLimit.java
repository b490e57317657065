package dev.shall.checker.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap a check may fill before its questions stop with {@code unknown} ("memory limit"),
 * instead of the JVM dying with {@link OutOfMemoryError} part-way through a report.
 *
 * <p>It uses the JVM's low-memory detection (the collection usage threshold of
 * {@link MemoryPoolMXBean}): the heap pools that support it compare the memory still in use
 * <em>after</em> a garbage collection with their share of the limit, so garbage that a collection
 * would free never trips it. Every {@link Budget} polls {@link #exceeded()}; the heap is one per
 * process, so the limit is too.
 */
public final class MemoryLimit {

	/** The default share of the JVM's maximum heap ({@code -Xmx}) that a check may keep in use. */
	public static final double DEFAULT_SHARE = 0.85;

	private static volatile long limit = -1;

	private MemoryLimit() {
	}

	/** The largest heap the JVM may use, in bytes ({@code -Xmx}, or its default share of the machine). */
	public static long maxHeap() {
		return Runtime.getRuntime().maxMemory();
	}

	/**
	 * Sets the limit in bytes (at most the JVM's maximum heap: a larger limit is lowered to
	 * {@link #DEFAULT_SHARE} of it, since the heap cannot grow past {@code -Xmx} from inside).
	 *
	 * @return the limit in force, in bytes
	 */
	public static synchronized long set(long bytes) {
		long max = maxHeap();
		long effective = bytes <= 0 || bytes >= max ? (long) (max * DEFAULT_SHARE) : bytes;
		List<MemoryPoolMXBean> pools = POOLS;
		long capacity = pools.stream().mapToLong(p -> Math.max(0, p.getUsage().getMax())).sum();
		for (MemoryPoolMXBean pool : pools) {
			long poolMax = pool.getUsage().getMax();
			// each pool gets its share of the limit; a pool without a maximum gets the whole limit
			long threshold = poolMax <= 0 || capacity <= 0 ? effective : (long) ((double) effective * poolMax / capacity);
			pool.setCollectionUsageThreshold(Math.max(1, threshold));
		}
		limit = effective;
		// the pools judge the usage after the *last* collection, which may date from before the
		// previous command in this JVM let go of its states (a test run, the language server): a
		// stale reading would stop the first question of a new command for memory it no longer holds
		recover();
		return effective;
	}

	/** Why the check must stop ("memory limit …"), or null while the heap in use stays below the limit. */
	public static String exceeded() {
		if (limit < 0) {
			set(0);
		}
		for (MemoryPoolMXBean pool : POOLS) {
			if (pool.isCollectionUsageThresholdExceeded()) {
				return "memory limit (" + megabytes(limit) + " MB of heap in use after garbage collection; raise it with "
						+ "--max-memory, up to the JVM's " + megabytes(maxHeap()) + " MB, or narrow the model)";
			}
		}
		return null;
	}

	/** After a question stopped at the limit: collect, so that the next question starts below it. */
	public static void recover() {
		if (exceeded() != null) {
			System.gc();
		}
	}

	public static long megabytes(long bytes) {
		return bytes >> 20;
	}

	/**
	 * Parses a size as {@code java -Xmx} takes it: a number of bytes with an optional suffix k, m,
	 * g or t (powers of 1024), or a percentage of the JVM's maximum heap ({@code 80%}).
	 *
	 * @throws IllegalArgumentException when the text is not such a size or is not positive
	 */
	public static long parse(String text) {
		String t = text.trim().toLowerCase(java.util.Locale.ROOT);
		try {
			if (t.endsWith("%")) {
				double share = Double.parseDouble(t.substring(0, t.length() - 1)) / 100;
				if (!(share > 0 && share <= 1)) {
					throw new IllegalArgumentException("a share of the heap lies in (0%, 100%]: " + text);
				}
				return (long) (maxHeap() * share);
			}
			long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
			case 'k' -> 1L << 10;
			case 'm' -> 1L << 20;
			case 'g' -> 1L << 30;
			case 't' -> 1L << 40;
			default -> 1;
			};
			String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
			long bytes = Math.multiplyExact(Long.parseLong(digits), unit);
			if (bytes <= 0) {
				throw new IllegalArgumentException("a memory size is positive: " + text);
			}
			return bytes;
		} catch (NumberFormatException | ArithmeticException e) {
			throw new IllegalArgumentException("not a memory size (e.g. 512m, 4g or 80%): " + text);
		}
	}

	/** The pools are fixed when the JVM starts; polled often, so listed once. */
	private static final List<MemoryPoolMXBean> POOLS = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p
			.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();

}
