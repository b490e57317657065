package dev.shall.checker.encoding;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.shall.checker.sat.SatSolver;

/**
 * A structurally hashed and-inverter graph. Literals are ints: {@link #FALSE}, {@link #TRUE},
 * and 2·node (+1 when negated). Gates are simplified and shared as they are built; clauses are
 * given to the solver only for gates that some asserted literal reaches (Tseitin, on demand), so
 * logic that no question depends on never reaches the solver.
 */
public final class Circuit {

	public static final int FALSE = 0;
	public static final int TRUE = 1;

	private int[] left = new int[1024];
	private int[] right = new int[1024];
	/** The solver variable of each node, 0 when it has none yet. */
	private int[] satVariable = new int[1024];
	private int nodes = 1; // node 0 is the constant
	private final Map<Long, Integer> gates = new HashMap<>();
	private final SatSolver solver;
	/** Why to stop building (null: go on); polled every {@link #POLL_INTERVAL} nodes and clauses. */
	private java.util.function.Supplier<String> stopWhen = () -> null;

	/** Nodes or Tseitin gates between two polls of {@link #stopWhen}: cheap, and well under a millisecond apart. */
	private static final int POLL_INTERVAL = 4096;

	public Circuit(SatSolver solver) {
		this.solver = solver;
	}

	/**
	 * Polls {@code why} while the circuit grows and while its gates are given to the solver; when
	 * it returns a reason, the builder throws {@link EncodingStopped} with it.
	 */
	public void stopWhen(java.util.function.Supplier<String> why) {
		this.stopWhen = why;
	}

	private void poll() {
		String why = stopWhen.get();
		if (why != null) {
			throw new EncodingStopped(why);
		}
	}

	public SatSolver solver() {
		return solver;
	}

	/** A fresh free input. */
	public int input() {
		int node = newNode(-1, -1);
		satVariable[node] = solver.newVariable();
		return node << 1;
	}

	public static int not(int literal) {
		return literal ^ 1;
	}

	public int and(int a, int b) {
		if (a == FALSE || b == FALSE || a == not(b)) {
			return FALSE;
		}
		if (a == TRUE || a == b) {
			return b;
		}
		if (b == TRUE) {
			return a;
		}
		if (a > b) {
			int t = a;
			a = b;
			b = t;
		}
		long key = (long) a << 32 | b & 0xffffffffL;
		Integer known = gates.get(key);
		if (known != null) {
			return known << 1;
		}
		int node = newNode(a, b);
		gates.put(key, node);
		return node << 1;
	}

	public int or(int a, int b) {
		return not(and(not(a), not(b)));
	}

	public int implies(int a, int b) {
		return or(not(a), b);
	}

	public int iff(int a, int b) {
		return or(and(a, b), and(not(a), not(b)));
	}

	public int ite(int condition, int then, int otherwise) {
		if (then == otherwise) {
			return then;
		}
		return or(and(condition, then), and(not(condition), otherwise));
	}

	public int and(int... literals) {
		int result = TRUE;
		for (int literal : literals) {
			result = and(result, literal);
		}
		return result;
	}

	public int or(int... literals) {
		int result = FALSE;
		for (int literal : literals) {
			result = or(result, literal);
		}
		return result;
	}

	/**
	 * The most nodes a circuit holds: a literal is 2·node (+1), an int, so node 2^30 would wrap to
	 * a negative literal; the arrays doubling past 2^30 would overflow their size too. (Memory runs
	 * out well before on ordinary heaps; this makes the limit an explicit failure, not a wrong literal.)
	 */
	static final int MAX_NODES = 1 << 30;

	private int newNode(int a, int b) {
		if (nodes % POLL_INTERVAL == 0) {
			poll();
		}
		if (nodes == left.length) {
			if (nodes >= MAX_NODES) {
				throw new IllegalStateException("the encoding outgrew " + MAX_NODES + " circuit nodes");
			}
			int grown = (int) Math.min(MAX_NODES, 2L * nodes);
			left = Arrays.copyOf(left, grown);
			right = Arrays.copyOf(right, grown);
			satVariable = Arrays.copyOf(satVariable, grown);
		}
		left[nodes] = a;
		right[nodes] = b;
		return nodes++;
	}

	/** The DIMACS literal of a circuit literal, adding the Tseitin clauses of its cone first. */
	public int dimacs(int literal) {
		if (literal == TRUE || literal == FALSE) {
			return constantLiteral(literal == TRUE);
		}
		encode(literal >> 1);
		int variable = satVariable[literal >> 1];
		return (literal & 1) == 0 ? variable : -variable;
	}

	private int trueVariable;

	private int constantLiteral(boolean value) {
		if (trueVariable == 0) {
			trueVariable = solver.newVariable();
			solver.addClause(trueVariable);
		}
		return value ? trueVariable : -trueVariable;
	}

	/** Asserts the literal as a clause of its own. */
	public void assertTrue(int literal) {
		if (literal == TRUE) {
			return;
		}
		solver.addClause(dimacs(literal));
	}

	private int encodedSincePoll;

	/** Iterative so that deep unrollings do not exhaust the stack. */
	private void encode(int root) {
		if (satVariable[root] != 0) {
			return;
		}
		ArrayDeque<Integer> stack = new ArrayDeque<>();
		stack.push(root);
		while (!stack.isEmpty()) {
			int node = stack.peek();
			if (satVariable[node] != 0) {
				stack.pop();
				continue;
			}
			int a = left[node] >> 1;
			int b = right[node] >> 1;
			boolean ready = true;
			if (satVariable[a] == 0) {
				stack.push(a);
				ready = false;
			}
			if (satVariable[b] == 0) {
				stack.push(b);
				ready = false;
			}
			if (!ready) {
				continue;
			}
			stack.pop();
			if (++encodedSincePoll == POLL_INTERVAL) {
				encodedSincePoll = 0;
				poll();
			}
			int g = solver.newVariable();
			satVariable[node] = g;
			int la = signed(left[node]);
			int lb = signed(right[node]);
			solver.addClause(-g, la);
			solver.addClause(-g, lb);
			solver.addClause(g, -la, -lb);
		}
	}

	private int signed(int literal) {
		int variable = satVariable[literal >> 1];
		return (literal & 1) == 0 ? variable : -variable;
	}

	/** The value of the literal in the solver's last model (inputs and encoded gates only). */
	public boolean valueOf(int literal) {
		if (literal == TRUE || literal == FALSE) {
			return literal == TRUE;
		}
		int variable = satVariable[literal >> 1];
		if (variable == 0) {
			throw new IllegalStateException("literal " + literal + " was never given to the solver");
		}
		return solver.value(variable) ^ (literal & 1) == 1;
	}

	/** The nodes so far (node 0 is the constant); literals of later nodes do not exist yet. */
	int nodeCount() {
		return nodes;
	}

	/** Whether the node is a free input (else an and-gate, or node 0, the constant). */
	boolean isInput(int node) {
		return node > 0 && left[node] == -1;
	}

	/** The and-gate's operands (literals). */
	int left(int node) {
		return left[node];
	}

	int right(int node) {
		return right[node];
	}

	public int gateCount() {
		return gates.size();
	}
}
