package dev.shall.checker.explicit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Strength;

/**
 * Response properties (trigger leads to response) on the explicit state graph, under weak fairness
 * of {@code shall} steps over the moves that change the state (semantics §5.3, TLA+'s
 * {@code WF_vars(A)}): a violation is a reachable state with an unanswered trigger from which the
 * run either stops — no shall step of any instance has a taken move that changes the state, so
 * stuttering forever is fair — or stays forever in a set of states where the trigger stays
 * unanswered, along a cycle that is fair: every shall step of every instance is taken with a
 * state-changing move in it, or has no state-changing move enabled in one of its states. A move
 * blocked by a declared bound is not enabled (semantics §3.2). The set is found as a strongly
 * connected component of the "still unanswered" states (Emerson–Lei style: for weak fairness the
 * whole component is fair when any cycle in it is). Instance 0 is asked about, by symmetry.
 */
public final class ResponseChecker {

	/**
	 * @param loopStart the index in {@code path} where the repeated cycle starts, or -1 when the run
	 *                  ends in a state where nothing that shall happen can
	 */
	public record Result(Boolean violated, List<Move> path, int loopStart, int statesSeen, String reason) {
	}

	/** How a response counterexample of the given length ends, as reports say it. */
	public static String describe(int length, int loopStart) {
		return loopStart < 0 ? "after step " + length + " nothing that shall happen is possible, the trigger unanswered"
				: "steps " + (loopStart + 1) + " to " + length + " repeat forever with the trigger unanswered";
	}

	public Result check(Layout layout, OptionAssignment options, int instances, Obligation obligation, int maxStates,
			Supplier<String> stop) {
		// instance 0 is asked about; the interpreter's monitor keeps every instance's flag
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		Interpreter interpreter = new Interpreter(layout, options, instances, property);
		ConcreteState initial = interpreter.initial();
		List<ConcreteState> states = new ArrayList<>();
		Map<ConcreteState, Integer> index = new HashMap<>();
		List<List<Interpreter.Outcome>> edges = new ArrayList<>();
		List<java.util.BitSet> possible = new ArrayList<>(); // per state: instance * actions + action
		Map<Integer, Integer> parent = new HashMap<>();
		Map<Integer, Move> parentMove = new HashMap<>();
		ArrayDeque<Integer> frontier = new ArrayDeque<>();
		index.put(initial, 0);
		states.add(initial);
		frontier.add(0);
		int expanded = 0;
		while (!frontier.isEmpty()) {
			// polled per state expanded, not per state seen (see ExplicitChecker)
			if (++expanded % 256 == 0 && stop.get() != null) {
				return new Result(null, List.of(), -1, states.size(), stop.get());
			}
			int s = frontier.poll();
			List<Interpreter.Outcome> taken = new ArrayList<>();
			for (Interpreter.Outcome outcome : interpreter.successors(states.get(s))) {
				if (!outcome.taken()) {
					continue;
				}
				taken.add(outcome);
				if (!index.containsKey(outcome.next())) {
					if (states.size() >= maxStates) {
						return new Result(null, List.of(), -1, states.size(), "more than " + maxStates + " states");
					}
					index.put(outcome.next(), states.size());
					states.add(outcome.next());
					parent.put(states.size() - 1, s);
					parentMove.put(states.size() - 1, outcome.move());
					frontier.add(states.size() - 1);
				}
			}
			while (edges.size() <= s) {
				edges.add(null);
				possible.add(null);
			}
			edges.set(s, taken);
			possible.set(s, changingMoves(layout, states.get(s), taken));
		}
		boolean[] pending = new boolean[states.size()];
		for (int s = 0; s < states.size(); s++) {
			pending[s] = property.pending(states.get(s), 0);
		}
		// a run that stops with the trigger unanswered: nothing that shall happen is enabled
		for (int s = 0; s < states.size(); s++) {
			if (pending[s] && !anyShall(layout, instances, possible.get(s))) {
				return new Result(true, prefix(s, parent, parentMove), -1, states.size(), null);
			}
		}
		for (List<Integer> component : components(states.size(), edges, index, pending)) {
			Set<Integer> members = new HashSet<>(component);
			if (hasInternalEdge(component, members, edges, index) && fair(layout, instances, component, members, edges,
					possible, index, states)) {
				int entry = component.stream().min(Integer::compare).orElseThrow();
				List<Move> path = new ArrayList<>(prefix(entry, parent, parentMove));
				int loopStart = path.size();
				path.addAll(fairCycle(layout, instances, entry, members, edges, possible, index, states));
				return new Result(true, path, loopStart, states.size(), null);
			}
		}
		return new Result(false, List.of(), -1, states.size(), null);
	}

