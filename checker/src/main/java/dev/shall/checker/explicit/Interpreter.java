package dev.shall.checker.explicit;

import java.util.ArrayList;
import java.util.List;

import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Assignment;
import dev.shall.model.Choice;
import dev.shall.model.Expression;
import dev.shall.model.Fault;
import dev.shall.model.FieldValue;
import dev.shall.model.IfStatement;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.Receive;
import dev.shall.model.Send;
import dev.shall.model.Statement;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;

/**
 * Executes a compiled procedure on concrete states, directly from the model. This is the
 * reference semantics: it shares no code with the SAT encoding beyond the {@link Layout}'s
 * naming, so that replaying an engine's trace here certifies it.
 *
 * <p>Semantics: N instances run interleaved; at each step one instance performs one action. A
 * step with a receive takes the head message of its lane (any message when the lane reorders)
 * if it has the expected type, passes the integrity check of a keyed lane, and satisfies the
 * guard; statements then run in order. An action that would overflow a channel or store a value
 * outside its range is not taken; it is reported as a bound of the model instead.
 */
public final class Interpreter {

	private final Layout layout;
	private final OptionAssignment options;
	private final Evaluator behaviour;
	private final int instances;
	private final Monitor monitor;

	public Interpreter(Layout layout, OptionAssignment options, int instances) {
		this(layout, options, instances, Monitor.NONE);
	}

	Interpreter(Layout layout, OptionAssignment options, int instances, Monitor monitor) {
		this.layout = layout;
		this.options = options;
		this.behaviour = new Evaluator(layout, options, true);
		this.instances = instances;
		this.monitor = monitor;
	}

	public Layout layout() {
		return layout;
	}

	public OptionAssignment options() {
		return options;
	}

	/** The one initial state (initial values are constants). */
	public ConcreteState initial() {
		int[][] variables = new int[instances][];
		List<List<List<QueuedMessage>>> queues = new ArrayList<>();
		long[][] monitors = new long[instances][];
		for (int i = 0; i < instances; i++) {
			variables[i] = new int[layout.variables().size()];
			for (StateVariable variable : layout.variables()) {
				try {
					// semantics §2.5: session i starts with identity i + 1 of the pool
					variables[i][layout.indexOf(variable)] = variable.getInitial() instanceof dev.shall.model.UniqueIdentity
							? i + 1
							: behaviour.evaluate(variable.getInitial(), variables[i], null, null, null);
				} catch (BoundExceeded e) {
					throw new IllegalArgumentException("The initial value of " + variable.getName() + " is out of range");
				}
			}
			List<List<QueuedMessage>> lanes = new ArrayList<>();
			for (int l = 0; l < layout.lanes().size(); l++) {
				lanes.add(List.of());
			}
			queues.add(List.copyOf(lanes));
			monitors[i] = monitor.initial();
		}
		return new ConcreteState(variables, List.copyOf(queues), new QueuedMessage[instances][layout.lanes().size()], -1,
				-1, monitors);
	}

	/** The outcome of one move: the next state, or null with the bound it would exceed. */
	public record Outcome(Move move, ConcreteState next, String exceededBound) {
		public boolean taken() {
			return next != null;
		}
	}

	/** Every move the state allows, with its outcome; moves that are not enabled are left out. */
	public List<Outcome> successors(ConcreteState state) {
		List<Outcome> outcomes = new ArrayList<>();
		for (int instance = 0; instance < instances; instance++) {
			outcomes.addAll(successors(state, instance));
		}
		return outcomes;
	}

	/** The moves of one instance that the state allows, in the order of {@link #successors(ConcreteState)}. */
	public List<Outcome> successors(ConcreteState state, int instance) {
		List<Outcome> outcomes = new ArrayList<>();
		for (Action action : layout.actions()) {
			for (int slot = 0; slot < slotsFor(action); slot++) {
				for (int[] choices : layout.choiceVectors(action)) {
					for (int entry = 0; entry < entriesFor(action); entry++) {
						Move move = new Move(instance, action.index(), slot, choices, entry);
						Outcome outcome = apply(state, move);
						if (outcome != null) {
							outcomes.add(outcome);
						}
					}
				}
			}
		}
		return outcomes;
	}

	/** Semantics §3.7: a step with a lookup may locate any session's entry; other actions locate none. */
	private int entriesFor(Action action) {
		return action.kind() == Action.Kind.TRANSITION && action.transition().getLookup() != null ? instances : 1;
	}

	private int slotsFor(Action action) {
		Lane lane = switch (action.kind()) {
		case TRANSITION -> action.transition().getReceive() == null ? null
				: layout.lane(action.transition().getReceive().getChannel(), action.transition().getActor(), true);
		case LOSE, DISCARD -> action.lane();
		default -> null;
		};
		if (lane == null) {
			return 1;
		}
		return action.kind() == Action.Kind.LOSE || lane.has(Fault.REORDERING) ? lane.length() : 1;
	}

