package dev.shall.checker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.StateQueries;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Response;
import dev.shall.model.Strength;

/**
 * A brute-force oracle for response properties ({@code T leads to R}) on tiny models, written from
 * the definition and sharing nothing with the checker's liveness engines ({@code ResponseChecker},
 * {@code LassoBmc}) but the public interpreter ({@link Interpreter#successors}, of which only the
 * moves that are {@link Interpreter.Outcome#taken() taken} count) and the evaluation of the
 * property's expressions ({@link StateQueries}).
 *
 * <p><b>Definition</b> (the intended semantics: weak fairness over state-changing steps, steps
 * blocked by a declared bound disabled). Instance 0 is asked about (the instances are identical and
 * share nothing, so any instance can leave a trigger unanswered exactly when instance 0 can).
 * <ul>
 * <li>A <em>node</em> is a reachable state of the interpreter together with one bit of history: "a
 * trigger happened before this state and was not answered since". The node is <em>pending</em> when
 * (that bit is set or T holds in the state) and R does not hold in it; the bit of the next node is
 * whether the current node is pending.
 * <li>A move of a {@code shall} step of instance i is <em>state-changing</em> when it is taken and
 * the variables or the queues of instance i differ after it. A move that is not taken (the step
 * would store a value outside its range or overflow a lane: it is blocked) does not exist; a taken
 * move that changes nothing is a stutter.
 * <li>A <em>fair run leaves the trigger unanswered</em> — the property is violated — exactly when a
 * reachable pending node exists from which
 * <ol>
 * <li>the run can <b>stop</b>: in that node no {@code shall} step of any instance has a
 * state-changing move ({@code may} steps, events and channel faults need never happen); or
 * <li>a <b>fair cycle</b> of pending nodes exists: a cycle (at least one move) through pending
 * nodes only on which every {@code shall} step of every instance is either taken with a
 * state-changing move, or has no state-changing move in some node of the cycle (weak fairness of
 * {@code <<step>>_vars}: a step continuously able to change the state must eventually do so;
 * stuttering moves and blocked moves do not satisfy it, and do not keep it enabled).
 * </ol>
 * </ul>
 * The cycle is decided on strongly connected components of the pending nodes: for weak fairness a
 * component holds a fair cycle exactly when it has an internal move and satisfies the condition as a
 * whole (a cycle through all its nodes and moves is then fair), so no refinement is needed.
 *
 * <p>A violation comes with a witness: the moves of a lasso (or of a run that stops) and where its
 * cycle starts, replayable in the interpreter; its length tells a bounded search how deep to look.
 */
final class FairResponseOracle {

	/**
	 * @param violated  whether a fair run leaves the trigger unanswered; null when the state space is
	 *                  larger than the limit
	 * @param path      the witness run (empty when not violated)
	 * @param loopStart where the repeated cycle of the witness starts; -1 when the run stops
	 * @param nodes     how many nodes were explored
	 */
	record Result(Boolean violated, List<Move> path, int loopStart, int nodes) {
	}

	private record Node(ConcreteState state, boolean before) {
	}

	/** A taken move between two nodes. */
	private record Edge(Move move, int target, boolean changing) {
	}

	private final Layout layout;
	private final Interpreter interpreter;
	private final StateQueries queries;
	private final Response response;
	/** Fairness constraints: (instance, shall action) pairs, as instance * actions + action. */
	private final List<int[]> fair = new ArrayList<>();

	/** Today's rule that a blocked move keeps its step enabled (false in the definition). */
	private final boolean blockedEnables;
	/** Today's rule that a stutter keeps its step enabled and satisfies fairness (false in the definition). */
	private final boolean stutterCounts;

	FairResponseOracle(Layout layout, OptionAssignment options, int instances, Obligation obligation) {
		this(layout, options, instances, obligation, false, false);
	}

