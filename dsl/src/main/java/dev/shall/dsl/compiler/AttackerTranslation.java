package dev.shall.dsl.compiler;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import dev.shall.dsl.shall.AttackerCapability;
import dev.shall.model.BinaryOperator;
import dev.shall.model.BoolType;
import dev.shall.model.Channel;
import dev.shall.model.Choice;
import dev.shall.model.Element;
import dev.shall.model.EnumType;
import dev.shall.model.Expression;
import dev.shall.model.Fault;
import dev.shall.model.IdentityType;
import dev.shall.model.IfStatement;
import dev.shall.model.IntType;
import dev.shall.model.Invariant;
import dev.shall.model.KeyAtom;
import dev.shall.model.KeyConstant;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyDerivation;
import dev.shall.model.KeyParameter;
import dev.shall.model.KeyType;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.ModelFactory;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Protection;
import dev.shall.model.Role;
import dev.shall.model.Send;
import dev.shall.model.StateVariable;
import dev.shall.model.Statement;
import dev.shall.model.Strength;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;
import dev.shall.model.Type;
import dev.shall.model.UnaryOperator;

/**
 * The attacker of a procedure (semantics §4.5) as a translation into the core language, as timers
 * and otherwise blocks are (ADR 0012, ADR 0015, ADR 0021): both semantics execute what this class
 * produces with the code of the clauses it translates into, so they cannot disagree about the
 * attacker without disagreeing about the core.
 *
 * <p>What it produces:
 * <ul>
 * <li>a shared role {@code attacker} ({@link Role#isAttacker()}) whose shared boolean variables are
 * the attacker's <b>knowledge</b>: one bit per key term of every key the attacker can learn (the key
 * types of the fields of messages on channels it eavesdrops, and of its initial knowledge), initially
 * true for the terms it {@code knows};</li>
 * <li>after every honest {@code send} on a channel it eavesdrops, the statements that set the bit of
 * every key term the message carries in a field (not a {@code proof of} field), when the attacker
 * can read the message: always on an unciphered lane; on a ciphered one when the sender's key is
 * none (ciphering not started) or known to the attacker;</li>
 * <li>for every lane it may inject on and every message type the lane's receiver takes or its sender
 * sends on it, an event of kind {@link TransitionKind#INJECTION} that chooses every field (any value
 * of its type; for a key or proof field any term) and the protecting key (none or any term of the
 * lane's key), and sends the message, marked injected, when the attacker knows every key term it
 * chose;</li>
 * <li>the faults {@code drop} (loss) and {@code replay} on the channels where the attacker has them.</li>
 * </ul>
 * Knowledge is one-way down the derivations: the attacker knows a term when it holds its bit or
 * knows the term's parent (it can apply the public KDF with any public input); knowing a derived
 * term never gives its parent.
 */
public final class AttackerTranslation {

	/** Most key-term bits of knowledge a procedure may have; beyond, the model is refused. */
	static final int MAX_KNOWLEDGE = 512;
	/** Most terms one key may have when the attacker chooses or tests among them. */
	public static final int MAX_TERMS = 4096;
	/** Most values of one field the attacker chooses among when it injects (the validator says so at the field). */
	public static final int MAX_CHOICES = 256;

	private static final ModelFactory F = ModelFactory.eINSTANCE;

	/** Places a generated element at the source element it comes from (the compiler's locator). */
	interface Locator {
		<T extends Element> T at(T element, EObject source);
	}

	/** A symbolic key term: an atom of a base key, or a derivation of a parent term with constant inputs. */
	record Term(KeyDecl decl, KeyAtom atom, Term parent, int[] arguments) {
		String describe() {
			if (atom != null) {
				return decl.getName() + "." + atom.getName();
			}
			StringBuilder text = new StringBuilder(decl.getName()).append('(').append(parent.describe());
			for (int argument : arguments) {
				text.append(", ").append(argument);
			}
			return text.append(')').toString();
		}
	}

	private final Procedure procedure;
	private final EObject source;
	private final Locator locator;
	private final Map<Channel, Set<AttackerCapability>> capabilities;
	private final Role role;
	private final Map<KeyDecl, List<Term>> terms = new IdentityHashMap<>();
	/** The knowledge bit of every term of every key the attacker can learn, by term description. */
	private final Map<String, StateVariable> knowledge = new LinkedHashMap<>();
	/** The properties {@code authentic M on c}, completed once the steps are known. */
	private final List<PendingAuthenticity> authenticities = new ArrayList<>();
	private final Map<MessageType, MessageField> injectedMarks = new IdentityHashMap<>();

