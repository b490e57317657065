package dev.shall.checker.engine;

import java.util.List;

import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;

/**
 * The answer to one obligation under one option combination.
 *
 * @param bound       for holds/unknown: the depth up to which no violation exists (-1: none
 *                    checked); for violated: the length of the trace
 * @param claim       the evidence for a definitive verdict ({@link Claim#NONE} for unknown)
 * @param certificate what the certification stage confirmed; {@link Certificate#NOT_CHECKED}
 *                    until it has seen the result (semantics §8.2)
 * @param reason      why the verdict is unknown, or how holds was proved
 */
public record CheckResult(Obligation obligation, Verdict verdict, String engine, int bound, Claim claim,
		Certificate certificate, String reason, Statistics statistics) {

	/** What the SAT side did, for reports and benchmarks. */
	public record Statistics(int variables, int clauses, long conflicts, double seconds) {
		public static final Statistics NONE = new Statistics(0, 0, 0, 0);
	}

	public CheckResult {
		if ((verdict == Verdict.UNKNOWN) != (claim instanceof Claim.None)) {
			throw new IllegalArgumentException("a " + verdict.label() + " verdict with claim " + claim);
		}
	}

	/** A definitive verdict with its evidence, not certified yet. */
	public static CheckResult of(Obligation obligation, Verdict verdict, String engine, int bound, Claim claim,
			String reason, Statistics statistics) {
		return new CheckResult(obligation, verdict, engine, bound, claim, Certificate.NOT_CHECKED, reason, statistics);
	}

	public static CheckResult unknown(Obligation obligation, String engine, int bound, String reason,
			Statistics statistics) {
		return new CheckResult(obligation, Verdict.UNKNOWN, engine, bound, Claim.NONE, Certificate.NOT_CHECKED, reason,
				statistics);
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

	/** Whether the certification stage confirmed the verdict. */
	public boolean certified() {
		return certificate.certifies();
	}

	/** The run that violates the property (empty otherwise). */
	public List<Move> moves() {
		return claim.moves();
	}

	/**
	 * For a response counterexample, the state where its cycle starts (0 is the initial state), or
	 * -1 when the run stops; null for every other result.
	 */
	public Integer loopStart() {
		return claim instanceof Claim.Lasso lasso ? lasso.loopStart() : null;
	}

	public CheckResult withCertificate(Certificate certificate) {
		return new CheckResult(obligation, verdict, engine, bound, claim, certificate, reason, statistics);
	}
}
