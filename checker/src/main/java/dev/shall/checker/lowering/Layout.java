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
import dev.shall.model.IfStatement;
import dev.shall.model.KeyType;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Role;
import dev.shall.model.Send;
import dev.shall.model.StateVariable;
import dev.shall.model.Statement;
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
	private final int[] sharedVariables;

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
		this.sharedVariables = variables.stream().filter(v -> !v.isPerSession()).mapToInt(variableIndex::get).toArray();
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
			for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
				if (it.next() instanceof Choice choice) {
					choiceIndex.put(choice, choices.size());
					choices.add(choice);
				}
			}
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

	/**
	 * The indices of the variables one copy of which serves every session (a shared role's
	 * variables not marked per session, semantics §1.3). Each session's vector holds the value, the
	 * same in all of them: a move that changes it changes it in every session's vector.
	 */
	public int[] sharedVariables() {
		return sharedVariables;
	}

	/**
	 * Whether the sessions are identical independent copies (semantics §1.2): no shared variable,
	 * no reading of another session's copy, no session-specific initial value ({@code unique}).
	 * Only then does a fact about one session alone (one instance) hold of each session of N.
	 */
	public boolean sessionsIndependent() {
		if (sharedVariables.length > 0) {
			return false;
		}
		for (TreeIterator<EObject> it = procedure.eAllContents(); it.hasNext();) {
			EObject next = it.next();
			if (next instanceof dev.shall.model.SessionBinder || next instanceof dev.shall.model.UniqueIdentity
					|| next instanceof dev.shall.model.VariableRef ref && ref.isOther()) {
				return false;
			}
		}
		return true;
	}

	public Domain domain(StateVariable variable) {
		return domains.get(variable);
	}

	public Domain domain(MessageField field) {
		return fieldDomains.get(field);
	}

	/** The domain of the key tag of a keyed lane: the sender key's values. */
	public Domain macDomain(Lane lane) {
		Domain sender = domains.get(lane.senderKey());
		// semantics §4.5: the attacker may protect an injection with no key, even where the sender's key is
		// never none; the lane's slots must hold that value (a mac outside the domain was clipped by the
		// encoding to a real key: the differential test's attacker models caught it)
		return lane.has(Fault.INJECTION) ? sender.withNone() : sender;
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
	 * The branch combinations of the choices inside the action that an execution can tell apart,
	 * as vectors indexed by choice index (entries of choices not on the path 0); one all-zero vector
	 * when the action has no choice. With the slots they are the moves of the action (semantics
	 * §3.3). A choice nested in a branch matters only when that branch is taken, and of the two
	 * sides of an {@code if} only one runs, so the count is the number of paths through the
	 * choices — 21 for 20 nested two-way choices, where the full product would be 2^20. The front
	 * end bounds it ({@code Limits.MAX_VALUES} per step).
	 */
	public List<int[]> choiceVectors(Action action) {
		if (action.kind() != Action.Kind.TRANSITION) {
			return List.of(new int[choices.size()]);
		}
		return paths(action.transition().getBody());
	}

	/** The branch combinations of a statement sequence: the product of its statements' own. */
	private List<int[]> paths(List<Statement> statements) {
		List<int[]> vectors = List.of(new int[choices.size()]);
		for (Statement statement : statements) {
			List<int[]> own = switch (statement) {
			case Choice choice -> {
				List<int[]> alternatives = new ArrayList<>();
				int index = indexOf(choice);
				for (int branch = 0; branch < choice.getBranches().size(); branch++) {
					for (int[] inside : paths(choice.getBranches().get(branch).getStatements())) {
						int[] vector = inside.clone();
						vector[index] = branch;
						alternatives.add(vector);
					}
				}
				yield alternatives;
			}
			case IfStatement conditional -> zip(paths(conditional.getThen()), paths(conditional.getElse()));
			default -> null;
			};
			if (own == null || own.size() == 1 && isZero(own.get(0))) {
				continue;
			}
			List<int[]> product = new ArrayList<>();
			for (int[] before : vectors) {
				for (int[] after : own) {
					product.add(sum(before, after));
				}
			}
			vectors = product;
		}
		return vectors;
	}

	/** Vectors for two exclusive parts (disjoint choices): each part's combinations all appear. */
	private static List<int[]> zip(List<int[]> left, List<int[]> right) {
		List<int[]> zipped = new ArrayList<>();
		for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
			zipped.add(sum(left.get(i < left.size() ? i : 0), right.get(i < right.size() ? i : 0)));
		}
		return zipped;
	}

	/** Two vectors over disjoint choices merged (entries outside a part are 0). */
	private static int[] sum(int[] a, int[] b) {
		int[] merged = a.clone();
		for (int c = 0; c < merged.length; c++) {
			merged[c] += b[c];
		}
		return merged;
	}

	private static boolean isZero(int[] vector) {
		for (int entry : vector) {
			if (entry != 0) {
				return false;
			}
		}
		return true;
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
		case dev.shall.model.IdentityType identity -> identity.getDecl().getName() + "#" + value;
		case dev.shall.model.BoolType bool -> value != 0 ? "true" : "false";
		default -> Integer.toString(value);
		};
	}

	/** Names used in traces for variables: {@code Role.variable}. */
	public static String qualifiedName(StateVariable variable) {
		return ((Role) variable.eContainer()).getName() + "." + variable.getName();
	}

}
