package dev.shall.checker.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.QueuedMessage;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;
import dev.shall.model.frontend.AttackerNames;
import dev.shall.model.TransitionKind;

/** Turns an engine's moves into a {@link Trace} by replaying them in the reference interpreter. */
public final class Traces {

	private Traces() {
	}

	/** A finite run: a safety counterexample, or a run that reaches a step ({@link Trace.Ending#FINITE}). */
	public static Trace of(Layout layout, OptionAssignment options, int instances, List<Move> moves) {
		return of(layout, options, instances, moves, Trace.Ending.FINITE);
	}

	/**
	 * A response counterexample (semantics §6.4), with its end as {@code ResponseChecker.Result} and
	 * {@code LassoBmc} give it: {@code loopStart} -1 when the run stops (§5.3), else the index of
	 * the state where its cycle starts (0 the initial state, k the state after move k).
	 *
	 * @throws IllegalArgumentException if the moves do not replay, or the cycle does not close
	 */
	public static Trace of(Layout layout, OptionAssignment options, int instances, List<Move> moves, int loopStart) {
		return of(layout, options, instances, moves, Trace.Ending.ofResponse(loopStart));
	}

	/**
	 * The run of {@code moves}, replayed in the reference interpreter, ending as {@code ending} says.
	 * A loop must close: the state after the last move is the procedure state (semantics §2.1) of
	 * the state where the cycle starts, in every instance.
	 *
	 * @throws IllegalArgumentException if the moves do not replay, or the cycle does not close
	 */
	public static Trace of(Layout layout, OptionAssignment options, int instances, List<Move> moves,
			Trace.Ending ending) {
		Interpreter interpreter = new Interpreter(layout, options, instances);
		List<ConcreteState> states = ExplicitChecker.replay(interpreter, moves);
		if (states == null) {
			throw new IllegalArgumentException("the run does not replay in the interpreter");
		}
		if (ending.kind() == Trace.Ending.Kind.LOOP) {
			// semantics §6.4: a lasso's cycle has a move and returns to the procedure state (§2.1) it started from
			if (ending.loopStart() >= moves.size()) {
				throw new IllegalArgumentException("the cycle starts at state " + ending.loopStart() + " of a run of "
						+ moves.size() + " moves: a cycle has at least one move");
			}
			String open = openLoop(layout, states, ending.loopStart());
			if (open != null) {
				throw new IllegalArgumentException("the cycle does not close: " + open);
			}
		}
		List<TraceStep> steps = new ArrayList<>();
		for (int k = 0; k < moves.size(); k++) {
			steps.add(step(layout, moves.get(k), states.get(k), states.get(k + 1), k + 1));
		}
		return new Trace(initial(layout, states.get(0)), steps, ending);
	}

	/** The state of every instance, as a trace gives its initial state. */
	public static List<Map<String, String>> initial(Layout layout, ConcreteState state) {
		List<Map<String, String>> instances = new ArrayList<>();
		for (int i = 0; i < state.instances(); i++) {
			instances.add(valuation(layout, state, i));
		}
		return instances;
	}

	/**
	 * Why the run does not return, after its last state, to the state {@code loopStart} (semantics
	 * §2.1: variables, lanes and replay registers of every instance), or null when it does.
	 */
	public static String openLoop(Layout layout, List<ConcreteState> states, int loopStart) {
		ConcreteState start = states.get(loopStart);
		ConcreteState end = states.get(states.size() - 1);
		for (int i = 0; i < end.instances(); i++) {
			if (start.sameProcedureState(end, i)) {
				continue;
			}
			Map<String, String> then = valuation(layout, start, i);
			Map<String, String> now = valuation(layout, end, i);
			String where = loopStart == 0 ? "at the start" : "after step " + loopStart;
			for (Map.Entry<String, String> variable : then.entrySet()) {
				if (!variable.getValue().equals(now.get(variable.getKey()))) {
					return "instance " + i + ": " + variable.getKey() + " is " + variable.getValue() + " " + where
							+ ", " + now.get(variable.getKey()) + " at the end";
				}
			}
			return "instance " + i + ": the messages in flight differ " + where + " and at the end";
		}
		return null;
	}

	/**
	 * The role a trace names as the actor of the action: the step's role, {@code attacker} for an
	 * injection (semantics §4.5: a move of the lane's sender's session, but the attacker's doing), or
	 * the lane for a fault. The one place this is decided: traces are written and read with it.
	 */
	public static String actor(Action action) {
		Transition transition = action.transition();
		if (transition == null) {
			return action.lane().name();
		}
		return transition.getKind() == TransitionKind.INJECTION ? AttackerNames.ROLE : transition.getActor().getName();
	}

