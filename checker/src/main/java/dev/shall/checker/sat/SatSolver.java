package dev.shall.checker.sat;

/**
 * The little the engines need of a SAT solver, as small as Kodkod's interface: variables,
 * clauses, solving under assumptions, the model, and budgets. Literals are DIMACS integers.
 */
public interface SatSolver extends AutoCloseable {

	/** A fresh variable (positive DIMACS number). */
	int newVariable();

	void addClause(int... literals);

	/**
	 * Adds a clause for a few calls only, guarded by the activation variable {@code guard}: the
	 * clause must contain {@code -guard}, and the calls that need it assume {@code guard}. {@link
	 * #retire} then adds the unit {@code -guard}, which satisfies it and every clause learnt from it
	 * (they all contain {@code -guard}: an assumption is never resolved away). A solver that can
	 * detach the clause as well does so, so that a long run of such queries (IC3/PDR's relative
	 * induction and lifting) does not leave thousands of satisfied clauses on its watch lists.
	 */
	default void addTemporaryClause(int guard, int... literals) {
		addClause(literals);
	}

	/** Retires a clause added by {@link #addTemporaryClause} with this guard (see there). */
	default void retire(int guard) {
		addClause(-guard);
	}

	/**
	 * Solves under the assumptions.
	 *
	 * @return {@link SatAnswer#UNKNOWN} when a budget ran out or the call was interrupted
	 */
	SatAnswer solve(int... assumptions);

	/**
	 * After a call under assumptions answered {@link SatAnswer#UNSAT}: assumptions (as given) that
	 * alone make the clauses unsatisfiable — a subset, not necessarily minimal; all of them when the
	 * solver cannot tell. IC3/PDR shrinks its cubes with it (Eén, Mishchenko, Brayton 2011, §5).
	 */
	int[] failedAssumptions();

	/** The value of a variable in the last model. */
	boolean value(int variable);

	int variables();

	int clauses();

	/** Conflicts spent so far, over all calls. */
	long conflicts();

	/** Stops a call after this many conflicts (per call); 0 means no limit. */
	void setConflictBudget(long conflicts);

	/** Stops a call that runs past this instant (System.nanoTime()); Long.MAX_VALUE means no limit. */
	void setDeadline(long nanoTime);

	/** Asks a running call to stop as soon as it can; safe from another thread. */
	void interrupt();

	@Override
	void close();
}
