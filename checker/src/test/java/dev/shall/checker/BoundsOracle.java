package dev.shall.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.QueuedMessage;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Fault;
import dev.shall.model.Send;
import dev.shall.model.Transition;

/**
 * An oracle for "within declared bounds" that tells the procedure's own messages from the channel's
 * fault copies, written from the definition on the public interpreter.
 *
 * <p><b>Definition</b>: the procedure leaves its declared bounds when, in a reachable state, one of
 * its steps would store a value outside its declared range, or would send on a lane that already
 * holds {@code capacity} messages <em>the procedure sent</em>. Copies that a duplicating or replaying
 * lane adds are the channel's fault, not the procedure's sends: they never make the procedure leave
 * its bounds (semantics: fault copies neither overflow a lane nor block the procedure's own sends).
 *
 * <p>The oracle explores the interpreter's graph, carrying beside each queue which of its messages
 * are the procedure's (sent by a step) and which are copies (added by a duplicate or a replay), and
 * matching each queue after a move to the one before (the messages a move keeps stay in order; new
 * ones come last). A step the interpreter does not take because a lane is full counts as leaving
 * the bounds only when the procedure's own messages fill it; when the step sends on that lane more
 * than once, the oracle cannot tell how many of its sends came first, and says so (null) unless a
 * certain violation exists elsewhere.
 */
final class BoundsOracle {

	/**
	 * @param violated       whether the procedure leaves its bounds; null when undecided (too many
	 *                       states, or only blocks the oracle cannot attribute)
	 * @param blockedByCopies how many reachable states have a step blocked only by fault copies
	 */
	record Result(Boolean violated, int blockedByCopies, String example) {
	}

	/** A state with, per instance and lane, whether each queued message is the procedure's own. */
	private record Node(ConcreteState state, List<List<List<Boolean>>> own) {
	}

	private final Layout layout;
	private final Interpreter interpreter;

	BoundsOracle(Layout layout, OptionAssignment options, int instances) {
		this.layout = layout;
		this.interpreter = new Interpreter(layout, options, instances);
	}

	Result check(int maxNodes) {
		ConcreteState initialState = interpreter.initial();
		List<List<List<Boolean>>> none = new ArrayList<>();
		for (int i = 0; i < initialState.instances(); i++) {
			List<List<Boolean>> lanes = new ArrayList<>();
			for (int l = 0; l < layout.lanes().size(); l++) {
				lanes.add(List.of());
			}
			none.add(List.copyOf(lanes));
		}
		Node initial = new Node(initialState, List.copyOf(none));
		Map<Node, Boolean> seen = new HashMap<>();
		List<Node> frontier = new ArrayList<>();
		seen.put(initial, true);
		frontier.add(initial);
		int blockedByCopies = 0;
		boolean undecided = false;
		String example = null;
		for (int k = 0; k < frontier.size(); k++) {
			Node node = frontier.get(k);
			boolean copiesBlock = false;
			for (Interpreter.Outcome outcome : interpreter.successors(node.state())) {
				if (!outcome.taken()) {
					Boolean own = leavesBounds(node, outcome);
					if (own == null) {
						undecided = true;
					} else if (own) {
						return new Result(true, blockedByCopies, outcome.exceededBound());
					} else {
						copiesBlock = true;
						example = example != null ? example : outcome.exceededBound();
					}
					continue;
				}
				Node next = new Node(outcome.next(), follow(node, outcome));
				if (!seen.containsKey(next)) {
					if (seen.size() >= maxNodes) {
						return new Result(null, blockedByCopies, null);
					}
					seen.put(next, true);
					frontier.add(next);
				}
			}
			blockedByCopies += copiesBlock ? 1 : 0;
		}
		return new Result(undecided ? null : false, blockedByCopies, example);
	}

	/**
	 * Whether the blocked move leaves the procedure's bounds: a range always; a full lane when the
	 * procedure's own messages fill it; null when the oracle cannot tell.
	 */
	private Boolean leavesBounds(Node node, Interpreter.Outcome outcome) {
		Move move = outcome.move();
		Action action = layout.actions().get(move.action());
		String reason = outcome.exceededBound();
		if (action.kind() != Action.Kind.TRANSITION || reason == null) {
			return true; // only steps may be blocked; anything else is the interpreter's business to explain
		}
		for (Lane lane : layout.lanes()) {
			if (lane.sender() == action.transition().getActor() && reason.startsWith(lane.name() + " is full")) {
				List<Boolean> own = node.own().get(move.instance()).get(lane.index());
				long procedure = own.stream().filter(b -> b).count();
				if (procedure == own.size()) {
					return true; // no copies in the lane: the procedure filled it
				}
				if (sends(action.transition(), lane) == 1) {
					return procedure >= lane.capacity();
				}
				return null;
			}
		}
		return true; // a value outside its declared range
	}

	private static int sends(Transition transition, Lane lane) {
		int count = 0;
		for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
			if (it.next() instanceof Send send && send.getChannel() == lane.channel()) {
				count++;
			}
		}
		return count;
	}

	/** Which messages are the procedure's after the move. */
	private List<List<List<Boolean>>> follow(Node node, Interpreter.Outcome outcome) {
		Move move = outcome.move();
		Action action = layout.actions().get(move.action());
		int instance = move.instance();
		List<List<List<Boolean>>> all = new ArrayList<>(node.own());
		List<List<Boolean>> lanes = new ArrayList<>();
		for (Lane lane : layout.lanes()) {
			List<QueuedMessage> before = new ArrayList<>(node.state().queues().get(instance).get(lane.index()));
			List<Boolean> own = new ArrayList<>(node.own().get(instance).get(lane.index()));
			int removed = removedSlot(action, lane, move);
			if (removed >= 0 && removed < before.size()) {
				before.remove(removed);
				own.remove(removed);
			}
			List<QueuedMessage> after = outcome.next().queues().get(instance).get(lane.index());
			// the messages kept stay in order; whatever the alignment leaves over at the end is new
			List<Boolean> next = new ArrayList<>();
			int b = 0;
			for (QueuedMessage message : after) {
				while (b < before.size() && !before.get(b).equals(message)) {
					b++;
				}
				if (b < before.size()) {
					next.add(own.get(b++));
				} else {
					next.add(action.kind() == Action.Kind.TRANSITION);
				}
			}
			lanes.add(List.copyOf(next));
		}
		all.set(instance, List.copyOf(lanes));
		return List.copyOf(all);
	}

	/** The queue position the move takes out of the lane before anything is added, or -1. */
	private int removedSlot(Action action, Lane lane, Move move) {
		return switch (action.kind()) {
		case TRANSITION -> action.transition().getReceive() != null && layout.lane(action.transition().getReceive()
				.getChannel(), action.transition().getActor(), true) == lane ? (lane.has(Fault.REORDERING) ? move
						.slot() : 0) : -1;
		case LOSE -> action.lane() == lane ? move.slot() : -1;
		case DISCARD -> action.lane() == lane ? (lane.has(Fault.REORDERING) ? move.slot() : 0) : -1;
		default -> -1;
		};
	}
}
