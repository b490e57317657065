package dev.shall.checker.explicit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;

/**
 * The reference checker: breadth-first search of every reachable state, for small models. It
 * answers an obligation with the shortest path to a bad state, or with "none" once every state
 * was seen. It is the oracle the SAT engines are tested against.
 */
public final class ExplicitChecker {

	/**
	 * @param violated whether a bad state is reachable; null when the search stopped early
	 * @param path     the moves to the first bad state found, shortest first
	 */
	/**
	 * @param reachable every reachable state, when the search saw them all and none is bad (else empty)
	 */
	public record Result(Boolean violated, List<Move> path, int statesSeen, int depth, String reason,
			List<ConcreteState> reachable) {

		Result(Boolean violated, List<Move> path, int statesSeen, int depth, String reason) {
			this(violated, path, statesSeen, depth, reason, List.of());
		}
	}

	public Result check(Layout layout, OptionAssignment options, int instances, Obligation obligation, int maxStates) {
		return check(layout, options, instances, obligation, maxStates, () -> null);
	}

	/**
	 * As {@link #check(Layout, OptionAssignment, int, Obligation, int)}, asking {@code stop} now and
	 * then whether to give up (it returns the reason, or null to go on).
	 */
	public Result check(Layout layout, OptionAssignment options, int instances, Obligation obligation, int maxStates,
			java.util.function.Supplier<String> stop) {
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		if (!property.supported()) {
			return new Result(null, List.of(), 0, 0, "the explicit checker does not handle " + obligation.name());
		}
		Interpreter interpreter = new Interpreter(layout, options, instances, property);
		ConcreteState initial = interpreter.initial();
		Map<ConcreteState, ConcreteState> parents = new HashMap<>();
		Map<ConcreteState, Move> moves = new HashMap<>();
		Map<ConcreteState, Integer> depths = new HashMap<>();
		ArrayDeque<ConcreteState> frontier = new ArrayDeque<>();
		parents.put(initial, null);
		depths.put(initial, 0);
		frontier.add(initial);
		int deepest = 0;
		int expanded = 0;
		while (!frontier.isEmpty()) {
			// polled per state expanded: the number of states seen jumps by a state's successors and
			// can step over every multiple of the interval, so it would not poll reliably
			if (++expanded % 256 == 0 && stop.get() != null) {
				return new Result(null, List.of(), parents.size(), deepest, stop.get());
			}
			ConcreteState state = frontier.poll();
			List<Interpreter.Outcome> successors = interpreter.successors(state);
			int depth = depths.get(state);
			deepest = Math.max(deepest, depth);
			if (property.isBad(state, successors)) {
				return new Result(true, path(state, parents, moves), parents.size(), depth, null);
			}
			for (Interpreter.Outcome outcome : successors) {
				if (outcome.taken() && !parents.containsKey(outcome.next())) {
					if (parents.size() >= maxStates) {
						return new Result(null, List.of(), parents.size(), deepest,
								"more than " + maxStates + " states");
					}
					parents.put(outcome.next(), state);
					moves.put(outcome.next(), outcome.move());
					depths.put(outcome.next(), depth + 1);
					frontier.add(outcome.next());
				}
			}
		}
		return new Result(false, List.of(), parents.size(), deepest, null, List.copyOf(parents.keySet()));
	}

	private static List<Move> path(ConcreteState state, Map<ConcreteState, ConcreteState> parents,
			Map<ConcreteState, Move> moves) {
		List<Move> path = new ArrayList<>();
		for (ConcreteState s = state; parents.get(s) != null; s = parents.get(s)) {
			path.add(moves.get(s));
		}
		Collections.reverse(path);
		return path;
	}

	/**
	 * The states reachable by one instance, with the obligation's monitor, breadth first, at most
	 * {@code maxStates} of them.
	 * Whether the list is complete is its size being below the limit.
	 */
	public static List<ConcreteState> reachable(Layout layout, OptionAssignment options, Obligation obligation,
			int maxStates) {
		return reachable(layout, options, obligation, maxStates, 1);
	}