	/**
	 * A variant of the definition, to tell which rule explains an engine's disagreement with it:
	 * {@code blockedEnables} lets a move blocked by a declared bound count as enabling its step (for
	 * stopping and for fairness); {@code stutterCounts} lets a taken move that changes nothing count
	 * as enabling its step and, on a cycle, as taking it.
	 */
	FairResponseOracle(Layout layout, OptionAssignment options, int instances, Obligation obligation,
			boolean blockedEnables, boolean stutterCounts) {
		this.blockedEnables = blockedEnables;
		this.stutterCounts = stutterCounts;
		this.layout = layout;
		// past time (semantics §6.5) is read from the interpreter's history bits, which
		// PastTimeTest checks against the clause's words on every run; the rest stays the definition's
		this.interpreter = dev.shall.checker.lowering.PastTime.occurrences(obligation.property()).isEmpty()
				? new Interpreter(layout, options, instances)
				: dev.shall.checker.explicit.ExplicitChecker.monitored(layout, options, instances, obligation);
		this.queries = new StateQueries(layout, options);
		this.response = (Response) obligation.property();
		for (int i = 0; i < instances; i++) {
			for (Action action : layout.actions()) {
				if (action.kind() == Action.Kind.TRANSITION && action.transition().getStrength() == Strength.SHALL) {
					fair.add(new int[] { i, action.index() });
				}
			}
		}
	}

	Result check(int maxNodes) {
		List<Node> nodes = new ArrayList<>();
		Map<Node, Integer> index = new HashMap<>();
		List<List<Edge>> edges = new ArrayList<>();
		List<BitSet> canChange = new ArrayList<>(); // per node: the fairness constraints with a state-changing move
		Map<Integer, Integer> parent = new HashMap<>();
		Map<Integer, Move> parentMove = new HashMap<>();
		Node initial = new Node(interpreter.initial(), false);
		nodes.add(initial);
		index.put(initial, 0);
		for (int s = 0; s < nodes.size(); s++) {
			Node node = nodes.get(s);
			boolean pending = pending(node);
			List<Edge> out = new ArrayList<>();
			BitSet changing = new BitSet();
			for (Interpreter.Outcome outcome : interpreter.successors(node.state())) {
				if (!outcome.taken()) {
					if (blockedEnables && constraintOf(outcome.move()) >= 0) {
						changing.set(constraintOf(outcome.move()));
					}
					continue; // blocked by a declared bound: no such move
				}
				Node next = new Node(outcome.next(), pending);
				Integer t = index.get(next);
				if (t == null) {
					if (nodes.size() >= maxNodes) {
						return new Result(null, List.of(), -1, nodes.size());
					}
					t = nodes.size();
					nodes.add(next);
					index.put(next, t);
					parent.put(t, s);
					parentMove.put(t, outcome.move());
				}
				boolean changes = changes(node.state(), outcome.next(), outcome.move().instance()) || stutterCounts;
				out.add(new Edge(outcome.move(), t, changes));
				int constraint = constraintOf(outcome.move());
				if (changes && constraint >= 0) {
					changing.set(constraint);
				}
			}
			edges.add(out);
			canChange.add(changing);
		}
		boolean[] pending = new boolean[nodes.size()];
		for (int s = 0; s < nodes.size(); s++) {
			pending[s] = pending(nodes.get(s));
		}
		List<Move> best = null;
		int bestLoop = -1;
		// 1. the run can stop (nodes are numbered breadth first: the first is a shortest witness)
		for (int s = 0; s < nodes.size(); s++) {
			if (pending[s] && canChange.get(s).isEmpty()) {
				best = prefix(s, parent, parentMove);
				break;
			}
		}
		// 2. a fair cycle of pending nodes
		for (List<Integer> component : components(nodes.size(), edges, pending)) {
			Set<Integer> members = new HashSet<>(component);
			if (!hasInternalEdge(component, members, edges) || !isFair(component, members, edges, canChange)) {
				continue;
			}
			int entry = Collections.min(component);
			List<Move> path = new ArrayList<>(prefix(entry, parent, parentMove));
			int loopStart = path.size();
			path.addAll(fairCycle(entry, component, members, edges, canChange));
			if (best == null || path.size() < best.size()) {
				best = path;
				bestLoop = loopStart;
			}
		}
		return best == null ? new Result(false, List.of(), -1, nodes.size())
				: new Result(true, best, bestLoop, nodes.size());
	}

