package dev.shall.checker.engine;

import java.util.List;

import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;

/**
 * The answer to one obligation under one option combination.
 *
 * @param bound     for holds/unknown: the depth up to which no violation exists (-1: none checked);
 *                  for violated: the length of the trace
 * @param certified whether an independent check confirmed the verdict: the trace replayed by the
 *                  explicit interpreter, or the inductive claim re-proved by a fresh solver
 * @param moves     the run that violates the property (empty otherwise)
 * @param reason    why the verdict is unknown, or how holds was proved
 */
public record CheckResult(Obligation obligation, Verdict verdict, String engine, int bound, boolean certified,
		List<Move> moves, String reason, Statistics statistics) {

	/** What the SAT side did, for reports and benchmarks. */
	public record Statistics(int variables, int clauses, long conflicts, double seconds) {
		public static final Statistics NONE = new Statistics(0, 0, 0, 0);
	}

	public CheckResult {
		moves = List.copyOf(moves);
	}

	public static CheckResult unknown(Obligation obligation, String engine, int bound, String reason,
			Statistics statistics) {
		return new CheckResult(obligation, Verdict.UNKNOWN, engine, bound, false, List.of(), reason, statistics);
	}

	/**
	 * Unknown because the budget ran out while the encoding of depth {@code explored + 1} was being
	 * built: no violation within {@code explored} steps.
	 */
	public static CheckResult stoppedWhileEncoding(Obligation obligation, String engine, int explored,
			dev.shall.checker.encoding.EncodingStopped stopped) {
		return unknown(obligation, engine, explored, stopped.reason() + " while building the encoding of depth "
				+ (explored + 1), Statistics.NONE);
	}

	public CheckResult certified(boolean certified) {
		return new CheckResult(obligation, verdict, engine, bound, certified, moves, reason, statistics);
	}
}
