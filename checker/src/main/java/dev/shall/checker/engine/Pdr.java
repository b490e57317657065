package dev.shall.checker.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.SymbolicState;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.checker.sat.SatSolver;

/**
 * IC3/PDR for safety obligations (properties, bounds, dead steps, unhandled messages): A. R.
 * Bradley, "SAT-based model checking without unrolling" (VMCAI 2011), as implemented by N. Eén,
 * A. Mishchenko and R. Brayton, "Efficient implementation of property directed reachability"
 * (FMCAD 2011). It never unrolls the transition relation: one copy of it, from a free current
 * state to the next, in one incremental SAT4J solver.
 *
 * <ul>
 * <li><b>Frames.</b> F0 is the initial state (one state: §2.3), F1 … Fk clause sets over the
 * current state's raw bits ({@link TransitionEncoding#rawBits}), each a superset of the states
 * reachable within i steps. As in Eén et al. §3, a clause is stored once, at the highest frame it
 * is known for ("delta encoding"), guarded by that frame's activation literal; asking about Fi
 * assumes the activation literals of frames i … k.
 * <li><b>Well-formedness.</b> The current state is free, so the encoding's well-formedness
 * constraint ({@link TransitionEncoding#wellFormed}: values in their domains, queues filled from
 * the head) is asserted on it as in k-induction's step case; every reachable state has that shape.
 * <li><b>Blocking.</b> A bad state in Fk becomes a proof obligation; a state is blocked at frame i
 * when Fi-1 ∧ ¬s ∧ T ∧ s' is unsatisfiable (relative induction), else its predecessor becomes an
 * obligation at i-1. Obligations are whole states (no lifting), so that a chain of them that reaches
 * the initial state is a concrete run, its moves read from the solver's models (as BMC reads its).
 * <li><b>Generalisation.</b> A blocked state is first shrunk to the literals of the solver's final
 * conflict (Eén et al. §5, the unsat core over the assumed next-state cube), then literals are
 * dropped one by one while the cube stays inductive relative to Fi-1 and excludes the initial state
 * (the "down"-less single pass of Bradley's MIC), and the clause is pushed to the highest frame it
 * is inductive relative to.
 * <li><b>Propagation.</b> After frame k is free of bad states, every clause of Fi is moved to Fi+1
 * when Fi ∧ T implies it; when a frame is left with no clause of its own, Fi = Fi+1 is an inductive
 * invariant that excludes every bad state: the property holds.
 * </ul>
 *
 * <p>The claims are the others' kinds of evidence: a run ({@link Claim.Run}), replayed by the
 * reference interpreter, or the invariant ({@link Claim.Invariant}), which the certification stage
 * checks with fresh solvers on an encoding of its own (initial state, consecution with
 * well-formedness, exclusion of bad states). Frames are not bounded by {@code --depth}: a proof
 * holds for every depth, and a run is a run however long; only time, memory and cancellation stop
 * the search, and then the answer is {@code unknown} with the frame reached: no violation within
 * that many steps.
 */
public final class Pdr implements Engine {

	/**
	 * Literals whose dropping failed before a cube's generalisation stops; no limit by default.
	 * With whole-state obligations, trying every literal took two thirds of the SAT calls on
	 * x2-handover-key-chaining and a limit of four paid; with lifted obligations the cubes are
	 * short, and the full pass found invariants half the size, 3x faster on x2's hardest question.
	 */
	private static final int MAX_FAILED_DROPS = Integer.getInteger("shall.pdr.drops", Integer.MAX_VALUE);

	/** {@code -Dshall.debug.pdr=true}: statistics on stderr every 2,000 SAT calls (for profiling). */
	private static final boolean DEBUG = Boolean.getBoolean("shall.debug.pdr");
	/** {@code -Dshall.pdr.lift=false}: obligations are whole states (for measuring lifting's effect). */
	private static final boolean LIFT = !"false".equals(System.getProperty("shall.pdr.lift"));
	/** {@code -Dshall.pdr.sat4j=NAME}: one of SAT4J's named configurations instead of its default (for measurements). */
	private static final String CONFIGURATION = System.getProperty("shall.pdr.sat4j");