	/** At most {@code maxStates} states of {@code instances} sessions reachable, breadth first. */
	public static List<ConcreteState> reachable(Layout layout, OptionAssignment options, Obligation obligation,
			int maxStates, int instances) {
		return reachable(layout, options, obligation, maxStates, instances, () -> false);
	}

	/**
	 * As {@link #reachable(Layout, OptionAssignment, Obligation, int, int)}, ending early (with the
	 * states seen so far, all reachable) once {@code stop} says so: a sample for a caller with a budget.
	 */
	public static List<ConcreteState> reachable(Layout layout, OptionAssignment options, Obligation obligation,
			int maxStates, int instances, java.util.function.BooleanSupplier stop) {
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		Interpreter interpreter = new Interpreter(layout, options, instances, property.supported() ? property
				: Monitor.none(obligation));
		ConcreteState initial = interpreter.initial();
		java.util.LinkedHashSet<ConcreteState> seen = new java.util.LinkedHashSet<>();
		ArrayDeque<ConcreteState> frontier = new ArrayDeque<>();
		seen.add(initial);
		frontier.add(initial);
		while (!frontier.isEmpty() && seen.size() < maxStates && !stop.getAsBoolean()) {
			for (Interpreter.Outcome outcome : interpreter.successors(frontier.poll())) {
				if (outcome.taken() && seen.size() < maxStates && seen.add(outcome.next())) {
					frontier.add(outcome.next());
				}
			}
		}
		return new ArrayList<>(seen);
	}

	/**
	 * States of one instance visited by {@code runs} random runs of at most {@code length} steps
	 * from the initial state (a fixed seed: the same states every time), each move chosen uniformly
	 * among the enabled ones; a run ends early where none is. Reachable states, as {@link #reachable}'s
	 * are, but far from the initial state.
	 */
	public static List<ConcreteState> randomRuns(Layout layout, OptionAssignment options, Obligation obligation,
			int runs, int length, long seed) {
		return randomRuns(layout, options, obligation, runs, length, seed, () -> false);
	}

	/** As {@link #randomRuns(Layout, OptionAssignment, Obligation, int, int, long)}, ending early once {@code stop} says so. */
	public static List<ConcreteState> randomRuns(Layout layout, OptionAssignment options, Obligation obligation,
			int runs, int length, long seed, java.util.function.BooleanSupplier stop) {
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		Interpreter interpreter = new Interpreter(layout, options, 1, property.supported() ? property : Monitor.none(
				obligation));
		java.util.Random random = new java.util.Random(seed);
		java.util.LinkedHashSet<ConcreteState> seen = new java.util.LinkedHashSet<>();
		for (int r = 0; r < runs && !stop.getAsBoolean(); r++) {
			ConcreteState state = interpreter.initial();
			for (int step = 0; step < length && !stop.getAsBoolean(); step++) {
				List<ConcreteState> next = new ArrayList<>();
				for (Interpreter.Outcome outcome : interpreter.successors(state)) {
					if (outcome.taken()) {
						next.add(outcome.next());
					}
				}
				if (next.isEmpty()) {
					break;
				}
				state = next.get(random.nextInt(next.size()));
				seen.add(state);
			}
		}
		return new ArrayList<>(seen);
	}

	/** The interpreter whose states carry the obligation's monitor (semantics §6), for stages after the search. */
	public static Interpreter monitored(Layout layout, OptionAssignment options, int instances, Obligation obligation) {
		// a response's monitor too (its pending flag and past-time bits), as the response checker keeps it
		return new Interpreter(layout, options, instances, new ExplicitProperty(obligation, layout, options));
	}

	/** Replays moves from the initial state; the states visited, or null if a move is not enabled. */
	public static List<ConcreteState> replay(Interpreter interpreter, List<Move> moves) {
		List<ConcreteState> states = new ArrayList<>();
		ConcreteState state = interpreter.initial();
		states.add(state);
		for (Move move : moves) {
			Interpreter.Outcome outcome = interpreter.apply(state, move);
			if (outcome == null || !outcome.taken()) {
				return null;
			}
			state = outcome.next();
			states.add(state);
		}
		return states;
	}

