package dev.shall.checker.encoding;

import java.util.List;

import dev.shall.checker.encoding.SymbolicState.Slot;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.ConeOfInfluence;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.model.Assignment;
import dev.shall.model.Choice;
import dev.shall.model.Fault;
import dev.shall.model.FieldValue;
import dev.shall.model.IfStatement;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.Receive;
import dev.shall.model.Send;
import dev.shall.model.Statement;
import dev.shall.model.Transition;

/**
 * One move of one instance as a circuit: receiving, guards, statements and channel faults,
 * with the literals under which the move is enabled and under which it would exceed a declared
 * bound. The symbolic twin of the move execution in {@link dev.shall.checker.explicit.Interpreter}
 * (semantics §3, §4).
 */
final class MoveEncoding {

	private final Layout layout;
	private final Circuit circuit;
	private final SymbolicEvaluator evaluator;
	private final LaneEncoding lanes;
	private final ConeOfInfluence cone;
	private final Domain slotDomain;
	private final Domain entryDomain;

	MoveEncoding(Layout layout, Circuit circuit, SymbolicEvaluator evaluator, LaneEncoding lanes, ConeOfInfluence cone,
			Domain slotDomain, Domain entryDomain) {
		this.entryDomain = entryDomain;
		this.layout = layout;
		this.circuit = circuit;
		this.evaluator = evaluator;
		this.lanes = lanes;
		this.cone = cone;
		this.slotDomain = slotDomain;
	}

	/** Runs the action on the local copy: a step, or a channel fault (semantics §3.1, §4.2–§4.4). */
	void execute(LocalMove local, Action action, TransitionEncoding.Inputs inputs) {
		if (!cone.contains(action)) {
			// outside the cone of influence: changes nothing the obligation observes
			local.enabled = Circuit.FALSE;
			return;
		}
		SymbolicValue slotInput = SymbolicValue.decode(circuit, slotDomain, inputs.slot());
		switch (action.kind()) {
		case TRANSITION -> transition(local, action.transition(), slotInput, inputs);
		case LOSE -> {
			Lane lane = action.lane();
			int[] at = lanes.positions(lane, slotInput, true);
			int some = Circuit.FALSE;
			for (int p = 0; p < at.length; p++) {
				some = circuit.or(some, circuit.and(at[p], lanes.nonEmpty(local.queues[lane.index()][p])));
			}
			local.enabled = some;
			local.queues[lane.index()] = lanes.dequeue(local.queues[lane.index()], lane, at);
		}
		case DUPLICATE -> {
			// semantics §4.3: at most capacity copies in flight, beside the procedure's own messages
			Slot[] slots = local.queues[action.lane().index()];
			local.enabled = circuit.and(lanes.nonEmpty(slots[0]), circuit.not(lanes.atLeast(lanes.copyFlags(slots),
					action.lane()
					.capacity())));
			local.queues[action.lane().index()] = lanes.enqueue(local.queues[action.lane().index()], action.lane(),
					lanes.withCopy(slots[0], Circuit.TRUE), Circuit.TRUE);
		}
		case REPLAY -> {
			Slot[] slots = local.queues[action.lane().index()];
			Slot old = local.replayable[action.lane().index()];
			local.enabled = circuit.and(lanes.nonEmpty(old), circuit.not(lanes.atLeast(lanes.copyFlags(slots), action.lane()
					.capacity())));
			local.queues[action.lane().index()] = lanes.enqueue(local.queues[action.lane().index()], action.lane(),
					lanes.withCopy(old, Circuit.TRUE), Circuit.TRUE);
		}
		case DISCARD -> {
			Lane lane = action.lane();
			int[] at = lanes.positions(lane, slotInput, lane.has(Fault.REORDERING));
			Slot message = lanes.pick(local.queues[lane.index()], at);
			int mismatch = circuit.not(message.mac().equalTo(circuit, local.variables[layout.indexOf(lane.receiverKey())]));
			local.enabled = circuit.and(circuit.or(at), circuit.and(lanes.nonEmpty(message), mismatch));
			local.queues[lane.index()] = lanes.dequeue(local.queues[lane.index()], lane, at);
		}
		}
	}

