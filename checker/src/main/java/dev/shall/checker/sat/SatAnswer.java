package dev.shall.checker.sat;

/**
 * The answer of one SAT call, named as SMT-LIB names them ({@code sat}, {@code unsat},
 * {@code unknown}). Engines translate it into a {@link dev.shall.checker.engine.Verdict}; the two
 * are kept apart because "satisfiable" means "violated" for one question and "can happen" for
 * another.
 */
public enum SatAnswer {
	/** The formula has a model; {@link SatSolver#value(int)} reads it. */
	SAT,
	/** The formula has no model under the assumptions. */
	UNSAT,
	/** The call stopped before an answer: a time, conflict or interruption budget ran out. */
	UNKNOWN;

	public boolean isSat() {
		return this == SAT;
	}

	public boolean isUnsat() {
		return this == UNSAT;
	}

	public boolean isUnknown() {
		return this == UNKNOWN;
	}

	/** {@link #SAT} for true, {@link #UNSAT} for false. */
	public static SatAnswer of(boolean satisfiable) {
		return satisfiable ? SAT : UNSAT;
	}
}
