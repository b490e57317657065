package dev.shall.checker.lowering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

import dev.shall.model.Channel;
import dev.shall.model.Choice;
import dev.shall.model.EnumType;
import dev.shall.model.Fault;
import dev.shall.model.KeyType;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Role;
import dev.shall.model.Send;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;
import dev.shall.model.Type;

/**
 * The shape of one instance of a compiled procedure, shared by the explicit interpreter and the
 * SAT encoding so that both name the same things the same way: the variables with their
 * domains, the channel lanes, the actions (steps, events and channel faults) and the
 * nondeterministic choices. It holds no semantics; executing actions is the business of the
 * interpreter and of the encoder, separately.
 */
public final class Layout {

	private final Procedure procedure;
	private final KeyUniverse keys;
	private final List<StateVariable> variables = new ArrayList<>();
	private final Map<StateVariable, Integer> variableIndex = new IdentityHashMap<>();
	private final Map<StateVariable, Domain> domains = new IdentityHashMap<>();
	private final Map<MessageField, Domain> fieldDomains = new IdentityHashMap<>();
	private final List<Lane> lanes = new ArrayList<>();
	private final List<Action> actions = new ArrayList<>();
	private final List<Choice> choices = new ArrayList<>();
	private final Map<Choice, Integer> choiceIndex = new IdentityHashMap<>();
	/** Per action, the indices of the choices inside it (none for fault actions). */
	private final Map<Transition, List<Integer>> choicesInside = new IdentityHashMap<>();

	public Layout(Procedure procedure) {
		this.procedure = procedure;
		this.keys = new KeyUniverse(procedure);
		for (Role role : procedure.getRoles()) {
			for (StateVariable variable : role.getVariables()) {
				variableIndex.put(variable, variables.size());
				variables.add(variable);
				domains.put(variable, Domain.of(variable.getType(), keys));
			}
		}
		for (MessageType message : procedure.getMessages()) {
			for (MessageField field : message.getFields()) {
				fieldDomains.put(field, Domain.of(field.getType(), keys));
			}
		}
		for (Channel channel : procedure.getChannels()) {
			addLane(channel, channel.getEndpointA(), channel.getEndpointB(), channel.getKeyA(), channel.getKeyB());
			if (channel.isBidirectional()) {
				addLane(channel, channel.getEndpointB(), channel.getEndpointA(), channel.getKeyB(), channel.getKeyA());
			}
		}
		for (Transition transition : procedure.getTransitions()) {
			actions.add(new Action(actions.size(), Action.Kind.TRANSITION, transition, null));
			List<Integer> inside = new ArrayList<>();
			for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
				if (it.next() instanceof Choice choice) {
					choiceIndex.put(choice, choices.size());
					inside.add(choices.size());
					choices.add(choice);
				}
			}
			choicesInside.put(transition, List.copyOf(inside));
		}
		for (Lane lane : lanes) {
			if (lane.has(Fault.LOSS)) {
				actions.add(new Action(actions.size(), Action.Kind.LOSE, null, lane));
			}
			if (lane.has(Fault.DUPLICATION)) {
				actions.add(new Action(actions.size(), Action.Kind.DUPLICATE, null, lane));
			}
			if (lane.has(Fault.REPLAY)) {
				actions.add(new Action(actions.size(), Action.Kind.REPLAY, null, lane));
			}
			if (lane.keyed()) {
				actions.add(new Action(actions.size(), Action.Kind.DISCARD, null, lane));
			}
		}
	}

	private void addLane(Channel channel, Role sender, Role receiver, StateVariable senderKey,
			StateVariable receiverKey) {
		Set<MessageType> messages = new LinkedHashSet<>();
		for (Transition transition : procedure.getTransitions()) {
			if (transition.getActor() != sender) {
				continue;
			}
			for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
				if (it.next() instanceof Send send && send.getChannel() == channel) {
					messages.add(send.getMessage());
				}
			}
		}
		lanes.add(new Lane(lanes.size(), channel, sender, receiver, List.copyOf(messages), senderKey, receiverKey));
	}

	public Procedure procedure() {
		return procedure;
	}

	public KeyUniverse keys() {
		return keys;
	}

	public List<StateVariable> variables() {
		return variables;
	}

	public int indexOf(StateVariable variable) {
		return variableIndex.get(variable);
	}

	public Domain domain(StateVariable variable) {
		return domains.get(variable);
	}

	public Domain domain(MessageField field) {
		return fieldDomains.get(field);
	}

	/** The domain of the key tag of a keyed lane: the sender key's values. */
	public Domain macDomain(Lane lane) {
		return domains.get(lane.senderKey());
	}

	public List<Lane> lanes() {
		return lanes;
	}

	/** The lane on which the actor sends (or, with {@code receiving}, receives) over the channel. */
	public Lane lane(Channel channel, Role actor, boolean receiving) {
		for (Lane lane : lanes) {
			if (lane.channel() == channel && (receiving ? lane.receiver() : lane.sender()) == actor) {
				return lane;
			}
		}
		throw new IllegalArgumentException(actor.getName() + " has no lane on " + channel.getName());
	}

	public List<Action> actions() {
		return actions;
	}

	public Action action(Transition transition) {
		for (Action action : actions) {
			if (action.transition() == transition) {
				return action;
			}
		}
		throw new IllegalArgumentException("Unknown transition " + transition.getName());
	}

	public List<Choice> choices() {
		return choices;
	}

	public int indexOf(Choice choice) {
		return choiceIndex.get(choice);
	}

	/**
	 * Every combination of branches of the choices inside the action, as a vector indexed by choice
	 * index (entries of other choices 0); one all-zero vector when the action has no choice. These
	 * with the slots are the moves of the action (semantics §3.3).
	 */
	public List<int[]> choiceVectors(Action action) {
		List<int[]> vectors = new ArrayList<>();
		vectors.add(new int[choices.size()]);
		if (action.kind() != Action.Kind.TRANSITION) {
			return vectors;
		}
		for (int index : choicesInside.get(action.transition())) {
			List<int[]> extended = new ArrayList<>();
			for (int[] vector : vectors) {
				for (int branch = 0; branch < choices.get(index).getBranches().size(); branch++) {
					int[] copy = vector.clone();
					copy[index] = branch;
					extended.add(copy);
				}
			}
			vectors = extended;
		}
		return vectors;
	}

	/** The largest lane length: the range of the slot a receive or a loss picks. */
	public int maxLength() {
		return lanes.stream().mapToInt(Lane::length).max().orElse(1);
	}

	/** A value as an author reads it: {@code true}, {@code 3}, {@code connected}, {@code KeNB.old}, {@code none}. */
	public String describe(Type type, int value) {
		if (value == Domain.NONE) {
			return "none";
		}
		return switch (type) {
		case OptionalType optional -> describe(optional.getElement(), value);
		case EnumType enumeration -> enumeration.getDecl().getLiterals().get(value).getName();
		case KeyType key -> keys.describe(key.getDecl(), value);
		case dev.shall.model.BoolType bool -> value != 0 ? "true" : "false";
		default -> Integer.toString(value);
		};
	}

	/** Names used in traces for variables: {@code Role.variable}. */
	public static String qualifiedName(StateVariable variable) {
		return ((Role) variable.eContainer()).getName() + "." + variable.getName();
	}

}