	/**
	 * The certificate of a response counterexample (semantics §6.4): the moves replay in the
	 * interpreter; the trigger of instance 0 is unanswered from the state where it stops or its
	 * cycle starts; and either the run stops where no shall step has a state-changing move
	 * ({@code loopStart < 0}), or its cycle, from {@code loopStart} on, returns to the state where
	 * it started, keeps the trigger unanswered in every state, and is fair: every shall step of
	 * every instance is taken with a state-changing move on it or has none in one of its states.
	 */
	public static boolean confirmsLasso(Layout layout, OptionAssignment options, int instances,
			Obligation obligation, List<Move> moves, int loopStart) {
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		Interpreter interpreter = new Interpreter(layout, options, instances, property);
		List<ConcreteState> states = replay(interpreter, moves);
		if (states == null || loopStart >= states.size()) {
			return false;
		}
		ConcreteState end = states.get(states.size() - 1);
		if (loopStart < 0) {
			return property.pending(end, 0) && !ResponseChecker.anyShall(layout, instances, ResponseChecker
					.changingMoves(layout, end, taken(interpreter, end)));
		}
		ConcreteState start = states.get(loopStart);
		for (int i = 0; i < instances; i++) {
			if (!start.sameProcedureState(end, i) || !java.util.Arrays.equals(start.monitor()[i], end.monitor()[i])) {
				return false;
			}
		}
		int actions = layout.actions().size();
		java.util.BitSet takenOnCycle = new java.util.BitSet();
		java.util.BitSet enabledEverywhere = new java.util.BitSet();
		enabledEverywhere.set(0, instances * actions);
		for (int s = loopStart; s < states.size() - 1; s++) {
			ConcreteState state = states.get(s);
			if (!property.pending(state, 0)) {
				return false;
			}
			enabledEverywhere.and(ResponseChecker.changingMoves(layout, state, taken(interpreter, state)));
			Move move = moves.get(s);
			if (!state.sameProcedureState(states.get(s + 1), move.instance())) {
				takenOnCycle.set(move.instance() * actions + move.action());
			}
		}
		enabledEverywhere.andNot(takenOnCycle);
		return loopStart < states.size() - 1 && !ResponseChecker.anyShall(layout, instances, enabledEverywhere);
	}

	private static List<Interpreter.Outcome> taken(Interpreter interpreter, ConcreteState state) {
		return interpreter.successors(state).stream().filter(Interpreter.Outcome::taken).toList();
	}

	/**
	 * For a correspondence (semantics §6.6): the instances whose counter saturated on the run to a
	 * bad state, when every instance the last state violates the property in is one of them — the
	 * violation may then be an artefact of the bound. Empty when some violating instance never
	 * saturated (the violation is real), for any other property, or when the moves do not replay.
	 */
	public static List<Integer> saturatedViolation(Layout layout, OptionAssignment options, int instances,
			Obligation obligation, List<Move> moves) {
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		List<ConcreteState> states = replay(new Interpreter(layout, options, instances, property), moves);
		List<Integer> saturated = new ArrayList<>();
		if (states == null) {
			return saturated;
		}
		ConcreteState last = states.get(states.size() - 1);
		for (int i = 0; i < instances; i++) {
			if (property.isBadIn(last, i)) {
				if (!property.saturated(last, i)) {
					return List.of();
				}
				saturated.add(i);
			}
		}
		return saturated;
	}

	/** Whether the last state of the replayed moves is bad for the obligation (the certificate of a violation). */
	public static boolean confirmsViolation(Layout layout, OptionAssignment options, int instances,
			Obligation obligation, List<Move> moves) {
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		Interpreter interpreter = new Interpreter(layout, options, instances, property);
		List<ConcreteState> states = replay(interpreter, moves);
		if (states == null) {
			return false;
		}
		ConcreteState last = states.get(states.size() - 1);
		return property.isBad(last, interpreter.successors(last));
	}
}