	/** A property {@code authentic M on c [at step …]}: no accepting step (every handler when none is named) takes an injected M. */
	private record PendingAuthenticity(Invariant property, MessageType message, Channel channel,
			Set<Transition> accepting, EObject source) {
	}

	/**
	 * Declares the attacker's role and knowledge, and adds its faults to the channels. Called once
	 * roles, keys, messages and channels are compiled, before any step or property.
	 *
	 * @param capabilities per channel, what the attacker may do on it (the channel's own
	 *                     {@code attacker} clause, or the default of its protection)
	 * @param carried      per channel the attacker eavesdrops, the keys of the fields (not proofs)
	 *                     of the messages sent on it
	 * @param initial      the key terms of {@code knows}, constant
	 */
	AttackerTranslation(Procedure procedure, EObject source, String description, Locator locator,
			Map<Channel, Set<AttackerCapability>> capabilities, Map<Channel, Set<KeyDecl>> carried,
			List<Term> initial) {
		this.procedure = procedure;
		this.source = source;
		this.locator = locator;
		this.capabilities = capabilities;
		this.role = locator.at(F.createRole(), source);
		role.setName(dev.shall.model.frontend.AttackerNames.ROLE);
		role.setDisplayName(description != null ? description : "attacker");
		role.setShared(true);
		role.setAttacker(true);
		procedure.getRoles().add(role);
		for (Channel channel : procedure.getChannels()) {
			Set<AttackerCapability> on = capabilities.getOrDefault(channel, Set.of());
			if (on.contains(AttackerCapability.DROP) && !channel.getFaults().contains(Fault.LOSS)) {
				channel.getFaults().add(Fault.LOSS);
			}
			if (on.contains(AttackerCapability.REPLAY) && !channel.getFaults().contains(Fault.REPLAY)) {
				channel.getFaults().add(Fault.REPLAY);
			}
			if (on.contains(AttackerCapability.INJECT)) {
				channel.getFaults().add(Fault.INJECTION);
			}
		}
		Set<KeyDecl> keys = new LinkedHashSet<>();
		carried.values().forEach(keys::addAll);
		initial.forEach(term -> keys.add(term.decl()));
		Set<String> known = new LinkedHashSet<>();
		initial.forEach(term -> known.add(term.describe()));
		for (KeyDecl key : keys) {
			for (Term term : terms(key)) {
				if (knowledge.size() >= MAX_KNOWLEDGE) {
					throw new CompilationException("The attacker could learn more than " + MAX_KNOWLEDGE
							+ " key terms (" + key.getName() + " has " + terms(key).size()
							+ "); narrow the ranges of the key inputs");
				}
				StateVariable bit = locator.at(F.createStateVariable(), source);
				bit.setName("knows " + term.describe());
				bit.setType(locator.at(F.createBoolType(), source));
				dev.shall.model.BoolConstant value = locator.at(F.createBoolConstant(), source);
				value.setValue(known.contains(term.describe()));
				bit.setInitial(value);
				bit.setPerSession(false);
				role.getVariables().add(bit);
				knowledge.put(term.describe(), bit);
			}
		}
		// a ciphertext the attacker cannot read yet is recorded: one bit per key term a field carries
		// and key term it was ciphered under, which gives the term once the ciphering key is known
		for (Map.Entry<Channel, Set<KeyDecl>> entry : carried.entrySet()) {
			KeyDecl cipher = cipheringKey(entry.getKey());
			if (cipher == null) {
				continue;
			}
			for (KeyDecl key : entry.getValue()) {
				for (Term term : terms(key)) {
					for (Term under : terms(cipher)) {
						String name = "recorded " + term.describe() + " under " + under.describe();
						if (recorded.containsKey(name)) {
							continue;
						}
						if (knowledge.size() + recorded.size() >= MAX_KNOWLEDGE) {
							throw new CompilationException("The attacker could learn or record more than " + MAX_KNOWLEDGE
									+ " key terms (" + key.getName() + " ciphered under " + cipher.getName()
									+ "); narrow the ranges of the key inputs");
						}
						StateVariable bit = locator.at(F.createStateVariable(), source);
						bit.setName(name);
						bit.setType(locator.at(F.createBoolType(), source));
						bit.setInitial(bool(false, source));
						bit.setPerSession(false);
						role.getVariables().add(bit);
						recorded.put(name, bit);
						recordings.computeIfAbsent(term.describe(), d -> new ArrayList<>()).add(new Recording(under, bit));
					}
				}
			}
		}
	}