	/** The step {@code move} takes from {@code before} to {@code after}, numbered {@code index}. */
	public static TraceStep step(Layout layout, Move move, ConcreteState before, ConcreteState after, int index) {
		Action action = layout.actions().get(move.action());
		Transition transition = action.transition();
		boolean injection = transition != null && transition.getKind() == TransitionKind.INJECTION;
		String role = actor(action);
		String label = action.name();
		String clause = transition != null ? transition.getClause() : null;
		Map<String, String> state = valuation(layout, after, move.instance());
		Map<String, String> previous = valuation(layout, before, move.instance());
		Map<String, String> changed = new LinkedHashMap<>();
		state.forEach((name, value) -> {
			if (!value.equals(previous.get(name))) {
				changed.put(name, value);
			}
		});
		String file = transition != null && transition.getLocation() != null ? transition.getLocation().getFile() : null;
		int line = transition != null && transition.getLocation() != null ? transition.getLocation().getLine() : 0;
		List<Exchange> exchanges = exchanges(layout, move, before, after);
		// semantics §4.2–§4.4: a fault of a lane is a step of the run, with its lane
		TraceStep.Kind kind = switch (action.kind()) {
		case TRANSITION -> injection ? TraceStep.Kind.INJECT : transition.getKind() == TransitionKind.ENVIRONMENT
				? TraceStep.Kind.EVENT : TraceStep.Kind.STEP;
		case LOSE -> TraceStep.Kind.LOSS;
		case DUPLICATE -> TraceStep.Kind.DUPLICATE;
		case REPLAY -> TraceStep.Kind.REPLAY;
		case DISCARD -> TraceStep.Kind.DISCARD;
		};
		TraceStep.Lane lane = action.lane() == null ? null : new TraceStep.Lane(action.lane().channel().getName(), action
				.lane().sender().getName(), action.lane().receiver().getName());
		// semantics §3.7: which session's entry a lookup located
		Integer entry = transition != null && transition.getLookup() != null ? move.entry() : null;
		return new TraceStep(index, move.instance(), kind, role, label, clause, file, line, exchanges, state, changed,
				lane, entry);
	}

	/** Every variable of one instance, as {@code Role.variable → value}, in the layout's order. */
	private static Map<String, String> valuation(Layout layout, ConcreteState state, int instance) {
		Map<String, String> values = new LinkedHashMap<>();
		for (StateVariable variable : layout.variables()) {
			values.put(Layout.qualifiedName(variable), layout.describe(variable.getType(), state.variables()[instance][layout
					.indexOf(variable)]));
		}
		return values;
	}

	/** What crossed the lanes of the acting instance: messages that arrived and messages that left. */
	private static List<Exchange> exchanges(Layout layout, Move move, ConcreteState before, ConcreteState after) {
		List<Exchange> parts = new ArrayList<>();
		Action action = layout.actions().get(move.action());
		for (Lane lane : layout.lanes()) {
			List<QueuedMessage> was = before.queues().get(move.instance()).get(lane.index());
			List<QueuedMessage> is = after.queues().get(move.instance()).get(lane.index());
			List<QueuedMessage> remaining = new ArrayList<>(was);
			boolean takesFromHere = was.size() > 0 && (action.kind() == Action.Kind.TRANSITION && action.transition()
					.getReceive() != null && layout.lane(action.transition().getReceive().getChannel(), action
							.transition().getActor(), true) == lane || action.lane() == lane && (action
									.kind() == Action.Kind.LOSE || action.kind() == Action.Kind.DISCARD));
			if (takesFromHere) {
				int slot = Math.min(was.size() - 1, is.size() < was.size() ? removedIndex(was, is) : 0);
				QueuedMessage taken = remaining.remove(slot);
				String verb = action.kind() == Action.Kind.TRANSITION ? "received" : action.kind() == Action.Kind.LOSE
						? "lost" : "discarded";
				parts.add(exchange(verb, layout, lane, taken));
			}
			boolean injection = action.kind() == Action.Kind.TRANSITION
					&& action.transition().getKind() == TransitionKind.INJECTION;
			for (int j = remaining.size(); j < is.size(); j++) {
				String verb = injection ? "injected" : action.kind() == Action.Kind.TRANSITION ? "sent" : action
						.kind() == Action.Kind.DUPLICATE ? "duplicated" : "replayed";
				// the lane stays the sender's (its receiver takes it from there); charts draw it from the attacker
				parts.add(exchange(verb, layout, lane, is.get(j)));
			}
		}
		return parts;
	}

	private static Exchange exchange(String kind, Layout layout, Lane lane, QueuedMessage message) {
		return new Exchange(kind, describe(layout, lane, message), lane.channel().getName(), lane.sender().getName(),
				lane.receiver().getName());
	}

	private static int removedIndex(List<QueuedMessage> was, List<QueuedMessage> is) {
		for (int j = 0; j < is.size(); j++) {
			if (!was.get(j).equals(is.get(j))) {
				return j;
			}
		}
		return was.size() - 1;
	}

	public static String describe(Layout layout, Lane lane, QueuedMessage message) {
		MessageType type = lane.messages().get(message.tag() - 1);
		StringBuilder text = new StringBuilder(type.getName());
		if (!type.getFields().isEmpty()) {
			text.append('(');
			boolean first = true;
			for (int f = 0; f < type.getFields().size(); f++) {
				MessageField field = type.getFields().get(f);
				if (AttackerNames.INJECTED_MARK.equals(field.getName()) && message.fields()[f] == Domain.NONE) {
					// the procedure's own message: the attacker's mark is absent (semantics §4.5)
					continue;
				}
				text.append(first ? "" : ", ").append(field.getName()).append('=')
						.append(layout.describe(field.getType(), message.fields()[f]));
				first = false;
			}
			text.append(')');
			if (first) {
				text.setLength(text.length() - 2);
			}
		}
		if (lane.keyed() && message.copy()) {
			// a message that is not the procedure's own (a copy, semantics §4.3, or the attacker's, §4.5):
			// the key it is protected with decides the receiver's integrity check, so the trace says it
			text.append(" under ").append(message.mac() == Domain.NONE ? "no key" : layout.describe(lane.receiverKey()
					.getType(), message.mac()));
		}
		return text.toString();
	}
}