	private boolean pending(Node node) {
		return (node.before() || holds(response.getTrigger(), node.state())) && !holds(response.getResponse(), node
				.state());
	}

	private boolean holds(dev.shall.model.Expression expression, ConcreteState state) {
		return queries.value(expression, state, 0) != 0;
	}

	/** Whether the move changed the variables or the queues of the instance that made it. */
	private static boolean changes(ConcreteState before, ConcreteState after, int instance) {
		return !Arrays.equals(before.variables()[instance], after.variables()[instance]) || !before.queues().get(
				instance).equals(after.queues().get(instance));
	}

	/** The index of the move's fairness constraint, or -1 when the move is not a shall step. */
	private int constraintOf(Move move) {
		for (int c = 0; c < fair.size(); c++) {
			if (fair.get(c)[0] == move.instance() && fair.get(c)[1] == move.action()) {
				return c;
			}
		}
		return -1;
	}

	private static boolean hasInternalEdge(List<Integer> component, Set<Integer> members, List<List<Edge>> edges) {
		for (int s : component) {
			for (Edge edge : edges.get(s)) {
				if (members.contains(edge.target())) {
					return true;
				}
			}
		}
		return false;
	}

	/** Every constraint is taken state-changing inside, or has no state-changing move in some member. */
	private boolean isFair(List<Integer> component, Set<Integer> members, List<List<Edge>> edges,
			List<BitSet> canChange) {
		for (int c = 0; c < fair.size(); c++) {
			if (takenInside(c, component, members, edges) == null && disabledAt(c, component, canChange) < 0) {
				return false;
			}
		}
		return true;
	}

	/** A state-changing internal move of the constraint, as {source, edge position}, or null. */
	private int[] takenInside(int c, List<Integer> component, Set<Integer> members, List<List<Edge>> edges) {
		for (int s : component) {
			List<Edge> out = edges.get(s);
			for (int e = 0; e < out.size(); e++) {
				Edge edge = out.get(e);
				if (edge.changing() && constraintOf(edge.move()) == c && members.contains(edge.target())) {
					return new int[] { s, e };
				}
			}
		}
		return null;
	}

	private static int disabledAt(int c, List<Integer> component, List<BitSet> canChange) {
		for (int s : component) {
			if (!canChange.get(s).get(c)) {
				return s;
			}
		}
		return -1;
	}

	/** A cycle from the entry through a witness of every constraint and back, inside the component. */
	private List<Move> fairCycle(int entry, List<Integer> component, Set<Integer> members, List<List<Edge>> edges,
			List<BitSet> canChange) {
		List<Move> cycle = new ArrayList<>();
		int at = entry;
		for (int c = 0; c < fair.size(); c++) {
			int disabled = disabledAt(c, component, canChange);
			if (disabled >= 0) {
				cycle.addAll(walk(at, disabled, members, edges));
				at = disabled;
			} else {
				int[] taken = takenInside(c, component, members, edges);
				Edge edge = edges.get(taken[0]).get(taken[1]);
				cycle.addAll(walk(at, taken[0], members, edges));
				cycle.add(edge.move());
				at = edge.target();
			}
		}
		if (at != entry || cycle.isEmpty()) {
			// back to the entry, by at least one move when the cycle is still empty
			for (Edge edge : cycle.isEmpty() ? edges.get(entry) : List.<Edge>of()) {
				if (members.contains(edge.target())) {
					cycle.add(edge.move());
					at = edge.target();
					break;
				}
			}
			cycle.addAll(walk(at, entry, members, edges));
		}
		return cycle;
	}