	/** A ciphertext recorded: the term it was ciphered under, and the bit that says it was seen. */
	private record Recording(Term under, StateVariable bit) {
	}

	/** The recording bits by name, and per carried term the recordings of it. */
	private final Map<String, StateVariable> recorded = new LinkedHashMap<>();
	private final Map<String, List<Recording>> recordings = new LinkedHashMap<>();

	/** The key a channel ciphers with, when it is ciphered and keyed; null otherwise. */
	private static KeyDecl cipheringKey(Channel channel) {
		boolean ciphered = channel.getProtection() == Protection.CIPHERING
				|| channel.getProtection() == Protection.INTEGRITY_AND_CIPHERING;
		return ciphered && channel.getKeyA() != null && channel.getKeyB() != null ? keyOf(channel.getKeyA().getType())
				: null;
	}

	Role role() {
		return role;
	}

	private boolean can(Channel channel, AttackerCapability capability) {
		return capabilities.getOrDefault(channel, Set.of()).contains(capability);
	}

	// ------------------------------------------------------------------ key terms and knowledge

	/** Every term of the key, in no particular order (the expressions compare them, never their numbers). */
	List<Term> terms(KeyDecl key) {
		List<Term> known = terms.get(key);
		if (known != null) {
			return known;
		}
		List<Term> result = new ArrayList<>();
		if (key.getParents().isEmpty()) {
			for (KeyAtom atom : key.getAtoms()) {
				result.add(new Term(key, atom, null, null));
			}
		} else {
			List<KeyParameter> parameters = key.getParameters();
			for (KeyDecl parent : key.getParents()) {
				for (Term base : terms(parent)) {
					int[] arguments = new int[parameters.size()];
					for (int i = 0; i < arguments.length; i++) {
						arguments[i] = parameters.get(i).getMin();
					}
					while (true) {
						result.add(new Term(key, null, base, arguments.clone()));
						if (result.size() > MAX_TERMS) {
							throw new CompilationException("The key " + key.getName() + " has more than " + MAX_TERMS
									+ " terms for the attacker to consider; narrow the ranges of its inputs");
						}
						int i = arguments.length - 1;
						while (i >= 0 && arguments[i] == parameters.get(i).getMax()) {
							arguments[i] = parameters.get(i).getMin();
							i--;
						}
						if (i < 0) {
							break;
						}
						arguments[i]++;
					}
				}
			}
		}
		terms.put(key, result);
		return result;
	}

	/** The term a constant key expression denotes ({@code KeNB.current}, {@code SKeNB(KeNB.current, 1)}), or null. */
	static Term constantTerm(Expression expression) {
		switch (expression) {
		case KeyConstant constant -> {
			return new Term((KeyDecl) constant.getAtom().eContainer(), constant.getAtom(), null, null);
		}
		case KeyDerivation derivation -> {
			Term parent = constantTerm(derivation.getBase());
			if (parent == null) {
				return null;
			}
			int[] arguments = new int[derivation.getArguments().size()];
			for (int i = 0; i < arguments.length; i++) {
				if (!(derivation.getArguments().get(i) instanceof dev.shall.model.IntConstant value)) {
					return null;
				}
				arguments[i] = value.getValue();
			}
			return new Term(derivation.getKey(), null, parent, arguments);
		}
		default -> {
			return null;
		}
		}
	}

	private Expression termExpression(Term term, EObject at) {
		if (term.atom() != null) {
			KeyConstant constant = locator.at(F.createKeyConstant(), at);
			constant.setAtom(term.atom());
			return constant;
		}
		KeyDerivation derivation = locator.at(F.createKeyDerivation(), at);
		derivation.setKey(term.decl());
		derivation.setBase(termExpression(term.parent(), at));
		for (int argument : term.arguments()) {
			derivation.getArguments().add(intConstant(argument, at));
		}
		return derivation;
	}

