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
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;

/** Turns an engine's moves into a {@link Trace} by replaying them in the reference interpreter. */
public final class Traces {

	private Traces() {
	}

	public static Trace of(Layout layout, OptionAssignment options, int instances, List<Move> moves) {
		Interpreter interpreter = new Interpreter(layout, options, instances);
		List<ConcreteState> states = ExplicitChecker.replay(interpreter, moves);
		if (states == null) {
			throw new IllegalArgumentException("the run does not replay in the interpreter");
		}
		List<TraceStep> steps = new ArrayList<>();
		for (int k = 0; k < moves.size(); k++) {
			steps.add(step(layout, moves.get(k), states.get(k), states.get(k + 1), k + 1));
		}
		return new Trace(valuation(layout, states.get(0), 0, instances > 1), steps);
	}

	/** The step {@code move} takes from {@code before} to {@code after}, numbered {@code index}. */
	public static TraceStep step(Layout layout, Move move, ConcreteState before, ConcreteState after, int index) {
		Action action = layout.actions().get(move.action());
		Transition transition = action.transition();
		String role = transition != null ? transition.getActor().getName() : action.lane().name();
		String label = transition != null ? transition.getName() : action.name();
		String clause = transition != null ? transition.getClause() : null;
		Map<String, String> state = valuation(layout, after, move.instance(), false);
		Map<String, String> previous = valuation(layout, before, move.instance(), false);
		Map<String, String> changed = new LinkedHashMap<>();
		state.forEach((name, value) -> {
			if (!value.equals(previous.get(name))) {
				changed.put(name, value);
			}
		});
		String file = transition != null && transition.getLocation() != null ? transition.getLocation().getFile() : null;
		int line = transition != null && transition.getLocation() != null ? transition.getLocation().getLine() : 0;
		List<Exchange> exchanges = exchanges(layout, move, before, after);
		String message = String.join("; ", exchanges.stream().map(Exchange::text).toList());
		return new TraceStep(index, move.instance(), role, label, clause, message, state, changed, file, line, exchanges);
	}

	private static Map<String, String> valuation(Layout layout, ConcreteState state, int instance, boolean all) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = all ? 0 : instance; i <= (all ? state.instances() - 1 : instance); i++) {
			for (StateVariable variable : layout.variables()) {
				String name = (all && state.instances() > 1 ? "[" + i + "] " : "") + Layout.qualifiedName(variable);
				values.put(name, layout.describe(variable.getType(), state.variables()[i][layout.indexOf(variable)]));
			}
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
			for (int j = remaining.size(); j < is.size(); j++) {
				String verb = action.kind() == Action.Kind.TRANSITION ? "sent" : action.kind() == Action.Kind.DUPLICATE
						? "duplicated" : "replayed";
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
			for (int f = 0; f < type.getFields().size(); f++) {
				MessageField field = type.getFields().get(f);
				text.append(f > 0 ? ", " : "").append(field.getName()).append('=')
						.append(layout.describe(field.getType(), message.fields()[f]));
			}
			text.append(')');
		}
		return text.toString();
	}
}