	/**
	 * The outcome of the move, or null when the move is not enabled in the state (the wrong
	 * message, a false guard, an empty slot).
	 */
	public Outcome apply(ConcreteState state, Move move) {
		Action action = layout.actions().get(move.action());
		Execution execution = new Execution(state, move.instance());
		try {
			boolean enabled = switch (action.kind()) {
			case TRANSITION -> execution.transition(action.transition(), move);
			case LOSE -> execution.lose(action.lane(), move.slot());
			case DUPLICATE -> execution.duplicate(action.lane());
			case REPLAY -> execution.replay(action.lane());
			case DISCARD -> execution.discard(action.lane(), move.slot());
			};
			return enabled ? new Outcome(move, execution.finish(move), null) : null;
		} catch (BoundExceeded e) {
			return new Outcome(move, null, e.getMessage());
		}
	}

	/** A mutable copy of one instance's part of a state while an action runs. */
	private final class Execution {
		private final ConcreteState before;
		private final int instance;
		private final int[] variables;
		private final List<List<QueuedMessage>> queues = new ArrayList<>();
		private final QueuedMessage[] replayable;
		/** Every session's variables, this one's the copy being changed (semantics §2.6). */
		private Evaluator.Sessions sessions;

		Execution(ConcreteState before, int instance) {
			this.before = before;
			this.instance = instance;
			this.variables = before.variables()[instance].clone();
			int[][] all = before.variables().clone();
			all[instance] = variables;
			this.sessions = new Evaluator.Sessions(all, instance);
			for (List<QueuedMessage> queue : before.queues().get(instance)) {
				queues.add(new ArrayList<>(queue));
			}
			this.replayable = before.replayable()[instance].clone();
		}

		boolean transition(Transition transition, Move move) throws BoundExceeded {
			Receive receive = transition.getReceive();
			if (transition.getLookup() != null) {
				sessions = sessions.bind(transition.getLookup(), move.entry());
			}
			QueuedMessage received = null;
			MessageType receivedType = null;
			if (receive != null) {
				Lane lane = layout.lane(receive.getChannel(), transition.getActor(), true);
				List<QueuedMessage> queue = queues.get(lane.index());
				int slot = lane.has(Fault.REORDERING) ? move.slot() : 0;
				if (slot >= queue.size()) {
					return false;
				}
				received = queue.get(slot);
				receivedType = receive.getMessage();
				if (received.tag() != lane.tagOf(receivedType) || !integrityHolds(lane, received)) {
					return false;
				}
				if (!isTrue(transition.getLookup() == null ? null : transition.getLookup().getCondition(), received,
						receivedType) || !isTrue(transition.getGuard(), received, receivedType)) {
					return false;
				}
				queue.remove(slot);
				if (lane.has(Fault.REPLAY)) {
					replayable[lane.index()] = received.original();
				}
			} else if (!isTrue(transition.getLookup() == null ? null : transition.getLookup().getCondition(), null, null)
					|| !isTrue(transition.getGuard(), null, null)) {
				return false;
			}
			run(transition.getBody(), transition, received, receivedType, move);
			return true;
		}

		private boolean integrityHolds(Lane lane, QueuedMessage message) {
			return !lane.keyed() || message.mac() == variables[layout.indexOf(lane.receiverKey())];
		}

		private boolean isTrue(Expression condition, QueuedMessage received, MessageType type) throws BoundExceeded {
			return condition == null || behaviour.evaluate(condition, variables, received, type, null, null, sessions) != 0;
		}

		private void run(List<Statement> statements, Transition transition, QueuedMessage received, MessageType type,
				Move move) throws BoundExceeded {
			for (Statement statement : statements) {
				switch (statement) {
				case Assignment assignment -> {
					int value = behaviour.evaluate(assignment.getValue(), variables, received, type, null, null, sessions);
					if (!layout.domain(assignment.getVariable()).contains(value)) {
						throw new BoundExceeded(Layout.qualifiedName(assignment.getVariable()) + " := " + value
								+ " is outside " + describeDomain(layout.domain(assignment.getVariable())));
					}
					variables[layout.indexOf(assignment.getVariable())] = value;
				}
				case Send send -> send(send, transition, received, type);
				case IfStatement conditional -> {
					boolean holds = behaviour.evaluate(conditional.getCondition(), variables, received, type, null, null, sessions) != 0;
					run(holds ? conditional.getThen() : conditional.getElse(), transition, received, type, move);
				}
				case Choice choice -> run(choice.getBranches().get(move.choices()[layout.indexOf(choice)]).getStatements(),
						transition, received, type, move);
				default -> throw new IllegalArgumentException("Unknown statement " + statement.eClass().getName());
				}
			}
		}