	/** Whether the attacker knows the term: its bit, or the knowledge of its parent term; null when it never can. */
	private Expression knowsTerm(Term term, EObject at) {
		return knowsTerm(term, new java.util.HashSet<>(), at);
	}

	/**
	 * The knowledge of a term: its bit, its parent's knowledge, or a recording of it under a term the
	 * attacker knows. {@code along}: the terms whose knowledge this one is part of; a term met again
	 * on the way contributes nothing, which computes the least fixpoint (a derivation of knowledge
	 * never needs a term twice on one path).
	 */
	private Expression knowsTerm(Term term, Set<String> along, EObject at) {
		if (!along.add(term.describe())) {
			return null;
		}
		try {
			StateVariable bit = knowledge.get(term.describe());
			Expression result = bit == null ? null : ref(bit, at);
			Expression parent = term.parent() == null ? null : knowsTerm(term.parent(), along, at);
			result = result == null ? parent : parent == null ? result : or(result, parent, at);
			for (Recording recording : recordings.getOrDefault(term.describe(), List.of())) {
				Expression opened = knowsTerm(recording.under(), along, at);
				if (opened != null) {
					Expression both = and(ref(recording.bit(), at), opened, at);
					result = result == null ? both : or(result, both, at);
				}
			}
			return result;
		} finally {
			along.remove(term.describe());
		}
	}

	/**
	 * {@code attacker knows e}: the disjunction over the terms t of e's key of {@code e == t and}
	 * [the attacker knows t]; false when the attacker can never know a term of the key. An absent
	 * key ({@code none}) is known to nobody.
	 */
	Expression knows(Expression key, KeyDecl decl, EObject at) {
		Expression result = null;
		for (Term term : terms(decl)) {
			Expression known = knowsTerm(term, at);
			if (known == null) {
				continue;
			}
			Expression is = binary(BinaryOperator.EQ, EcoreUtil.copy(key), termExpression(term, at), at);
			Expression both = and(is, known, at);
			result = result == null ? both : or(result, both, at);
		}
		return result == null ? bool(false, at) : result;
	}

	// ------------------------------------------------------------------ properties

	/** {@code secret e}: the invariant {@code not attacker knows e} (semantics §6.7). */
	Invariant secret(Expression key, KeyDecl decl, EObject at) {
		Invariant result = F.createInvariant();
		result.setCondition(not(knows(key, decl, at), at));
		return result;
	}

	/**
	 * {@code authentic M on c} (semantics §6.7): its condition is filled in by {@link #finish()},
	 * when the steps that accept M on c are known: no accepting step has taken an injected M.
	 */
	Invariant authentic(MessageType message, Channel channel, Set<Transition> accepting, EObject at) {
		Invariant result = F.createInvariant();
		authenticities.add(new PendingAuthenticity(result, message, channel, accepting, at));
		injectedMark(message, at);
		return result;
	}

	/** The field that marks a message as injected; honest sends leave it none. */
	private MessageField injectedMark(MessageType message, EObject at) {
		return injectedMarks.computeIfAbsent(message, m -> {
			MessageField field = locator.at(F.createMessageField(), at);
			field.setName(dev.shall.model.frontend.AttackerNames.INJECTED_MARK);
			OptionalType type = locator.at(F.createOptionalType(), at);
			type.setElement(locator.at(F.createBoolType(), at));
			field.setType(type);
			m.getFields().add(field);
			return field;
		});
	}

	// ------------------------------------------------------------------ behaviour

	/** Adds learning to honest sends, the injection events and the authenticity flags; called after every transition is compiled. */
	void finish() {
		for (Transition transition : new ArrayList<>(procedure.getTransitions())) {
			learn(transition.getBody(), transition);
		}
		for (Channel channel : procedure.getChannels()) {
			if (!can(channel, AttackerCapability.INJECT)) {
				continue;
			}
			inject(channel, channel.getEndpointA(), channel.getEndpointB());
			if (channel.isBidirectional()) {
				inject(channel, channel.getEndpointB(), channel.getEndpointA());
			}
		}
		for (PendingAuthenticity pending : authenticities) {
			completeAuthenticity(pending);
		}
	}