	@Override
	public String name() {
		return "ic3";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		Search search = null;
		try {
			search = new Search(request, budget, progress);
			return search.run();
		} catch (EncodingStopped stopped) {
			return CheckResult.stoppedWhileEncoding(request.obligation(), name(), search == null ? -1 : search.bound,
					stopped);
		} catch (Stopped stopped) {
			return CheckResult.unknown(request.obligation(), name(), search.bound, stopped.why, search.statistics());
		} finally {
			if (search != null) {
				search.solver.close();
			}
		}
	}

	/** The budget ran out during a SAT call or between two. */
	private static final class Stopped extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final String why;

		Stopped(String why) {
			super(why, null, false, false);
			this.why = why;
		}
	}

	/**
	 * A proof obligation: a whole state (a cube with a literal for every bit), the frame it must be
	 * blocked at, and the obligation its successor is (null for a bad state) with the move leading there.
	 */
	private record Obligation(int[] state, int level, Obligation next, Move move, long order) {
	}

	/** The answer of a relative-induction query: a predecessor with its move, or a smaller blocked cube. */
	private record Relative(int[] predecessor, Move move, int[] cube) {
	}

	private final class Search {
		final CheckRequest request;
		final Budget budget;
		final ProgressListener progress;
		final SatSolver solver = CONFIGURATION == null ? dev.shall.checker.sat.SatBackend.forEngine()
				: new Sat4jSolver(CONFIGURATION);
		final Circuit circuit = new Circuit(solver);
		final TransitionEncoding encoding;
		final long started = System.nanoTime();
		/** Number of state bits. */
		final int n;
		/** DIMACS variable of each current-state bit. */
		final int[] current;
		/** DIMACS literal of each next-state bit (a constant's literal for bits the step leaves constant). */
		final int[] next;
		/** Next-state DIMACS literal → the bits it stands for (constants stand for several). */
		final Map<Integer, List<Integer>> nextBits = new HashMap<>();
		/** The initial state's bits. */
		final boolean[] initial;
		final int legal;
		final int bad;
		final TransitionEncoding.Inputs inputs;
		/** DIMACS literal of each input bit of the step (the move, slot, choices and entry), for lifting. */
		final int[] inputLiterals;
		/** DIMACS literal saying the step's move is enabled, apart from the next state's bits. */
		final int enabled;
		/** DIMACS literal of each next-state bit as a function of the current state and the inputs. */
		final int[] computed;
		/** levels.get(i): the cubes blocked at frame i exactly (delta encoding); index 0 unused. */
		final List<List<int[]>> levels = new ArrayList<>();
		/** The activation variable of each frame's clauses (index 0 unused). */
		final List<Integer> activation = new ArrayList<>();
		/** The frame up to which no violation exists (as the others' bound). */
		int bound = -1;
		long order;
		long calls;
		long solveNanos;
		/** Calls per purpose, for -Dshall.debug.pdr. */
		final long[] purposeCalls = new long[6];
		final long[] purposeNanos = new long[6];
		/** Lifted obligations, and those kept whole because the lifting query was satisfiable. */
		final long[] lifting = new long[2];
		int purpose;

		Search(CheckRequest request, Budget budget, ProgressListener progress) {
			this.request = request;
			this.budget = budget;
			this.progress = progress;
			circuit.stopWhen(budget::exhausted);
			encoding = new TransitionEncoding(request.layout(), request.options(), request.instances(), request
					.obligation(), circuit);
			solver.setDeadline(budget.deadline());
			budget.onCancel(solver::interrupt);
			solver.setConflictBudget(budget.conflictsPerCall());
			SymbolicState state = encoding.freeState();
			circuit.assertTrue(encoding.wellFormed(state));
			TransitionEncoding.Step step = encoding.step(state);
			int[] currentBits = InvariantClauses.flatten(encoding.rawBits(state));
			int[] nextCircuitBits = InvariantClauses.flatten(encoding.rawBits(step.next()));
			int[] initialBits = InvariantClauses.flatten(encoding.bits(encoding.initialState()));
			n = currentBits.length;
			if (nextCircuitBits.length != n || initialBits.length != n) {
				throw new IllegalStateException("the current, next and initial states have different bits");
			}
			current = new int[n];
			next = new int[n];
			initial = new boolean[n];
			for (int j = 0; j < n; j++) {
				current[j] = circuit.dimacs(currentBits[j]);
				next[j] = circuit.dimacs(nextCircuitBits[j]);
				nextBits.computeIfAbsent(next[j], x -> new ArrayList<>()).add(j);
				if (initialBits[j] != Circuit.TRUE && initialBits[j] != Circuit.FALSE) {
					throw new IllegalStateException("the initial state is not constant");
				}
				initial[j] = initialBits[j] == Circuit.TRUE;
			}
			legal = circuit.dimacs(step.legal());
			inputs = step.inputs();
			bad = circuit.dimacs(encoding.bad(state));
			enabled = circuit.dimacs(step.enabled());
			int[] computedBits = InvariantClauses.flatten(step.computed());
			if (computedBits.length != n) {
				throw new IllegalStateException("the computed and the next state have different bits");
			}
			computed = new int[n];
			for (int j = 0; j < n; j++) {
				computed[j] = circuit.dimacs(computedBits[j]);
			}
			List<Integer> in = new ArrayList<>();
			for (int[] bits : List.of(inputs.move(), inputs.slot(), inputs.entry())) {
				for (int bit : bits) {
					in.add(circuit.dimacs(bit));
				}
			}
			for (int[] bits : inputs.choices()) {
				for (int bit : bits) {
					in.add(circuit.dimacs(bit));
				}
			}
			inputLiterals = in.stream().mapToInt(Integer::intValue).toArray();
			levels.add(null);
			activation.add(0);
		}

		CheckResult run() {
			// a bad initial state: the empty run
			if (solve(concat(frame(0), bad)).isSat()) {
				return violated(new Obligation(cubeOfInitial(), 0, null, null, order++));
			}
			bound = 0;
			progress.depthDone(name(), 0);
			newFrame();
			for (int k = 1;; k++) {
				while (true) {
					checkBudget();
					purpose = 0;
					SatAnswer answer = solve(concat(frame(k), bad));
					if (answer.isUnsat()) {
						break;
					}
					Obligation start = block(new Obligation(LIFT ? liftBad(model()) : model(), k, null, null, order++), k);
					if (start != null) {
						return violated(start);
					}
				}
				bound = k;
				progress.depthDone(name(), k);
				progress.depthStatistics(name(), k, statistics());
				newFrame();
				InvariantClauses invariant = propagate(k + 1);
				if (invariant != null) {
					return CheckResult.of(request.obligation(), Verdict.HOLDS, name(), k, new Claim.Invariant(invariant),
							"an inductive invariant of " + invariant.size() + " clauses (IC3/PDR, " + (k + 1) + " frames)",
							statistics());
				}
			}
		}

		private CheckResult violated(Obligation start) {
			List<Move> moves = new ArrayList<>();
			for (Obligation at = start; at.next() != null; at = at.next()) {
				moves.add(at.move());
			}
			return CheckResult.of(request.obligation(), Verdict.VIOLATED, name(), moves.size(), new Claim.Run(moves,
					Claim.Semantics.ENCODING), null, statistics());
		}

		/**
		 * Blocks the bad state's obligation and every predecessor it leads to, lowest frame first.
		 *
		 * @return the obligation of the initial state when the chain reaches it (a counterexample), else null
		 */
		private Obligation block(Obligation bad, int k) {
			PriorityQueue<Obligation> queue = new PriorityQueue<>((a, b) -> a.level() != b.level() ? Integer.compare(a
					.level(), b.level()) : Long.compare(b.order(), a.order()));
			queue.add(bad);
			while (!queue.isEmpty()) {
				checkBudget();
				Obligation obligation = queue.peek();
				if (blocked(obligation.state(), obligation.level())) {
					queue.poll();
					continue;
				}
				purpose = 1;
				Relative relative = relative(obligation.state(), obligation.level(), true);
				if (relative.predecessor() != null) {
					Obligation predecessor = new Obligation(relative.predecessor(), obligation.level() - 1, obligation,
							relative.move(), order++);
					if (predecessor.level() == 0 || meetsInitial(predecessor.state())) {
						// relative to F0 the predecessor is the initial state; a lifted cube may hold it earlier
						return predecessor;
					}
					queue.add(predecessor);
					continue;
				}
				queue.poll();
				int[] cube = generalize(relative.cube(), obligation.level());
				int level = push(cube, obligation.level(), k);
				addBlocked(cube, level);
				if (level < k) {
					// Eén et al. §4: the state may still reach the bad one along a longer run
					queue.add(new Obligation(obligation.state(), level + 1, obligation.next(), obligation.move(),
							obligation.order()));
				}
			}
			return null;
		}

		/** Whether a clause of Fi (frames i and up) already excludes the whole state. */
		private boolean blocked(int[] state, int level) {
			Set<Integer> literals = new HashSet<>();
			for (int literal : state) {
				literals.add(literal);
			}
			for (int i = level; i < levels.size(); i++) {
				for (int[] cube : levels.get(i)) {
					if (subset(cube, literals)) {
						return true;
					}
				}
			}
			return false;
		}

		/**
		 * Relative induction (Bradley §3): is Fi-1 ∧ ¬cube ∧ T ∧ cube' satisfiable? Then the
		 * predecessor (whole) and the move; else the cube shrunk to the assumptions of the final
		 * conflict, still excluding the initial state.
		 */
		private Relative relative(int[] cube, int level, boolean wantPredecessor) {
			List<Integer> assumptions = new ArrayList<>();
			for (int a : frame(level - 1)) {
				assumptions.add(a);
			}
			assumptions.add(legal);
			for (int literal : cube) {
				assumptions.add(nextLiteral(literal));
			}
			int temporary = 0;
			if (level - 1 > 0) {
				// ¬cube on the current state, for this query only (F0 is the initial state, which the cube excludes)
				temporary = solver.newVariable();
				int[] clause = new int[cube.length + 1];
				clause[0] = -temporary;
				for (int c = 0; c < cube.length; c++) {
					clause[c + 1] = -currentLiteral(cube[c]);
				}
				solver.addTemporaryClause(temporary, clause);
				assumptions.add(temporary);
			}
			SatAnswer answer = solve(assumptions.stream().mapToInt(Integer::intValue).toArray());
			try {
				if (answer.isSat()) {
					if (!wantPredecessor) {
						return new Relative(null, null, null);
					}
					int[] predecessor = model();
					Move move = encoding.move(inputs);
					if (LIFT && level - 1 > 0) {
						int[] chosen = inputValues();
						solver.retire(temporary); // before the lifting query's clause
						temporary = 0;
						predecessor = lift(predecessor, chosen, cube);
					}
					return new Relative(predecessor, move, null);
				}
				return new Relative(null, null, excludingInitial(inCore(cube), cube));
			} finally {
				if (temporary != 0) {
					solver.retire(temporary);
				}
			}
		}

		/** The inputs of the solver's model (the move, slot, choices, entry), as literals true in it. */
		private int[] inputValues() {
			int[] values = new int[inputLiterals.length];
			for (int i = 0; i < values.length; i++) {
				int literal = inputLiterals[i];
				boolean variableTrue = solver.value(Math.abs(literal));
				values[i] = variableTrue ? Math.abs(literal) : -Math.abs(literal);
			}
			return values;
		}

		/**
		 * Lifting (Eén, Mishchenko, Brayton §4 lift by ternary simulation; here by SAT, as Bradley's
		 * IC3ref does): the part of the whole predecessor that, with the same inputs, still enables the
		 * move and leads into the successor cube, i.e. the current-state literals of the core of
		 * s ∧ i ∧ (¬enabled ∨ ¬cube(computed)). Every state of the result takes the same move into the
		 * cube, so a chain of lifted obligations from a cube holding the initial state is a run with the
		 * recorded moves. Should the query be satisfiable (a move not determined by its inputs), the
		 * whole state is kept.
		 */
		private int[] lift(int[] predecessor, int[] chosenInputs, int[] successor) {
			purpose = 5;
			int query = solver.newVariable();
			int[] clause = new int[successor.length + 2];
			clause[0] = -query;
			clause[1] = -enabled;
			for (int c = 0; c < successor.length; c++) {
				clause[c + 2] = -computedLiteral(successor[c]);
			}
			solver.addTemporaryClause(query, clause);
			int[] assumptions = new int[1 + chosenInputs.length + predecessor.length];
			assumptions[0] = query;
			System.arraycopy(chosenInputs, 0, assumptions, 1, chosenInputs.length);
			for (int j = 0; j < predecessor.length; j++) {
				assumptions[1 + chosenInputs.length + j] = currentLiteral(predecessor[j]);
			}
			try {
				if (!solve(assumptions).isUnsat()) {
					lifting[1]++;
					return predecessor;
				}
				int[] kept = inCurrentCore(predecessor);
				lifting[0]++;
				return kept;
			} finally {
				solver.retire(query);
			}
		}

		/** The bad state's part that is bad in every state it holds: the core of s ∧ ¬bad. */
		private int[] liftBad(int[] state) {
			purpose = 5;
			int[] assumptions = new int[state.length + 1];
			assumptions[0] = -bad;
			for (int j = 0; j < state.length; j++) {
				assumptions[1 + j] = currentLiteral(state[j]);
			}
			if (!solve(assumptions).isUnsat()) {
				lifting[1]++;
				return state;
			}
			lifting[0]++;
			return inCurrentCore(state);
		}

		/**
		 * A cube that meets the initial state would block it; Eén et al. §5: put back a literal of
		 * the original cube (which excludes the initial state) that the initial state falsifies.
		 */
		private int[] excludingInitial(int[] cube, int[] original) {
			if (!meetsInitial(cube)) {
				return cube;
			}
			for (int literal : original) {
				if (!agreesWithInitial(literal)) {
					int[] extended = Arrays.copyOf(cube, cube.length + 1);
					extended[cube.length] = literal;
					Arrays.sort(extended);
					return extended;
				}
			}
			throw new IllegalStateException("a blocked cube that contains the initial state");
		}

		/** Drops literals one at a time while the cube stays inductive relative to Fi-1 (Bradley's MIC, one pass). */
		private int[] generalize(int[] cube, int level) {
			int[] result = cube;
			int failures = 0;
			for (int literal : cube) {
				if (result.length <= 1 || failures >= MAX_FAILED_DROPS) {
					break;
				}
				int at = Arrays.binarySearch(result, literal);
				if (at < 0) {
					continue; // already dropped by an earlier core
				}
				int[] smaller = new int[result.length - 1];
				System.arraycopy(result, 0, smaller, 0, at);
				System.arraycopy(result, at + 1, smaller, at, result.length - at - 1);
				if (meetsInitial(smaller)) {
					continue;
				}
				checkBudget();
				purpose = 2;
				Relative relative = relative(smaller, level, false);
				if (relative.cube() != null) {
					result = relative.cube();
				} else {
					failures++;
				}
			}
			return result;
		}

		/** The highest frame (at most k) at which the cube is inductive relative to the frame below. */
		private int push(int[] cube, int level, int k) {
			while (level < k) {
				checkBudget();
				purpose = 3;
				if (relative(cube, level + 1, false).cube() == null) {
					break;
				}
				level++;
			}
			return level;
		}

		/** Adds ¬cube to frame i (and so to every frame below it); drops the cubes it subsumes there. */
		private void addBlocked(int[] cube, int level) {
			Set<Integer> literals = new HashSet<>();
			for (int literal : cube) {
				literals.add(literal);
			}
			for (int i = 1; i <= level; i++) {
				levels.get(i).removeIf(other -> other.length >= cube.length && subsetOf(literals, other));
			}
			levels.get(level).add(cube);
			int[] clause = new int[cube.length + 1];
			clause[0] = -activation.get(level);
			for (int c = 0; c < cube.length; c++) {
				clause[c + 1] = -currentLiteral(cube[c]);
			}
			solver.addClause(clause);
		}

		/**
		 * Moves every clause of Fi to Fi+1 where Fi ∧ T implies it (Bradley §3, Eén et al. §4), for
		 * i below the top frame; a frame left with no clause of its own equals the next one.
		 *
		 * @return the inductive invariant then found, else null
		 */
		private InvariantClauses propagate(int top) {
			for (int i = 1; i < top; i++) {
				for (int[] cube : new ArrayList<>(levels.get(i))) {
					if (!levels.get(i).contains(cube)) {
						continue; // subsumed by a clause moved up before it
					}
					checkBudget();
					purpose = 4;
					Relative relative = relativeWithoutNegation(cube, i);
					if (relative != null) {
						levels.get(i).remove(cube);
						addBlocked(relative.cube(), i + 1);
					}
				}
				if (levels.get(i).isEmpty()) {
					List<int[]> clauses = new ArrayList<>();
					for (int j = i + 1; j < levels.size(); j++) {
						for (int[] cube : levels.get(j)) {
							int[] clause = new int[cube.length];
							for (int c = 0; c < cube.length; c++) {
								clause[c] = cube[c] ^ 1; // ¬cube: each literal negated
							}
							clauses.add(clause);
						}
					}
					return new InvariantClauses(n, clauses);
				}
			}
			return null;
		}

		/** Whether Fi ∧ T ∧ cube' is unsatisfiable (the clause ¬cube holds after a step from Fi); the core-shrunk cube then. */
		private Relative relativeWithoutNegation(int[] cube, int level) {
			List<Integer> assumptions = new ArrayList<>();
			for (int a : frame(level)) {
				assumptions.add(a);
			}
			assumptions.add(legal);
			for (int literal : cube) {
				assumptions.add(nextLiteral(literal));
			}
			if (!solve(assumptions.stream().mapToInt(Integer::intValue).toArray()).isUnsat()) {
				return null;
			}
			return new Relative(null, null, excludingInitial(inCore(cube), cube));
		}

		/** The literals of the cube whose next-state copies the last unsatisfiable call's core used. */
		private int[] inCore(int[] cube) {
			return inCore(cube, this::nextLiteral);
		}

		/** The same for the current-state copies (lifting). */
		private int[] inCurrentCore(int[] cube) {
			return inCore(cube, this::currentLiteral);
		}

		private int[] inCore(int[] cube, java.util.function.IntUnaryOperator copy) {
			Set<Integer> core = new HashSet<>();
			for (int literal : solver.failedAssumptions()) {
				core.add(literal);
			}
			List<Integer> kept = new ArrayList<>();
			for (int literal : cube) {
				if (core.contains(copy.applyAsInt(literal))) {
					kept.add(literal);
				}
			}
			return kept.stream().mapToInt(Integer::intValue).toArray();
		}

		private void newFrame() {
			levels.add(new ArrayList<>());
			activation.add(solver.newVariable());
		}

		/** The assumptions that select Fi: the initial state for i = 0, else the activation literals of frames i and up. */
		private int[] frame(int i) {
			if (i == 0) {
				int[] assumptions = new int[n];
				for (int j = 0; j < n; j++) {
					assumptions[j] = initial[j] ? current[j] : -current[j];
				}
				return assumptions;
			}
			int[] assumptions = new int[activation.size() - i];
			for (int j = i; j < activation.size(); j++) {
				assumptions[j - i] = activation.get(j);
			}
			return assumptions;
		}

		private SatAnswer solve(int[] assumptions) {
			calls++;
			long t0 = System.nanoTime();
			SatAnswer answer = solver.solve(assumptions);
			solveNanos += System.nanoTime() - t0;
			purposeCalls[purpose]++;
			purposeNanos[purpose] += System.nanoTime() - t0;
			if (DEBUG && calls % 2000 == 0) {
				System.err.printf("ic3: %d calls, %.1f s solving, %d vars, frames %d, clauses %s; bad/block/generalize/push"
						+ "/propagate/lift calls %s ms %s; lifted %d, whole %d%n", calls, solveNanos / 1e9, solver.variables(),
						levels.size() - 1, levels.stream().skip(1).map(l -> Integer.toString(l.size())).toList(), Arrays
								.toString(purposeCalls), Arrays.toString(Arrays.stream(purposeNanos).map(x -> x / 1_000_000)
										.toArray()), lifting[0], lifting[1]);
			}
			if (answer.isUnknown()) {
				String why = budget.exhausted();
				if (why == null && budget.conflictsPerCall() == 0) {
					// no conflict budget: SAT4J's millisecond timer fired a moment before the deadline
					why = "time limit";
				}
				throw new Stopped(why != null ? why : budget.whyStopped());
			}
			return answer;
		}

		private void checkBudget() {
			String why = budget.exhausted();
			if (why != null) {
				throw new Stopped(why);
			}
		}

		/** The current state of the solver's model, as a whole cube. */
		private int[] model() {
			int[] cube = new int[n];
			for (int j = 0; j < n; j++) {
				cube[j] = 2 * j + (solver.value(current[j]) ? 0 : 1);
			}
			return cube;
		}

		private int[] cubeOfInitial() {
			int[] cube = new int[n];
			for (int j = 0; j < n; j++) {
				cube[j] = 2 * j + (initial[j] ? 0 : 1);
			}
			return cube;
		}

		private int currentLiteral(int literal) {
			int variable = current[literal >> 1];
			return (literal & 1) == 0 ? variable : -variable;
		}

		private int computedLiteral(int literal) {
			int variable = computed[literal >> 1];
			return (literal & 1) == 0 ? variable : -variable;
		}

		private int nextLiteral(int literal) {
			int variable = next[literal >> 1];
			return (literal & 1) == 0 ? variable : -variable;
		}

		private boolean agreesWithInitial(int literal) {
			return initial[literal >> 1] == ((literal & 1) == 0);
		}

		private boolean meetsInitial(int[] cube) {
			for (int literal : cube) {
				if (!agreesWithInitial(literal)) {
					return false;
				}
			}
			return true;
		}

		CheckResult.Statistics statistics() {
			return new CheckResult.Statistics(solver.variables(), solver.clauses(), solver.conflicts(), (System
					.nanoTime() - started) / 1e9);
		}
	}

	private static int[] concat(int[] assumptions, int literal) {
		int[] result = Arrays.copyOf(assumptions, assumptions.length + 1);
		result[assumptions.length] = literal;
		return result;
	}

	private static boolean subset(int[] cube, Set<Integer> literals) {
		for (int literal : cube) {
			if (!literals.contains(literal)) {
				return false;
			}
		}
		return true;
	}

	private static boolean subsetOf(Set<Integer> literals, int[] cube) {
		int found = 0;
		for (int literal : cube) {
			if (literals.contains(literal)) {
				found++;
			}
		}
		return found == literals.size();
	}
}