		private void send(Send send, Transition transition, QueuedMessage received, MessageType type)
				throws BoundExceeded {
			Lane lane = layout.lane(send.getChannel(), transition.getActor(), false);
			MessageType message = send.getMessage();
			int[] fields = new int[message.getFields().size()];
			for (int f = 0; f < fields.length; f++) {
				MessageField field = message.getFields().get(f);
				fields[f] = Domain.NONE;
				for (FieldValue argument : send.getArguments()) {
					if (argument.getField() == field) {
						fields[f] = behaviour.evaluate(argument.getValue(), variables, received, type, null, null, sessions);
					}
				}
				if (!layout.domain(field).contains(fields[f])) {
					throw new BoundExceeded(message.getName() + "." + field.getName() + " = " + fields[f] + " is outside "
							+ describeDomain(layout.domain(field)));
				}
			}
			List<QueuedMessage> queue = queues.get(lane.index());
			if (send.isInjected()) {
				// semantics §4.5: the attacker's message is not the procedure's: it never blocks, and a lane
				// already holding capacity messages that are not the procedure's takes no more
				if (copies(queue) < lane.capacity()) {
					int mac = lane.keyed() && send.getMac() != null
							? behaviour.evaluate(send.getMac(), variables, received, type, null, null, sessions)
							: Domain.NONE;
					queue.add(new QueuedMessage(lane.tagOf(message), fields, mac, true));
				}
				return;
			}
			// semantics §4.3: only the procedure's own messages count against the capacity
			if (queue.stream().filter(m -> !m.copy()).count() >= lane.capacity()) {
				throw new BoundExceeded(lane.name() + " is full (capacity " + lane.capacity() + ")");
			}
			int mac = lane.keyed() ? variables[layout.indexOf(lane.senderKey())] : Domain.NONE;
			queue.add(new QueuedMessage(lane.tagOf(message), fields, mac));
		}

		boolean lose(Lane lane, int slot) {
			List<QueuedMessage> queue = queues.get(lane.index());
			if (slot >= queue.size()) {
				return false;
			}
			queue.remove(slot);
			return true;
		}

		boolean duplicate(Lane lane) {
			List<QueuedMessage> queue = queues.get(lane.index());
			if (queue.isEmpty() || copies(queue) >= lane.capacity()) {
				return false;
			}
			queue.add(queue.get(0).asCopy());
			return true;
		}

		boolean replay(Lane lane) {
			List<QueuedMessage> queue = queues.get(lane.index());
			QueuedMessage old = replayable[lane.index()];
			if (old == null || copies(queue) >= lane.capacity()) {
				return false;
			}
			queue.add(old.asCopy());
			return true;
		}

		/** Fault copies in flight on a lane: at most its capacity of them (semantics §4.3). */
		private static long copies(List<QueuedMessage> queue) {
			return queue.stream().filter(QueuedMessage::copy).count();
		}

		boolean discard(Lane lane, int slot) {
			List<QueuedMessage> queue = queues.get(lane.index());
			int position = lane.has(Fault.REORDERING) ? slot : 0;
			if (position >= queue.size() || integrityHolds(lane, queue.get(position))) {
				return false;
			}
			queue.remove(position);
			return true;
		}

		ConcreteState finish(Move move) {
			int[][] allVariables = before.variables().clone();
			allVariables[instance] = variables;
			// semantics §1.3: a variable shared by all sessions has one value, kept in every session's copy
			for (int shared : layout.sharedVariables()) {
				int value = variables[shared];
				for (int other = 0; other < allVariables.length; other++) {
					if (other != instance && allVariables[other][shared] != value) {
						if (allVariables[other] == before.variables()[other]) {
							allVariables[other] = allVariables[other].clone();
						}
						allVariables[other][shared] = value;
					}
				}
			}
			List<List<List<QueuedMessage>>> allQueues = new ArrayList<>(before.queues());
			List<List<QueuedMessage>> mine = new ArrayList<>();
			for (List<QueuedMessage> queue : queues) {
				mine.add(List.copyOf(queue));
			}
			allQueues.set(instance, List.copyOf(mine));
			QueuedMessage[][] allReplayable = before.replayable().clone();
			allReplayable[instance] = replayable;
			long[][] monitors = new long[before.instances()][];
			for (int i = 0; i < monitors.length; i++) {
				monitors[i] = monitor.next(before, i);
			}
			boolean kept = monitor.keepsLastMove(layout.actions().get(move.action()));
			return new ConcreteState(allVariables, List.copyOf(allQueues), allReplayable, kept ? move.instance() : -1,
					kept ? move.action() : -1, monitors);
		}
	}

	private static String describeDomain(Domain domain) {
		return domain.size() == 0 ? "an empty range" : "its range " + domain.value(domain.size() > 1 && domain.value(0)
				== Domain.NONE ? 1 : 0) + ".." + domain.value(domain.size() - 1);
	}
}