	private void learn(List<Statement> statements, Transition transition) {
		for (int i = 0; i < statements.size(); i++) {
			switch (statements.get(i)) {
			case Send send when can(send.getChannel(), AttackerCapability.EAVESDROP) -> {
				Statement learning = learning(send, transition);
				if (learning != null) {
					statements.add(i + 1, learning);
					i++;
				}
			}
			case IfStatement conditional -> {
				learn(conditional.getThen(), transition);
				learn(conditional.getElse(), transition);
			}
			case Choice choice -> choice.getBranches().forEach(branch -> learn(branch.getStatements(), transition));
			default -> {
			}
			}
		}
	}

	/** {@code if readable { if f == t { knows t := true } … }} for the key fields of the send, or null. */
	private Statement learning(Send send, Transition transition) {
		List<Statement> learned = new ArrayList<>();
		for (dev.shall.model.FieldValue argument : send.getArguments()) {
			MessageField field = argument.getField();
			KeyDecl key = keyOf(field.getType());
			if (key == null || field.isProof()) {
				continue;
			}
			for (Term term : terms(key)) {
				StateVariable bit = knowledge.get(term.describe());
				if (bit == null) {
					continue;
				}
				IfStatement learn = locator.at(F.createIfStatement(), send);
				learn.setCondition(binary(BinaryOperator.EQ, EcoreUtil.copy(argument.getValue()), termExpression(term,
						send), send));
				learn.getThen().add(assign(bit, bool(true, send), send));
				learned.add(learn);
			}
		}
		if (learned.isEmpty()) {
			return null;
		}
		IfStatement readable = locator.at(F.createIfStatement(), send);
		readable.setCondition(readable(send.getChannel(), transition.getActor(), send));
		readable.getThen().addAll(learned);
		readable.getElse().addAll(recording(send, transition));
		return readable;
	}

	/**
	 * On a ciphered channel whose sender has a key: {@code if k == t { if f == u { recorded u under t
	 * := true } … } …} over the sender's key terms t and the carried terms u (semantics §4.5).
	 */
	private List<Statement> recording(Send send, Transition transition) {
		List<Statement> result = new ArrayList<>();
		Channel channel = send.getChannel();
		KeyDecl cipher = cipheringKey(channel);
		if (cipher == null) {
			return result;
		}
		StateVariable senderKey = transition.getActor() == channel.getEndpointA() ? channel.getKeyA() : channel.getKeyB();
		for (Term under : terms(cipher)) {
			IfStatement ciphered = locator.at(F.createIfStatement(), send);
			ciphered.setCondition(binary(BinaryOperator.EQ, ref(senderKey, send), termExpression(under, send), send));
			for (dev.shall.model.FieldValue argument : send.getArguments()) {
				KeyDecl key = keyOf(argument.getField().getType());
				if (key == null || argument.getField().isProof()) {
					continue;
				}
				for (Term term : terms(key)) {
					StateVariable bit = recorded.get("recorded " + term.describe() + " under " + under.describe());
					if (bit == null) {
						continue;
					}
					IfStatement record = locator.at(F.createIfStatement(), send);
					record.setCondition(binary(BinaryOperator.EQ, EcoreUtil.copy(argument.getValue()), termExpression(term,
							send), send));
					record.getThen().add(assign(bit, bool(true, send), send));
					ciphered.getThen().add(record);
				}
			}
			if (!ciphered.getThen().isEmpty()) {
				result.add(ciphered);
			}
		}
		return result;
	}

	/** Whether the attacker can read what the role sends on the channel: always unless it is ciphered under a key the attacker does not know. */
	private Expression readable(Channel channel, Role sender, EObject at) {
		StateVariable key = sender == channel.getEndpointA() ? channel.getKeyA() : channel.getKeyB();
		if (cipheringKey(channel) == null) {
			return bool(true, at);
		}
		Expression none = binary(BinaryOperator.EQ, ref(key, at), locator.at(F.createNoneConstant(), at), at);
		return or(none, knows(ref(key, at), keyOf(key.getType()), at), at);
	}