	private void transition(LocalMove local, Transition transition, SymbolicValue slotInput,
			TransitionEncoding.Inputs inputs) {
		Receive receive = transition.getReceive();
		SymbolicValue[] receivedFields = null;
		MessageType receivedType = null;
		int receiveOk = Circuit.TRUE;
		Lane lane = null;
		int[] at = null;
		Slot received = null;
		if (receive != null) {
			lane = layout.lane(receive.getChannel(), transition.getActor(), true);
			if (!lane.messages().contains(receive.getMessage())) {
				// nobody sends this message on this lane: the step can never happen
				local.enabled = Circuit.FALSE;
				return;
			}
			at = lanes.positions(lane, slotInput, lane.has(Fault.REORDERING));
			received = lanes.pick(local.queues[lane.index()], at);
			receivedType = receive.getMessage();
			receivedFields = received.fields()[lane.messages().indexOf(receivedType)];
			receiveOk = circuit.and(circuit.or(at), received.tag().is(circuit, lane.tagOf(receivedType)));
			if (lane.keyed()) {
				receiveOk = circuit.and(receiveOk,
						received.mac().equalTo(circuit, local.variables[layout.indexOf(lane.receiverKey())]));
			}
		}
		int[] overflow = { Circuit.FALSE };
		if (transition.getLookup() != null) {
			// semantics §3.7: the move locates the entry of the session its input names
			local.sessions = local.sessions.bind(transition.getLookup(), SymbolicValue.decode(circuit, entryDomain,
					inputs.entry()));
		}
		SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(local.variables, receivedFields, receivedType,
				t -> Circuit.FALSE, true).with(local.sessions);
		if (transition.getLookup() != null) {
			receiveOk = circuit.and(receiveOk, evaluator.evaluate(circuit, transition.getLookup().getCondition(), env,
					receiveOk, overflow).truth(circuit));
		}
		int guard = transition.getGuard() == null ? Circuit.TRUE
				: evaluator.evaluate(circuit, transition.getGuard(), env, receiveOk, overflow).truth(circuit);
		local.enabled = circuit.and(receiveOk, guard);
		// a guard that exceeds a bound is a bound of the model whether or not it would hold
		int guardOverflow = overflow[0];
		if (receive != null) {
			local.queues[lane.index()] = lanes.dequeue(local.queues[lane.index()], lane, at);
			if (local.replayable[lane.index()] != null) {
				local.replayable[lane.index()] = lanes.withCopy(received, Circuit.FALSE);
			}
		}
		overflow[0] = Circuit.FALSE;
		run(local, transition.getBody(), transition, Circuit.TRUE, receivedFields, receivedType, inputs, overflow);
		local.overflow = circuit.or(guardOverflow, circuit.and(local.enabled, overflow[0]));
		local.enabled = circuit.or(local.enabled, guardOverflow);
	}

	private void run(LocalMove local, List<Statement> statements, Transition transition, int pathCondition,
			SymbolicValue[] receivedFields, MessageType receivedType, TransitionEncoding.Inputs inputs, int[] overflow) {
		for (Statement statement : statements) {
			SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(local.variables, receivedFields, receivedType,
				t -> Circuit.FALSE, true).with(local.sessions);
			switch (statement) {
			case Assignment assignment -> {
				// a value out of range blocks the step, even where the variable is outside the cone
				SymbolicValue value = evaluator.evaluate(circuit, assignment.getValue(), env, pathCondition, overflow);
				Domain domain = layout.domain(assignment.getVariable());
				overflow[0] = circuit.or(overflow[0], circuit.and(pathCondition, value.outside(circuit, domain)));
				if (!cone.contains(assignment.getVariable())) {
					continue;
				}
				int v = layout.indexOf(assignment.getVariable());
				local.variables[v] = SymbolicValue.ite(circuit, pathCondition, value, local.variables[v]);
			}
			case Send send -> {
				Lane lane = layout.lane(send.getChannel(), transition.getActor(), false);
				MessageType message = send.getMessage();
				SymbolicValue[] values = new SymbolicValue[message.getFields().size()];
				for (int f = 0; f < values.length; f++) {
					MessageField field = message.getFields().get(f);
					values[f] = SymbolicValue.constant(Domain.NONE);
					for (FieldValue argument : send.getArguments()) {
						if (argument.getField() == field) {
							values[f] = evaluator.evaluate(circuit, argument.getValue(), env, pathCondition, overflow);
						}
					}
					overflow[0] = circuit.or(overflow[0],
							circuit.and(pathCondition, values[f].outside(circuit, layout.domain(field))));
				}
				Slot[] slots = local.queues[lane.index()];
				if (send.isInjected()) {
					// semantics §4.5: never blocks; appended only while fewer than capacity non-procedure messages are in flight
					SymbolicValue mac = lane.keyed() && send.getMac() != null
							? evaluator.evaluate(circuit, send.getMac(), env, pathCondition, overflow)
							: SymbolicValue.constant(Domain.NONE);
					int room = circuit.not(lanes.atLeast(lanes.copyFlags(slots), lane.capacity()));
					local.queues[lane.index()] = lanes.enqueue(slots, lane, lanes.withCopy(lanes.message(lane, message,
							values, mac), Circuit.TRUE), circuit.and(pathCondition, room));
					continue;
				}
				// semantics §4.3: only the procedure's own messages count against the capacity
				overflow[0] = circuit.or(overflow[0], circuit.and(pathCondition, lanes.atLeast(lanes.ownFlags(slots), lane
						.capacity())));
				SymbolicValue mac = lane.keyed() ? local.variables[layout.indexOf(lane.senderKey())]
						: SymbolicValue.constant(Domain.NONE);
				local.queues[lane.index()] = lanes.enqueue(local.queues[lane.index()], lane, lanes.message(lane, message,
						values, mac), pathCondition);
			}
			case IfStatement conditional -> {
				int holds = evaluator.evaluate(circuit, conditional.getCondition(), env, pathCondition, overflow)
						.truth(circuit);
				run(local, conditional.getThen(), transition, circuit.and(pathCondition, holds), receivedFields,
						receivedType, inputs, overflow);
				run(local, conditional.getElse(), transition, circuit.and(pathCondition, circuit.not(holds)),
						receivedFields, receivedType, inputs, overflow);
			}
			case Choice choice -> {
				int index = layout.indexOf(choice);
				SymbolicValue branch = SymbolicValue.decode(circuit, Domain.range(0, choice.getBranches().size() - 1),
						inputs.choices()[index]);
				for (int b = 0; b < choice.getBranches().size(); b++) {
					run(local, choice.getBranches().get(b).getStatements(), transition,
							circuit.and(pathCondition, branch.is(circuit, b)), receivedFields, receivedType, inputs,
							overflow);
				}
			}
			default -> throw new IllegalArgumentException("Unknown statement " + statement.eClass().getName());
			}
		}
	}
}
