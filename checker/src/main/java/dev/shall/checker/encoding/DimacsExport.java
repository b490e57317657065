package dev.shall.checker.encoding;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.shall.checker.sat.SatAnswer;
import dev.shall.checker.sat.SatSolver;

/**
 * BMC's question at depth K as DIMACS CNF: the initial state, K legal steps (each step's clauses
 * as {@code engine.Unrolling} gives them to the solver) and "some state of the path is bad". The
 * formula is satisfiable exactly when a violation lies within K steps, so any SAT solver (CaDiCaL,
 * Kissat, MiniSat) answers BMC's question; a model's values of the input variables listed in the
 * comments are the moves.
 */
public final class DimacsExport {

	private DimacsExport() {
	}

	/** What was written. */
	public record Summary(int variables, int clauses) {
	}

	/**
	 * @param encode builds the encoding on the circuit it is given (the caller's request)
	 */
	public static Summary write(java.util.function.Function<Circuit, TransitionEncoding> encode, int depth,
			PrintWriter out) {
		Recorder recorder = new Recorder();
		Circuit circuit = new Circuit(recorder);
		TransitionEncoding encoding = encode.apply(circuit);
		SymbolicState state = encoding.initialState();
		int anyBad = encoding.bad(state);
		List<TransitionEncoding.Inputs> inputs = new ArrayList<>();
		for (int k = 0; k < depth; k++) {
			TransitionEncoding.Step step = encoding.step(state);
			circuit.assertTrue(step.legal());
			inputs.add(step.inputs());
			state = step.next();
			anyBad = circuit.or(anyBad, encoding.bad(state));
		}
		circuit.assertTrue(anyBad); // false folds to a unit clause and its negation: unsatisfiable
		out.println("c shall: BMC of procedure " + encoding.layout().procedure().getName() + " to depth " + depth
				+ ": satisfiable exactly when a bad state is reached within " + depth + " steps");
		for (int k = 0; k < inputs.size(); k++) {
			out.println("c step " + (k + 1) + " move bits " + variables(circuit, inputs.get(k).move()) + " slot bits "
					+ variables(circuit, inputs.get(k).slot()));
		}
		out.println("p cnf " + recorder.variables + " " + recorder.recorded.size());
		for (int[] clause : recorder.recorded) {
			StringBuilder line = new StringBuilder();
			for (int literal : clause) {
				line.append(literal).append(' ');
			}
			out.println(line.append('0'));
		}
		out.flush();
		return new Summary(recorder.variables, recorder.recorded.size());
	}

	private static String variables(Circuit circuit, int[] bits) {
		List<String> names = new ArrayList<>();
		for (int bit : bits) {
			names.add(bit == Circuit.TRUE || bit == Circuit.FALSE ? (bit == Circuit.TRUE ? "T" : "F") : Integer
					.toString(circuit.dimacs(bit)));
		}
		return names.toString();
	}

	/** A solver that only keeps the clauses (the export never solves). */
	private static final class Recorder implements SatSolver {
		final List<int[]> recorded = new ArrayList<>();
		int variables;

		@Override
		public int newVariable() {
			return ++variables;
		}

		@Override
		public void addClause(int... literals) {
			recorded.add(literals.clone());
		}

		@Override
		public SatAnswer solve(int... assumptions) {
			throw new UnsupportedOperationException("an export does not solve");
		}

		@Override
		public int[] failedAssumptions() {
			return new int[0];
		}

		@Override
		public boolean value(int variable) {
			throw new UnsupportedOperationException("an export does not solve");
		}

		@Override
		public int variables() {
			return variables;
		}

		@Override
		public int clauses() {
			return recorded.size();
		}

		@Override
		public long conflicts() {
			return 0;
		}

		@Override
		public void setConflictBudget(long conflicts) {
		}

		@Override
		public void setDeadline(long nanoTime) {
		}

		@Override
		public void interrupt() {
		}

		@Override
		public void close() {
		}
	}
}