	/** One injection event per message type the receiver takes on the channel or the sender sends on it. */
	private void inject(Channel channel, Role sender, Role receiver) {
		Set<MessageType> messages = new LinkedHashSet<>();
		for (Transition transition : procedure.getTransitions()) {
			if (transition.getKind() == TransitionKind.INJECTION) {
				continue;
			}
			if (transition.getActor() == receiver && transition.getReceive() != null
					&& transition.getReceive().getChannel() == channel) {
				messages.add(transition.getReceive().getMessage());
			}
			if (transition.getActor() == sender) {
				for (var it = transition.eAllContents(); it.hasNext();) {
					if (it.next() instanceof Send send && send.getChannel() == channel && !send.isInjected()) {
						messages.add(send.getMessage());
					}
				}
			}
		}
		StateVariable senderKey = sender == channel.getEndpointA() ? channel.getKeyA() : channel.getKeyB();
		StateVariable receiverKey = sender == channel.getEndpointA() ? channel.getKeyB() : channel.getKeyA();
		boolean keyed = senderKey != null && receiverKey != null;
		for (MessageType message : messages) {
			procedure.getTransitions().add(injection(channel, sender, receiver, message, keyed ? keyOf(receiverKey
					.getType()) : null));
		}
	}

	private Transition injection(Channel channel, Role sender, Role receiver, MessageType message, KeyDecl macKey) {
		Transition result = locator.at(F.createTransition(), source);
		result.setName("attacker injects " + message.getName() + " on " + channel.getName() + "(" + sender.getName()
				+ "→" + receiver.getName() + ")");
		result.setKind(TransitionKind.INJECTION);
		result.setStrength(Strength.MAY);
		// the lane's sender is the move's role: the message goes into its lane of the session (semantics §4.5)
		result.setActor(sender);
		List<Statement> body = result.getBody();
		List<Statement> resets = new ArrayList<>();
		Expression buildable = null;
		Send send = locator.at(F.createSend(), source);
		send.setChannel(channel);
		send.setMessage(message);
		send.setInjected(true);
		MessageField mark = injectedMarks.get(message);
		for (MessageField field : message.getFields()) {
			dev.shall.model.FieldValue argument = locator.at(F.createFieldValue(), source);
			argument.setField(field);
			if (field == mark) {
				argument.setValue(bool(true, source));
				send.getArguments().add(argument);
				continue;
			}
			StateVariable scratch = scratch(message.getName() + "." + field.getName(), field.getType());
			body.add(chooseAny(scratch, field.getType()));
			resets.add(assign(scratch, locator.at(F.createNoneConstant(), source), source));
			argument.setValue(ref(scratch, source));
			send.getArguments().add(argument);
			KeyDecl key = keyOf(field.getType());
			if (key != null) {
				// a key or a proof of a key: the attacker must know the key (an absent one is free)
				Expression free = or(binary(BinaryOperator.EQ, ref(scratch, source), locator.at(F.createNoneConstant(),
						source), source), knows(ref(scratch, source), key, source), source);
				buildable = buildable == null ? free : and(buildable, free, source);
			}
		}
		if (macKey != null) {
			StateVariable mac = scratch("protection of " + message.getName() + " on " + channel.getName(), keyType(
					macKey));
			// none (no protection: passes only a receiver without a key) or any term of the receiver's key
			OptionalType protection = locator.at(F.createOptionalType(), source);
			protection.setElement(keyType(macKey));
			body.add(chooseAny(mac, protection));
			resets.add(assign(mac, locator.at(F.createNoneConstant(), source), source));
			send.setMac(ref(mac, source));
			// a message protected with no key passes only a receiver that has none; with a key, only if known
			Expression free = or(binary(BinaryOperator.EQ, ref(mac, source), locator.at(F.createNoneConstant(), source),
					source), knows(ref(mac, source), macKey, source), source);
			buildable = buildable == null ? free : and(buildable, free, source);
		}
		if (buildable == null) {
			body.add(send);
		} else {
			IfStatement guarded = locator.at(F.createIfStatement(), source);
			guarded.setCondition(buildable);
			guarded.getThen().add(send);
			body.add(guarded);
		}
		body.addAll(resets);
		return result;
	}

	private final Map<String, StateVariable> scratches = new LinkedHashMap<>();

