package dev.shall.checker.sat;

import java.util.Map;

import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/** {@link SatSolver} on SAT4J's default CDCL solver, used incrementally. */
public final class Sat4jSolver implements SatSolver {

	private final ISolver solver;
	private int variables;
	private int clauses;
	private boolean contradiction;
	private long deadline = Long.MAX_VALUE;
	private long conflictBudget;
	private volatile boolean interrupted;
	/** The assumptions of the last call, for {@link #failedAssumptions()}. */
	private int[] lastAssumptions;

	public Sat4jSolver() {
		this(SolverFactory.newDefault());
	}

	/** One of SAT4J's other configurations ({@code SolverFactory.instance().createSolverByName}). */
	public Sat4jSolver(String configuration) {
		this(SolverFactory.instance().createSolverByName(configuration));
	}

	private Sat4jSolver(ISolver solver) {
		this.solver = solver;
		// not "hot": SAT4J sizes its heuristics' tables when a call starts, and every depth adds
		// variables; learnt clauses are kept across calls either way
		solver.setDBSimplificationAllowed(false);
	}

	@Override
	public int newVariable() {
		// reserves the id and grows SAT4J's internal tables (newVar(n) does not, once solving started)
		variables++;
		return solver.nextFreeVarId(true);
	}

	@Override
	public void addClause(int... literals) {
		clauses++;
		if (contradiction) {
			return;
		}
		temporary = null; // no longer the constraint added last
		try {
			solver.addClause(new VecInt(literals));
		} catch (ContradictionException e) {
			// the clauses are unsatisfiable on their own; every later call answers false
			contradiction = true;
		}
	}

	/** The last temporary clause added and its guard (SAT4J detaches only the constraint added last). */
	private org.sat4j.specs.IConstr temporary;
	private int temporaryGuard;

	@Override
	public void addTemporaryClause(int guard, int... literals) {
		clauses++;
		temporary = null;
		if (contradiction) {
			return;
		}
		try {
			temporary = solver.addClause(new VecInt(literals));
			temporaryGuard = guard;
		} catch (ContradictionException e) {
			contradiction = true;
		}
	}

	@Override
	public void retire(int guard) {
		if (temporary != null && temporaryGuard == guard && !contradiction) {
			try {
				// SAT4J's removal that keeps the learnt clauses: sound here, since -guard subsumes the
				// clause and every clause learnt from it (the unit below); refused unless it was the
				// constraint added last (another clause after it: the catch below)
				solver.removeSubsumedConstr(temporary);
				clauses--;
			} catch (IllegalArgumentException notLast) {
				// another clause came after it: it stays, satisfied by the unit
			}
		}
		temporary = null;
		addClause(-guard);
	}

	@Override
	public SatAnswer solve(int... assumptions) {
		if (contradiction) {
			return SatAnswer.UNSAT;
		}
		if (interrupted) {
			return SatAnswer.UNKNOWN;
		}
		long remainingMs = deadline == Long.MAX_VALUE ? Long.MAX_VALUE
				: (deadline - System.nanoTime()) / 1_000_000;
		if (remainingMs <= 0) {
			return SatAnswer.UNKNOWN;
		}
		if (conflictBudget > 0) {
			solver.setTimeoutOnConflicts((int) Math.min(Integer.MAX_VALUE, conflictBudget));
		} else {
			solver.setTimeoutMs(Math.min(remainingMs, Integer.MAX_VALUE));
		}
		lastAssumptions = assumptions.clone();
		try {
			return SatAnswer.of(solver.isSatisfiable(new VecInt(assumptions)));
		} catch (TimeoutException e) {
			return SatAnswer.UNKNOWN;
		}
	}

	@Override
	public int[] failedAssumptions() {
		if (contradiction) {
			return new int[0]; // unsatisfiable without any assumption
		}
		if (lastAssumptions == null) {
			return new int[0];
		}
		org.sat4j.specs.IVecInt explanation = solver.unsatExplanation();
		if (explanation == null) {
			return lastAssumptions.clone();
		}
		// SAT4J names the assumptions of the final conflict; keep them as the caller gave them
		java.util.Set<Integer> given = new java.util.HashSet<>();
		for (int literal : lastAssumptions) {
			given.add(literal);
		}
		java.util.Set<Integer> failed = new java.util.LinkedHashSet<>();
		for (int k = 0; k < explanation.size(); k++) {
			int literal = explanation.get(k);
			if (given.contains(literal)) {
				failed.add(literal);
			} else if (given.contains(-literal)) {
				failed.add(-literal);
			}
		}
		return failed.stream().mapToInt(Integer::intValue).toArray();
	}

	@Override
	public boolean value(int variable) {
		return solver.model(variable);
	}

	@Override
	public int variables() {
		return variables;
	}

	@Override
	public int clauses() {
		return clauses;
	}

	@Override
	public long conflicts() {
		Map<String, Number> statistics = solver.getStat();
		Number conflicts = statistics.get("conflicts");
		return conflicts == null ? 0 : conflicts.longValue();
	}

	@Override
	public void setConflictBudget(long conflicts) {
		this.conflictBudget = conflicts;
	}

	@Override
	public void setDeadline(long nanoTime) {
		this.deadline = nanoTime;
	}

	@Override
	public void interrupt() {
		interrupted = true;
		solver.expireTimeout();
	}

	@Override
	public void close() {
		solver.reset();
	}
}
