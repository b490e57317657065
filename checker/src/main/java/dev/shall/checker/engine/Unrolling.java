package dev.shall.checker.engine;

import java.util.ArrayList;
import java.util.List;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.sat.SatBackend;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.checker.sat.SatSolver;

/**
 * A path of steps unrolled into one incremental solver: each new depth adds only the clauses
 * of its own step; questions about a depth are asked under assumptions, never re-translated.
 * Shared by the engines and the certification stage, which builds its own, fresh ones.
 *
 * @throws dev.shall.checker.encoding.EncodingStopped from the constructor and {@link #extend()}
 *         when the budget runs out while the encoding is built
 */
public final class Unrolling implements AutoCloseable {

	private final SatSolver solver;
	private final Circuit circuit;
	private final TransitionEncoding encoding;
	private final List<dev.shall.checker.encoding.SymbolicState> states = new ArrayList<>();
	private final List<TransitionEncoding.Inputs> inputs = new ArrayList<>();
	private final long started = System.nanoTime();

	/**
	 * On a solver of the backend selected for the engines ({@link SatBackend#forEngine()}).
	 *
	 * @param fromInitial whether the path starts in the initial state (BMC) or anywhere well formed (induction)
	 */
	public Unrolling(CheckRequest request, boolean fromInitial, Budget budget) {
		this(request, fromInitial, budget, SatBackend.forEngine());
	}

	/** On the solver given (fresh, owned by the unrolling from now on: closed with it). */
	public Unrolling(CheckRequest request, boolean fromInitial, Budget budget, SatSolver solver) {
		this.solver = solver;
		this.circuit = new Circuit(solver);
		// before the encoding is built: building it can outlast the budget (EncodingStopped)
		circuit.stopWhen(budget::exhausted);
		encoding = new TransitionEncoding(request.layout(), request.options(), request.instances(), request.obligation(),
				circuit);
		solver.setDeadline(budget.deadline());
		budget.onCancel(solver::interrupt);
		solver.setConflictBudget(budget.conflictsPerCall());
		if (fromInitial) {
			states.add(encoding.initialState());
		} else {
			var free = encoding.freeState();
			circuit.assertTrue(encoding.wellFormed(free));
			states.add(free);
		}
	}

	public int depth() {
		return states.size() - 1;
	}

	public TransitionEncoding encoding() {
		return encoding;
	}

	public Circuit circuit() {
		return circuit;
	}

	public dev.shall.checker.encoding.SymbolicState state(int depth) {
		return states.get(depth);
	}

	/** Adds one legal step at the end of the path. */
	public void extend() {
		TransitionEncoding.Step step = encoding.step(states.get(states.size() - 1));
		circuit.assertTrue(step.legal());
		states.add(step.next());
		inputs.add(step.inputs());
	}

	/** Whether the literal can be true; constants are answered without the solver. */
	public SatAnswer satisfiable(int literal) {
		if (literal == Circuit.FALSE) {
			return SatAnswer.UNSAT;
		}
		return solver.solve(circuit.dimacs(literal));
	}

	/** Whether the path so far can be extended as asserted (no assumption). */
	public SatAnswer satisfiable() {
		return solver.solve();
	}

	public SatAnswer solve(int... dimacsAssumptions) {
		return solver.solve(dimacsAssumptions);
	}

	public void assertTrue(int literal) {
		circuit.assertTrue(literal);
	}

	public TransitionEncoding.Inputs inputs(int k) {
		return inputs.get(k);
	}

	/** Fixes the inputs of step k (0-based) to the move. */
	public void fix(int k, Move move) {
		circuit.assertTrue(encoding.inputsAre(inputs.get(k), move));
	}

	/** The moves of the current model, first step first. */
	public List<Move> moves(int steps) {
		List<Move> moves = new ArrayList<>();
		for (int k = 0; k < steps; k++) {
			moves.add(encoding.move(inputs.get(k)));
		}
		return moves;
	}

	public void interrupt() {
		solver.interrupt();
	}

	public CheckResult.Statistics statistics() {
		return new CheckResult.Statistics(solver.variables(), solver.clauses(), solver.conflicts(),
				(System.nanoTime() - started) / 1e9);
	}

	@Override
	public void close() {
		solver.close();
	}
}