	/**
	 * A variable of the attacker, per session, that holds a chosen value within one move and is
	 * none again at its end (so that it is never state that differs between states).
	 */
	private StateVariable scratch(String name, Type type) {
		return scratches.computeIfAbsent(name, n -> {
			StateVariable variable = locator.at(F.createStateVariable(), source);
			variable.setName("chosen " + n);
			OptionalType optional = locator.at(F.createOptionalType(), source);
			optional.setElement(EcoreUtil.copy(type instanceof OptionalType o ? o.getElement() : type));
			variable.setType(optional);
			variable.setInitial(locator.at(F.createNoneConstant(), source));
			variable.setPerSession(true);
			role.getVariables().add(variable);
			return variable;
		});
	}

	/** {@code either { x := v1 } or … } over every value of the type (none too when it is optional). */
	private Statement chooseAny(StateVariable variable, Type type) {
		List<Expression> values = new ArrayList<>();
		Type element = type instanceof OptionalType o ? o.getElement() : type;
		if (type instanceof OptionalType) {
			values.add(locator.at(F.createNoneConstant(), source));
		}
		switch (element) {
		case BoolType b -> {
			values.add(bool(false, source));
			values.add(bool(true, source));
		}
		case IntType range -> {
			if ((long) range.getMax() - range.getMin() >= MAX_CHOICES) {
				throw new CompilationException("The attacker cannot choose among the " + ((long) range.getMax() - range
						.getMin() + 1) + " values of " + variable.getName() + "; narrow its range");
			}
			for (int v = range.getMin(); v <= range.getMax(); v++) {
				values.add(intConstant(v, source));
			}
		}
		case EnumType enumeration -> {
			for (dev.shall.model.EnumLiteral literal : enumeration.getDecl().getLiterals()) {
				dev.shall.model.EnumConstant constant = locator.at(F.createEnumConstant(), source);
				constant.setLiteral(literal);
				values.add(constant);
			}
		}
		case IdentityType identity -> {
			for (int v = 1; v <= identity.getDecl().getSize(); v++) {
				values.add(intConstant(v, source));
			}
		}
		case KeyType key -> {
			for (Term term : terms(key.getDecl())) {
				values.add(termExpression(term, source));
			}
		}
		default -> throw new CompilationException("The attacker cannot choose a value of " + variable.getName());
		}
		Choice choice = locator.at(F.createChoice(), source);
		for (Expression value : values) {
			dev.shall.model.Branch branch = locator.at(F.createBranch(), source);
			branch.getStatements().add(assign(variable, value, source));
			choice.getBranches().add(branch);
		}
		return choice;
	}

	/**
	 * Every step and event of a receiver that takes M on c raises the receiver's flag when the
	 * message it took was injected; the property is that no flag of the session is ever raised.
	 */
	private void completeAuthenticity(PendingAuthenticity pending) {
		MessageField mark = injectedMarks.get(pending.message());
		Map<Role, StateVariable> flags = new LinkedHashMap<>();
		for (Transition transition : procedure.getTransitions()) {
			boolean accepts = (transition.getKind() == TransitionKind.STEP
					|| transition.getKind() == TransitionKind.ENVIRONMENT) && transition.getReceive() != null
					&& transition.getReceive().getMessage() == pending.message()
					&& transition.getReceive().getChannel() == pending.channel()
					&& (pending.accepting().isEmpty() || pending.accepting().contains(transition));
			if (!accepts) {
				continue;
			}
			StateVariable flag = flags.computeIfAbsent(transition.getActor(), actor -> {
				StateVariable variable = locator.at(F.createStateVariable(), pending.source());
				variable.setName("accepted injected " + pending.message().getName() + " on " + pending.channel()
						.getName());
				variable.setType(locator.at(F.createBoolType(), pending.source()));
				variable.setInitial(bool(false, pending.source()));
				variable.setPerSession(true);
				actor.getVariables().add(variable);
				return variable;
			});
			IfStatement raise = locator.at(F.createIfStatement(), pending.source());
			dev.shall.model.ReceivedField injected = locator.at(F.createReceivedField(), pending.source());
			injected.setField(mark);
			raise.setCondition(binary(BinaryOperator.EQ, injected, bool(true, pending.source()), pending.source()));
			raise.getThen().add(assign(flag, bool(true, pending.source()), pending.source()));
			transition.getBody().add(0, raise);
		}
		Expression none = bool(true, pending.source());
		for (StateVariable flag : flags.values()) {
			none = and(none, not(ref(flag, pending.source()), pending.source()), pending.source());
		}
		pending.property().setCondition(none);
	}