	/**
	 * The actions, per instance, with a taken move that changes the procedure state: what weak
	 * fairness asks about (semantics §5.3). Bit {@code instance * actions + action}.
	 */
	static java.util.BitSet changingMoves(Layout layout, ConcreteState state, List<Interpreter.Outcome> taken) {
		java.util.BitSet bits = new java.util.BitSet();
		for (Interpreter.Outcome outcome : taken) {
			Move move = outcome.move();
			if (!state.sameProcedureState(outcome.next(), move.instance())) {
				bits.set(move.instance() * layout.actions().size() + move.action());
			}
		}
		return bits;
	}

	static boolean isShall(Action action) {
		return action.kind() == Action.Kind.TRANSITION && action.transition().getStrength() == Strength.SHALL;
	}

	/** Whether some shall step of some instance has a state-changing move among the bits. */
	static boolean anyShall(Layout layout, int instances, java.util.BitSet changing) {
		for (int bit = changing.nextSetBit(0); bit >= 0; bit = changing.nextSetBit(bit + 1)) {
			if (isShall(layout.actions().get(bit % layout.actions().size()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasInternalEdge(List<Integer> component, Set<Integer> members,
			List<List<Interpreter.Outcome>> edges, Map<ConcreteState, Integer> index) {
		for (int s : component) {
			for (Interpreter.Outcome outcome : edges.get(s)) {
				if (members.contains(index.get(outcome.next()))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Every shall step of every instance is taken with a state-changing move inside the component,
	 * or has no state-changing move in one of its states (semantics §5.3).
	 */
	private static boolean fair(Layout layout, int instances, List<Integer> component, Set<Integer> members,
			List<List<Interpreter.Outcome>> edges, List<java.util.BitSet> possible, Map<ConcreteState, Integer> index,
			List<ConcreteState> states) {
		int actions = layout.actions().size();
		java.util.BitSet takenInside = new java.util.BitSet();
		java.util.BitSet enabledEverywhere = new java.util.BitSet();
		enabledEverywhere.set(0, instances * actions);
		for (int s : component) {
			enabledEverywhere.and(possible.get(s));
			for (Interpreter.Outcome outcome : edges.get(s)) {
				Move move = outcome.move();
				if (members.contains(index.get(outcome.next())) && !states.get(s).sameProcedureState(outcome.next(),
						move.instance())) {
					takenInside.set(move.instance() * actions + move.action());
				}
			}
		}
		enabledEverywhere.andNot(takenInside);
		// what is left: enabled in every state of the component and never taken in it
		return !anyShall(layout, instances, enabledEverywhere);
	}

	/** Tarjan's strongly connected components of the subgraph of pending states (iterative). */
	private static List<List<Integer>> components(int size, List<List<Interpreter.Outcome>> edges,
			Map<ConcreteState, Integer> index, boolean[] pending) {
		int[] order = new int[size];
		int[] low = new int[size];
		boolean[] onStack = new boolean[size];
		java.util.Arrays.fill(order, -1);
		ArrayDeque<Integer> stack = new ArrayDeque<>();
		List<List<Integer>> result = new ArrayList<>();
		int[] counter = { 0 };
		for (int root = 0; root < size; root++) {
			if (!pending[root] || order[root] >= 0) {
				continue;
			}
			ArrayDeque<int[]> work = new ArrayDeque<>(); // {state, next edge position}
			work.push(new int[] { root, 0 });
			order[root] = low[root] = counter[0]++;
			stack.push(root);
			onStack[root] = true;
			while (!work.isEmpty()) {
				int[] frame = work.peek();
				int s = frame[0];
				List<Interpreter.Outcome> out = edges.get(s);
				if (frame[1] < out.size()) {
					int t = index.get(out.get(frame[1]++).next());
					if (!pending[t]) {
						continue;
					}
					if (order[t] < 0) {
						order[t] = low[t] = counter[0]++;
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

	private static List<Move> prefix(int state, Map<Integer, Integer> parent, Map<Integer, Move> parentMove) {
		List<Move> path = new ArrayList<>();
		for (Integer s = state; parent.containsKey(s); s = parent.get(s)) {
			path.add(parentMove.get(s));
		}
		Collections.reverse(path);
		return path;
	}

	/**
	 * A cycle from the entry back to itself inside a fair component that is fair itself: for every
	 * shall step of every instance it passes a state where the step has no state-changing move, or
	 * takes it with a state-changing move (semantics §5.3). A shortest cycle alone may miss the
	 * state where a step is disabled, which the whole component has.
	 */
	private static List<Move> fairCycle(Layout layout, int instances, int entry, Set<Integer> members,
			List<List<Interpreter.Outcome>> edges, List<java.util.BitSet> possible, Map<ConcreteState, Integer> index,
			List<ConcreteState> states) {
		int actions = layout.actions().size();
		List<Move> cycle = new ArrayList<>();
		int at = entry;
		for (int instance = 0; instance < instances; instance++) {
			for (Action action : layout.actions()) {
				if (!isShall(action)) {
					continue;
				}
				int bit = instance * actions + action.index();
				int who = instance;
				// a state where the step is disabled, or a state-changing move of the step inside
				List<Move> toWitness = shortestPath(at, members, edges, index, s -> !possible.get(s).get(bit)
						|| edges.get(s).stream().anyMatch(o -> o.move().instance() == who && o.move().action() == action
								.index() && members.contains(index.get(o.next())) && !states.get(s).sameProcedureState(o
										.next(), who)));
				cycle.addAll(toWitness);
				at = endOf(at, toWitness, edges, index);
				if (possible.get(at).get(bit)) {
					for (Interpreter.Outcome o : edges.get(at)) {
						if (o.move().instance() == who && o.move().action() == action.index() && members.contains(index
								.get(o.next())) && !states.get(at).sameProcedureState(o.next(), who)) {
							cycle.add(o.move());
							at = index.get(o.next());
							break;
						}
					}
				}
			}
		}
		// back to the entry, with at least one move
		List<Move> back = cycle.isEmpty() && at == entry ? shortestCycle(entry, members, edges, index)
				: shortestPath(at, members, edges, index, s -> s == entry);
		cycle.addAll(back);
		return cycle;
	}

	private static int endOf(int from, List<Move> moves, List<List<Interpreter.Outcome>> edges,
			Map<ConcreteState, Integer> index) {
		int at = from;
		for (Move move : moves) {
			for (Interpreter.Outcome o : edges.get(at)) {
				if (o.move().equals(move)) {
					at = index.get(o.next());
					break;
				}
			}
		}
		return at;
	}

	/** A shortest path inside the component from a state to one that satisfies the goal (empty if it does). */
	private static List<Move> shortestPath(int from, Set<Integer> members, List<List<Interpreter.Outcome>> edges,
			Map<ConcreteState, Integer> index, java.util.function.IntPredicate goal) {
		if (goal.test(from)) {
			return List.of();
		}
		Map<Integer, Integer> parent = new HashMap<>();
		Map<Integer, Move> parentMove = new HashMap<>();
		ArrayDeque<Integer> frontier = new ArrayDeque<>();
		frontier.add(from);
		parent.put(from, -1);
		while (!frontier.isEmpty()) {
			int s = frontier.poll();
			for (Interpreter.Outcome outcome : edges.get(s)) {
				int t = index.get(outcome.next());
				if (!members.contains(t) || parent.containsKey(t)) {
					continue;
				}
				parent.put(t, s);
				parentMove.put(t, outcome.move());
				if (goal.test(t)) {
					List<Move> path = new ArrayList<>();
					for (int u = t; u != from; u = parent.get(u)) {
						path.add(parentMove.get(u));
					}
					Collections.reverse(path);
					return path;
				}
				frontier.add(t);
			}
		}
		throw new IllegalStateException("no path inside a strongly connected component");
	}

	/** A shortest cycle from the entry back to itself inside the component. */
	private static List<Move> shortestCycle(int entry, Set<Integer> members, List<List<Interpreter.Outcome>> edges,
			Map<ConcreteState, Integer> index) {
		Map<Integer, Integer> parent = new HashMap<>();
		Map<Integer, Move> parentMove = new HashMap<>();
		ArrayDeque<Integer> frontier = new ArrayDeque<>();
		frontier.add(entry);
		Set<Integer> seen = new HashSet<>();
		while (!frontier.isEmpty()) {
			int s = frontier.poll();
			for (Interpreter.Outcome outcome : edges.get(s)) {
				int t = index.get(outcome.next());
				if (t == entry) {
					List<Move> path = new ArrayList<>();
					path.add(outcome.move());
					for (Integer u = s; u != entry; u = parent.get(u)) {
						path.add(parentMove.get(u));
					}
					Collections.reverse(path);
					return path;
				}
				if (members.contains(t) && seen.add(t)) {
					parent.put(t, s);
					parentMove.put(t, outcome.move());
					frontier.add(t);
				}
			}
		}
		return List.of();
	}
}