	/** A shortest path of moves inside the component (empty when from == to). */
	private static List<Move> walk(int from, int to, Set<Integer> members, List<List<Edge>> edges) {
		Map<Integer, Integer> parent = new HashMap<>();
		Map<Integer, Move> parentMove = new HashMap<>();
		ArrayDeque<Integer> frontier = new ArrayDeque<>();
		frontier.add(from);
		parent.put(from, -1);
		while (!frontier.isEmpty() && !parent.containsKey(to)) {
			int s = frontier.poll();
			for (Edge edge : edges.get(s)) {
				if (members.contains(edge.target()) && !parent.containsKey(edge.target())) {
					parent.put(edge.target(), s);
					parentMove.put(edge.target(), edge.move());
					frontier.add(edge.target());
				}
			}
		}
		List<Move> path = new ArrayList<>();
		for (int s = to; s != from; s = parent.get(s)) {
			path.add(parentMove.get(s));
		}
		Collections.reverse(path);
		return path;
	}

	private static List<Move> prefix(int node, Map<Integer, Integer> parent, Map<Integer, Move> parentMove) {
		List<Move> path = new ArrayList<>();
		for (Integer s = node; parent.containsKey(s); s = parent.get(s)) {
			path.add(parentMove.get(s));
		}
		Collections.reverse(path);
		return path;
	}

	/** Tarjan's strongly connected components of the subgraph of pending nodes (iterative). */
	private static List<List<Integer>> components(int size, List<List<Edge>> edges, boolean[] pending) {
		int[] order = new int[size];
		int[] low = new int[size];
		boolean[] onStack = new boolean[size];
		Arrays.fill(order, -1);
		ArrayDeque<Integer> stack = new ArrayDeque<>();
		List<List<Integer>> result = new ArrayList<>();
		int counter = 0;
		for (int root = 0; root < size; root++) {
			if (!pending[root] || order[root] >= 0) {
				continue;
			}
			ArrayDeque<int[]> work = new ArrayDeque<>();
			work.push(new int[] { root, 0 });
			order[root] = low[root] = counter++;
			stack.push(root);
			onStack[root] = true;
			while (!work.isEmpty()) {
				int[] frame = work.peek();
				int s = frame[0];
				List<Edge> out = edges.get(s);
				if (frame[1] < out.size()) {
					int t = out.get(frame[1]++).target();
					if (!pending[t]) {
						continue;
					}
					if (order[t] < 0) {
						order[t] = low[t] = counter++;
						stack.push(t);
						onStack[t] = true;
						work.push(new int[] { t, 0 });
					} else if (onStack[t]) {
						low[s] = Math.min(low[s], order[t]);
					}
				} else {
					work.pop();
					if (!work.isEmpty()) {
						low[work.peek()[0]] = Math.min(low[work.peek()[0]], low[s]);
					}
					if (low[s] == order[s]) {
						List<Integer> component = new ArrayList<>();
						int t;
						do {
							t = stack.pop();
							onStack[t] = false;
							component.add(t);
						} while (t != s);
						result.add(component);
					}
				}
			}
		}
		return result;
	}

	/**
	 * The oracle's own check of a witness: its moves replay in the interpreter, and either its last
	 * state lets no shall step change anything, or its cycle returns to the state where it began.
	 */
	boolean confirms(Result result) {
		List<ConcreteState> states = new ArrayList<>();
		ConcreteState state = interpreter.initial();
		states.add(state);
		for (Move move : result.path()) {
			Interpreter.Outcome outcome = interpreter.apply(state, move);
			if (outcome == null || !outcome.taken()) {
				return false;
			}
			state = outcome.next();
			states.add(state);
		}
		if (result.loopStart() < 0) {
			ConcreteState end = state;
			return interpreter.successors(end).stream().noneMatch(o -> o.taken() && constraintOf(o.move()) >= 0
					&& changes(end, o.next(), o.move().instance()));
		}
		return result.loopStart() < result.path().size() && states.get(result.loopStart()).equals(state);
	}
}