	// ------------------------------------------------------------------ helpers

	static KeyDecl keyOf(Type type) {
		return switch (type) {
		case OptionalType optional -> keyOf(optional.getElement());
		case KeyType key -> key.getDecl();
		case null, default -> null;
		};
	}

	private KeyType keyType(KeyDecl decl) {
		KeyType type = locator.at(F.createKeyType(), source);
		type.setDecl(decl);
		return type;
	}

	private dev.shall.model.VariableRef ref(StateVariable variable, EObject at) {
		dev.shall.model.VariableRef ref = locator.at(F.createVariableRef(), at);
		ref.setVariable(variable);
		return ref;
	}

	private dev.shall.model.Assignment assign(StateVariable variable, Expression value, EObject at) {
		dev.shall.model.Assignment assignment = locator.at(F.createAssignment(), at);
		assignment.setVariable(variable);
		assignment.setValue(value);
		return assignment;
	}

	private Expression bool(boolean value, EObject at) {
		dev.shall.model.BoolConstant constant = locator.at(F.createBoolConstant(), at);
		constant.setValue(value);
		return constant;
	}

	private Expression intConstant(int value, EObject at) {
		dev.shall.model.IntConstant constant = locator.at(F.createIntConstant(), at);
		constant.setValue(value);
		return constant;
	}

	private Expression binary(BinaryOperator operator, Expression left, Expression right, EObject at) {
		dev.shall.model.Binary binary = locator.at(F.createBinary(), at);
		binary.setOperator(operator);
		binary.setLeft(left);
		binary.setRight(right);
		return binary;
	}

	private Expression and(Expression left, Expression right, EObject at) {
		return binary(BinaryOperator.AND, left, right, at);
	}

	private Expression or(Expression left, Expression right, EObject at) {
		return binary(BinaryOperator.OR, left, right, at);
	}

	private Expression not(Expression operand, EObject at) {
		dev.shall.model.Unary unary = locator.at(F.createUnary(), at);
		unary.setOperator(UnaryOperator.NOT);
		unary.setOperand(operand);
		return unary;
	}

	/** The capabilities of a channel: its own clause, or the default of its protection (semantics §4.5). */
	public static Set<AttackerCapability> capabilities(dev.shall.dsl.shall.Channel channel) {
		dev.shall.dsl.shall.AttackerCapabilities clause = channel.getAttacker();
		if (clause != null) {
			EnumSet<AttackerCapability> result = clause.isNone() ? EnumSet.noneOf(AttackerCapability.class)
					: EnumSet.copyOf(clause.getCapabilities());
			// modify: take a message and put another in its place; symbolically that is a drop and an
			// injection, since a proof (a MAC) covers the message it was computed over and cannot be kept
			// with other fields changed
			if (result.remove(AttackerCapability.MODIFY)) {
				result.add(AttackerCapability.DROP);
				result.add(AttackerCapability.INJECT);
			}
			return result;
		}
		return switch (channel.getProtection()) {
		case dev.shall.dsl.shall.NdsIp ndsip -> EnumSet.noneOf(AttackerCapability.class);
		// 3GPP integrity protection comes with replay protection (a COUNT in the MAC input: TS 24.301
		// 4.4.3.2 for NAS, TS 36.323 5.1.2.1 for PDCP), which a model need not spell out
		case dev.shall.dsl.shall.KeyedProtection keyed when keyed.getKeyA() != null -> EnumSet.of(
				AttackerCapability.EAVESDROP, AttackerCapability.INJECT, AttackerCapability.DROP);
		// protection declared without its keys: the model cannot tell a forged MAC or read a ciphertext,
		// so the attacker is given neither (reading only where nothing is ciphered)
		case dev.shall.dsl.shall.KeyedProtection keyed -> keyed.getKind() == dev.shall.dsl.shall.ProtectionKind.INTEGRITY
				? EnumSet.of(AttackerCapability.EAVESDROP, AttackerCapability.DROP) : EnumSet.of(AttackerCapability.DROP);
		case null, default -> EnumSet.allOf(AttackerCapability.class);
		};
	}
}
