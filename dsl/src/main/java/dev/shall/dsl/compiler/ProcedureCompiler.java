package dev.shall.dsl.compiler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import dev.shall.dsl.shall.Argument;
import dev.shall.dsl.shall.Assignment;
import dev.shall.dsl.shall.Binary;
import dev.shall.dsl.shall.Block;
import dev.shall.dsl.shall.BoolLiteral;
import dev.shall.dsl.shall.BoolType;
import dev.shall.dsl.shall.Channel;
import dev.shall.dsl.shall.Choice;
import dev.shall.dsl.shall.Citation;
import dev.shall.dsl.shall.Delete;
import dev.shall.dsl.shall.Derivation;
import dev.shall.dsl.shall.EnumDecl;
import dev.shall.dsl.shall.EnumLiteral;
import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.Expectation;
import dev.shall.dsl.shall.Expression;
import dev.shall.dsl.shall.FaultKind;
import dev.shall.dsl.shall.Field;
import dev.shall.dsl.shall.FiredRef;
import dev.shall.dsl.shall.Formula;
import dev.shall.dsl.shall.If;
import dev.shall.dsl.shall.IntLiteral;
import dev.shall.dsl.shall.IntType;
import dev.shall.dsl.shall.KeyAtom;
import dev.shall.dsl.shall.KeyDecl;
import dev.shall.dsl.shall.KeyParameter;
import dev.shall.dsl.shall.KeyedProtection;
import dev.shall.dsl.shall.Message;
import dev.shall.dsl.shall.NameRef;
import dev.shall.dsl.shall.NamedType;
import dev.shall.dsl.shall.NdsIp;
import dev.shall.dsl.shall.NoneLiteral;
import dev.shall.dsl.shall.Not;
import dev.shall.dsl.shall.OptionCondition;
import dev.shall.dsl.shall.OptionDecl;
import dev.shall.dsl.shall.OptionValue;
import dev.shall.dsl.shall.OptionalType;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Receive;
import dev.shall.dsl.shall.Role;
import dev.shall.dsl.shall.Rule;
import dev.shall.dsl.shall.RuleLibrary;
import dev.shall.dsl.shall.RuleParameter;
import dev.shall.dsl.shall.Send;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.shall.Statement;
import dev.shall.dsl.shall.StartTimer;
import dev.shall.dsl.shall.Step;
import dev.shall.dsl.shall.StopTimer;
import dev.shall.dsl.shall.Timer;
import dev.shall.dsl.shall.TimerTest;
import dev.shall.dsl.shall.TypeRef;
import dev.shall.dsl.shall.Variable;
import dev.shall.model.BinaryOperator;
import dev.shall.model.CitedElement;
import dev.shall.model.Element;
import dev.shall.model.Fault;
import dev.shall.model.ModelFactory;
import dev.shall.model.OptionTest;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Protection;
import dev.shall.model.Strength;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;
import dev.shall.model.Type;
import dev.shall.model.UnaryOperator;
import dev.shall.model.Verdict;

/**
 * Compiles a validated {@code .shall} procedure into the model the checker reads. Rule
 * applications are expanded here, so that the model knows nothing of rule libraries beyond the
 * name of the rule each property came from. Every model element records where it was written.
 *
 * <p>The input must be free of validation errors; a construct that validation rejects raises
 * {@link CompilationException}.
 */
public final class ProcedureCompiler {

	private static final ModelFactory F = ModelFactory.eINSTANCE;

	/** AST declaration to the model element compiled from it. */
	private final Map<EObject, EObject> compiled = new IdentityHashMap<>();
	/** The arguments of the rule applications being expanded, innermost last. */
	private final Deque<Map<RuleParameter, Expression>> ruleArguments = new ArrayDeque<>();
	private String procedureSpec;

	/** Compiles the procedure of the file with the instance count it declares (1 if none). */
	public Procedure compile(ShallFile file) {
		if (file.getProcedure() == null) {
			throw new CompilationException("The file holds a rule library, not a procedure");
		}
		compiled.clear();
		timerStates = null;
		attacker = null;
		dev.shall.dsl.shall.Procedure source = file.getProcedure();
		// located like every other element: the bounds check and procedure-wide diagnostics point here
		Procedure procedure = located(F.createProcedure(), source);
		procedure.setName(source.getName());
		procedure.setTitle(source.getTitle());
		procedureSpec = source.getCitation() == null ? null : source.getCitation().getSpec();
		cite(procedure, source.getCitation(), source);
		procedure.setInstances(file.getInstances() == null ? 1 : file.getInstances().getCount());

		// declarations first, so that behaviour and properties can refer to any of them
		for (EObject member : source.getMembers()) {
			switch (member) {
			case EnumDecl decl -> procedure.getEnums().add(declare(decl));
			case KeyDecl decl -> procedure.getKeys().add(declare(decl));
			case dev.shall.dsl.shall.IdentityDecl decl -> procedure.getIdentities().add(declare(decl));
			case OptionDecl decl -> procedure.getOptions().add(declare(decl));
			case Role role -> procedure.getRoles().add(declare(role));
			case Message message -> procedure.getMessages().add(declare(message));
			default -> {
			}
			}
		}
		for (EObject member : source.getMembers()) {
			switch (member) {
			case KeyDecl decl -> completeKey(decl);
			case Role role -> completeRole(role);
			case Timer timer -> procedure.getTimers().add(timer(timer, procedure));
			case Message message -> completeMessage(message);
			case Channel channel -> procedure.getChannels().add(channel(channel));
			case Step step -> procedure.getTransitions().add(declare(step));
			case Event event -> procedure.getTransitions().add(declare(event));
			default -> {
			}
			}
		}
		for (EObject member : source.getMembers()) {
			if (member instanceof dev.shall.dsl.shall.AttackerDecl decl && attacker == null) {
				attacker = attacker(decl, source, procedure);
			}
		}
		for (EObject member : source.getMembers()) {
			switch (member) {
			case Step step -> {
				completeTransition(step, step.getReceive(), step.getGuard(), step.getBody());
				if (step.getExpiry() != null) {
					expiry(step);
				}
			}
			case Event event -> completeTransition(event, event.getReceive(), event.getGuard(), event.getBody());
			case PropertyDecl property -> procedure.getProperties().add(property(property));
			default -> {
			}
			}
		}
		// semantics §3.6: after every step, so that an otherwise or ignore sees every handler's guard;
		// appended, so that a model without them keeps its moves in the order it had
		for (EObject member : source.getMembers()) {
			switch (member) {
			case Step step when step.getOtherwise() != null -> procedure.getTransitions().add(otherwise(step, procedure));
			case dev.shall.dsl.shall.Handling handling when handling.getKind() == dev.shall.dsl.shall.HandlingKind.IGNORE ->
				procedure.getTransitions().add(ignore(handling, procedure));
			case dev.shall.dsl.shall.Handling handling -> procedure.getDeferrals().add(defer(handling));
			default -> {
			}
			}
		}
		if (attacker != null) {
			// semantics §4.5: after every step, otherwise and ignore, so that every honest send teaches
			// and every receiver's message types can be injected
			attacker.finish();
		}
		for (EObject member : source.getMembers()) {
			if (member instanceof dev.shall.dsl.shall.FindingExpectation expectation) {
				procedure.getFindingExpectations().add(findingExpectation(expectation));
			}
		}
		// traceability to the CR text (ADR 0016): the checker reads the CR, the model only names it
		for (EObject member : source.getMembers()) {
			switch (member) {
			case dev.shall.dsl.shall.CrReference cr -> procedure.setCr(cr.getPath());
			case dev.shall.dsl.shall.OutOfScope out -> {
				dev.shall.model.OutOfScope compiledOut = located(F.createOutOfScope(), out);
				compiledOut.setStatement(out.getStatement());
				compiledOut.setReason(out.getReason());
				procedure.getOutOfScope().add(compiledOut);
			}
			default -> {
			}
			}
		}
		return procedure;
	}

	// ------------------------------------------------------------------ the attacker (semantics §4.5)

	/** The procedure's attacker while it compiles, or null when it declares none. */
	private AttackerTranslation attacker;

	/**
	 * The attacker of the procedure: per channel its capabilities, the keys it can learn (those of
	 * the fields, not proofs, of every message sent on a channel it eavesdrops) and its initial
	 * knowledge; the translation adds the rest once the steps are compiled.
	 */
	private AttackerTranslation attacker(dev.shall.dsl.shall.AttackerDecl decl, dev.shall.dsl.shall.Procedure source,
			Procedure procedure) {
		Map<dev.shall.model.Channel, java.util.Set<dev.shall.dsl.shall.AttackerCapability>> capabilities = new IdentityHashMap<>();
		Map<dev.shall.model.Channel, java.util.Set<dev.shall.model.KeyDecl>> carried = new IdentityHashMap<>();
		for (EObject member : source.getMembers()) {
			if (member instanceof Channel channel) {
				capabilities.put(lookup(channel), AttackerTranslation.capabilities(channel));
			}
		}
		for (org.eclipse.emf.common.util.TreeIterator<EObject> it = source.eAllContents(); it.hasNext();) {
			if (it.next() instanceof Send send && send.getChannel() != null && capabilities.getOrDefault(lookup(send
					.getChannel()), java.util.Set.of()).contains(dev.shall.dsl.shall.AttackerCapability.EAVESDROP)) {
				for (Argument argument : send.getArguments()) {
					dev.shall.model.MessageField field = lookup(argument.getField());
					dev.shall.model.KeyDecl key = AttackerTranslation.keyOf(field.getType());
					if (key != null && !field.isProof()) {
						carried.computeIfAbsent(lookup(send.getChannel()), c -> new java.util.LinkedHashSet<>()).add(key);
					}
				}
			}
		}
		List<AttackerTranslation.Term> initial = new java.util.ArrayList<>();
		for (Expression knowledge : decl.getKnowledge()) {
			AttackerTranslation.Term term = AttackerTranslation.constantTerm(expression(knowledge));
			if (term == null) {
				throw new CompilationException("What the attacker knows must be a key term (line "
						+ locations.of(knowledge).getLine() + ")");
			}
			initial.add(term);
		}
		return new AttackerTranslation(procedure, decl, decl.getDescription(), this::located, capabilities, carried,
				initial);
	}

	/** The key declaration of a compiled key-valued expression. */
	private static dev.shall.model.KeyDecl keyOf(dev.shall.model.Expression expression) {
		return switch (expression) {
		case dev.shall.model.VariableRef ref -> AttackerTranslation.keyOf(ref.getVariable().getType());
		case dev.shall.model.KeyConstant constant -> (dev.shall.model.KeyDecl) constant.getAtom().eContainer();
		case dev.shall.model.KeyDerivation derivation -> derivation.getKey();
		case dev.shall.model.ReceivedField field -> AttackerTranslation.keyOf(field.getField().getType());
		default -> null;
		};
	}

	/** {@code attacker knows e}; false without an attacker (the validator warns: nothing can know it). */
	private dev.shall.model.Expression knows(dev.shall.model.Expression key, EObject at) {
		dev.shall.model.KeyDecl decl = keyOf(key);
		if (decl == null) {
			throw new CompilationException("attacker knows needs a key (line " + locations.of(at).getLine() + ")");
		}
		if (attacker == null) {
			dev.shall.model.BoolConstant never = located(F.createBoolConstant(), at);
			never.setValue(false);
			return never;
		}
		return attacker.knows(key, decl, at);
	}

	/** The statement ids of a {@code covers} clause, if there is one. */
	private static void covers(List<String> target, dev.shall.dsl.shall.Covers covers) {
		if (covers != null) {
			target.addAll(covers.getStatements());
		}
	}

	// ------------------------------------------------------------------ unhandled messages

	/**
	 * The otherwise block of a step {@code R shall receive M on c when G { S } otherwise { S' }} is
	 * the step {@code R shall receive M on c when not G1 and … and not Gk { S' }}, G1…Gk the guards
	 * of every step and event of R that receives M on c (G among them): it runs when M arrives and
	 * nothing of R takes it (semantics §3.6). Same strength as its step.
	 */
	private Transition otherwise(Step step, Procedure procedure) {
		Transition main = lookup(step);
		Transition result = located(F.createTransition(), step.getOtherwise());
		result.setName(main.getName());
		result.setKind(TransitionKind.OTHERWISE);
		result.setStrength(main.getStrength());
		result.setDescription(main.getDescription());
		result.setActor(main.getActor());
		result.setSpec(main.getSpec());
		result.setClause(main.getClause());
		result.setOtherwiseOf(main);
		result.setReceive(org.eclipse.emf.ecore.util.EcoreUtil.copy(main.getReceive()));
		result.setGuard(noHandler(main.getReceive(), main.getActor(), procedure, step.getOtherwise()));
		statements(step.getOtherwise(), result.getBody());
		return result;
	}

	/**
	 * {@code ignore M on c at R when G} is the shall step {@code R shall receive M on c when G and
	 * not G1 and … and not Gk {}}: it discards what nothing else of R takes (semantics §3.6).
	 */
	private Transition ignore(dev.shall.dsl.shall.Handling handling, Procedure procedure) {
		Transition result = located(F.createTransition(), handling);
		dev.shall.model.Receive receive = arrival(handling.getReceive());
		result.setName(receive.getMessage().getName());
		result.setKind(TransitionKind.IGNORE);
		result.setStrength(Strength.SHALL);
		result.setDescription(handling.getDescription());
		result.setActor(lookup(handling.getActor()));
		cite(result, handling.getCitation(), handling);
		result.setReceive(receive);
		dev.shall.model.Expression none = noHandler(receive, result.getActor(), procedure, handling);
		result.setGuard(handling.getGuard() == null ? none : and(expression(handling.getGuard()), none, handling));
		return result;
	}

	private dev.shall.model.Deferral defer(dev.shall.dsl.shall.Handling handling) {
		dev.shall.model.Deferral result = located(F.createDeferral(), handling);
		result.setDescription(handling.getDescription());
		result.setRole(lookup(handling.getActor()));
		result.setReceive(arrival(handling.getReceive()));
		cite(result, handling.getCitation(), handling);
		if (handling.getGuard() != null) {
			result.setGuard(expression(handling.getGuard()));
		}
		return result;
	}

	private dev.shall.model.Receive arrival(Receive receive) {
		dev.shall.model.Receive result = located(F.createReceive(), receive);
		result.setChannel(lookup(receive.getChannel()));
		result.setMessage(lookup(receive.getMessage()));
		return result;
	}

	/**
	 * {@code not G1 and … and not Gk} over the steps and events of the role that receive the
	 * message on the channel (copies: the guards stay where they are); {@code true} when there is
	 * none, {@code false} when one of them has no guard.
	 */
	private dev.shall.model.Expression noHandler(dev.shall.model.Receive receive, dev.shall.model.Role role,
			Procedure procedure, EObject at) {
		dev.shall.model.Expression result = null;
		for (Transition handler : procedure.getTransitions()) {
			if (!handles(handler, receive, role)) {
				continue;
			}
			dev.shall.model.Expression none;
			if (handler.getLookup() != null) {
				none = not(someEntry(handler, at), at);
			} else if (handler.getGuard() == null) {
				dev.shall.model.BoolConstant never = located(F.createBoolConstant(), at);
				never.setValue(false);
				none = never;
			} else {
				none = not(org.eclipse.emf.ecore.util.EcoreUtil.copy(handler.getGuard()), at);
			}
			result = result == null ? none : and(result, none, at);
		}
		if (result == null) {
			dev.shall.model.BoolConstant always = located(F.createBoolConstant(), at);
			always.setValue(true);
			return always;
		}
		return result;
	}

	/**
	 * When a handler with a lookup applies: {@code some e where C(e) and G(e)}, its binder and
	 * guard copied together so that the copies read the new binder (semantics §3.6, §3.7).
	 */
	private dev.shall.model.Expression someEntry(Transition handler, EObject at) {
		org.eclipse.emf.ecore.util.EcoreUtil.Copier copier = new org.eclipse.emf.ecore.util.EcoreUtil.Copier();
		dev.shall.model.SessionBinder binder = (dev.shall.model.SessionBinder) copier.copy(handler.getLookup());
		dev.shall.model.Expression guard = handler.getGuard() == null ? null
				: (dev.shall.model.Expression) copier.copy(handler.getGuard());
		copier.copyReferences();
		if (guard != null) {
			binder.setCondition(and(binder.getCondition(), guard, at));
		}
		dev.shall.model.SomeSession some = located(F.createSomeSession(), at);
		some.setBinder(binder);
		return some;
	}

	/** Whether the transition is a step or event (not an otherwise or ignore) of the role receiving the message on the channel. */
	private static boolean handles(Transition transition, dev.shall.model.Receive receive, dev.shall.model.Role role) {
		return (transition.getKind() == TransitionKind.STEP || transition.getKind() == TransitionKind.ENVIRONMENT)
				&& transition.getActor() == role && transition.getReceive() != null
				&& transition.getReceive().getChannel() == receive.getChannel()
				&& transition.getReceive().getMessage() == receive.getMessage();
	}

	private dev.shall.model.Expression and(dev.shall.model.Expression left, dev.shall.model.Expression right,
			EObject at) {
		dev.shall.model.Binary both = located(F.createBinary(), at);
		both.setOperator(BinaryOperator.AND);
		both.setLeft(left);
		both.setRight(right);
		return both;
	}

	/** {@code expect dead step X [otherwise]}, {@code expect unhandled M on c [at R]}, {@code expect bounds violated} (semantics §7.6). */
	private dev.shall.model.FindingExpectation findingExpectation(dev.shall.dsl.shall.FindingExpectation expectation) {
		dev.shall.model.FindingExpectation result = located(F.createFindingExpectation(), expectation);
		result.setDescription(expectation.getDescription());
		if (expectation.isDead() && expectation.isIgnore()) {
			result.setKind(dev.shall.model.FindingKind.DEAD_STEP);
			dev.shall.model.Receive receive = arrival(expectation.getReceive());
			dev.shall.model.Role role = lookup(expectation.getRole());
			Procedure procedure = (Procedure) role.eContainer();
			result.setTransition(procedure.getTransitions().stream().filter(t -> t.getKind() == TransitionKind.IGNORE
					&& t.getActor() == role && t.getReceive().getChannel() == receive.getChannel() && t.getReceive()
							.getMessage() == receive.getMessage()).findFirst().orElseThrow(() -> new CompilationException(
									"no ignore of " + receive.getMessage().getName() + " on " + receive.getChannel()
											.getName() + " at " + role.getName())));
		} else if (expectation.isDead()) {
			result.setKind(dev.shall.model.FindingKind.DEAD_STEP);
			Transition step = lookup(expectation.getTransition());
			Transition expected = step;
			if (expectation.isOtherwise()) {
				Procedure procedure = (Procedure) step.eContainer();
				expected = procedure.getTransitions().stream().filter(t -> t.getOtherwiseOf() == step).findFirst()
						.orElseThrow(() -> new CompilationException("step " + step.getName() + " has no otherwise block"));
			}
			result.setTransition(expected);
		} else if (expectation.isUnhandled()) {
			result.setKind(dev.shall.model.FindingKind.UNHANDLED);
			result.setReceive(arrival(expectation.getReceive()));
			dev.shall.dsl.shall.Channel channel = expectation.getReceive().getChannel();
			// the validator asks for "at R" where the channel carries messages both ways
			Role receiver = expectation.getRole() != null ? expectation.getRole() : channel.getEndpointB();
			result.setRole(lookup(receiver));
		} else {
			result.setKind(dev.shall.model.FindingKind.BOUNDS);
		}
		optionTests(expectation.getConditions(), result.getConditions());
		return result;
	}

	// ------------------------------------------------------------------ declarations

	private dev.shall.model.EnumDecl declare(EnumDecl decl) {
		dev.shall.model.EnumDecl result = located(F.createEnumDecl(), decl);
		result.setName(decl.getName());
		for (EnumLiteral literal : decl.getLiterals()) {
			dev.shall.model.EnumLiteral compiledLiteral = located(F.createEnumLiteral(), literal);
			compiledLiteral.setName(literal.getName());
			result.getLiterals().add(remember(literal, compiledLiteral));
		}
		return remember(decl, result);
	}

	private dev.shall.model.KeyDecl declare(KeyDecl decl) {
		dev.shall.model.KeyDecl result = located(F.createKeyDecl(), decl);
		result.setName(decl.getName());
		cite(result, decl.getCitation(), decl);
		result.setDerivation(decl.getDerivation());
		for (KeyAtom atom : decl.getAtoms()) {
			dev.shall.model.KeyAtom compiledAtom = located(F.createKeyAtom(), atom);
			compiledAtom.setName(atom.getName());
			result.getAtoms().add(remember(atom, compiledAtom));
		}
		for (KeyParameter parameter : decl.getParameters()) {
			dev.shall.model.KeyParameter compiledParameter = located(F.createKeyParameter(), parameter);
			compiledParameter.setName(parameter.getName());
			compiledParameter.setMin(parameter.getMin());
			compiledParameter.setMax(parameter.getMax());
			result.getParameters().add(compiledParameter);
		}
		return remember(decl, result);
	}

	private void completeKey(KeyDecl decl) {
		dev.shall.model.KeyDecl compiled = lookup(decl);
		for (KeyDecl parent : decl.getParents()) {
			compiled.getParents().add(lookup(parent));
		}
	}

	private dev.shall.model.Option declare(OptionDecl decl) {
		dev.shall.model.Option result = located(F.createOption(), decl);
		result.setName(decl.getName());
		result.setDescription(decl.getDescription());
		result.setIndependent(decl.isIndependent());
		covers(result.getCovers(), decl.getCovers());
		for (OptionValue value : decl.getValues()) {
			dev.shall.model.OptionValue compiledValue = located(F.createOptionValue(), value);
			compiledValue.setName(value.getName());
			result.getValues().add(remember(value, compiledValue));
		}
		return remember(decl, result);
	}

	private dev.shall.model.Role declare(Role role) {
		dev.shall.model.Role result = located(F.createRole(), role);
		result.setName(role.getName());
		result.setDisplayName(role.getDisplayName() != null ? role.getDisplayName() : role.getName());
		result.setShared(role.isShared());
		for (Variable variable : role.getVariables()) {
			dev.shall.model.StateVariable compiledVariable = located(F.createStateVariable(), variable);
			compiledVariable.setName(variable.getName());
			// semantics §1.3: every variable of a per-session role is per session
			compiledVariable.setPerSession(!role.isShared() || variable.isPerSession());
			result.getVariables().add(remember(variable, compiledVariable));
		}
		return remember(role, result);
	}

	private void completeRole(Role role) {
		for (Variable variable : role.getVariables()) {
			dev.shall.model.StateVariable compiledVariable = lookup(variable);
			compiledVariable.setType(type(variable.getType()));
			compiledVariable.setInitial(expression(variable.getInitial()));
		}
	}

	private dev.shall.model.IdentityDecl declare(dev.shall.dsl.shall.IdentityDecl decl) {
		dev.shall.model.IdentityDecl result = located(F.createIdentityDecl(), decl);
		result.setName(decl.getName());
		result.setSize(decl.getSize());
		result.setDescription(decl.getDescription());
		cite(result, decl.getCitation(), decl);
		return remember(decl, result);
	}

	private dev.shall.model.MessageType declare(Message message) {
		dev.shall.model.MessageType result = located(F.createMessageType(), message);
		result.setName(message.getName());
		for (Field field : message.getFields()) {
			dev.shall.model.MessageField compiledField = located(F.createMessageField(), field);
			compiledField.setName(field.getName());
			result.getFields().add(remember(field, compiledField));
		}
		return remember(message, result);
	}

	private void completeMessage(Message message) {
		for (Field field : message.getFields()) {
			dev.shall.model.MessageField compiledField = lookup(field);
			compiledField.setType(type(field.getType()));
			compiledField.setProof(field.isProof());
		}
	}

	private dev.shall.model.Channel channel(Channel channel) {
		dev.shall.model.Channel result = located(F.createChannel(), channel);
		result.setName(channel.getName());
		result.setEndpointA(lookup(channel.getEndpointA()));
		result.setEndpointB(lookup(channel.getEndpointB()));
		result.setBidirectional(channel.isBidirectional());
		boolean capacityWritten = !org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.findNodesForFeature(channel, channel.eClass().getEStructuralFeature("capacity")).isEmpty();
		result.setCapacity(capacityWritten ? channel.getCapacity() : 1);
		switch (channel.getProtection()) {
		case null -> result.setProtection(Protection.NONE);
		case NdsIp ndsIp -> result.setProtection(Protection.NDS_IP);
		case KeyedProtection keyed -> {
			result.setProtection(switch (keyed.getKind()) {
			case INTEGRITY -> Protection.INTEGRITY;
			case CIPHERED -> Protection.CIPHERING;
			case INTEGRITY_AND_CIPHERED -> Protection.INTEGRITY_AND_CIPHERING;
			});
			result.setProtectionLabel(keyed.getLabel());
			if (keyed.getKeyA() != null) {
				result.setKeyA(lookup(keyed.getKeyA()));
				result.setKeyB(lookup(keyed.getKeyB()));
			}
		}
		default -> result.setProtection(Protection.NONE);
		}
		if (channel.getFaults() != null) {
			for (FaultKind kind : channel.getFaults().getKinds()) {
				Fault fault = switch (kind) {
				case LOSSY -> Fault.LOSS;
				case REORDERING -> Fault.REORDERING;
				case DUPLICATING -> Fault.DUPLICATION;
				case REPLAYING -> Fault.REPLAY;
				};
				if (!result.getFaults().contains(fault)) {
					result.getFaults().add(fault);
				}
			}
		}
		return remember(channel, result);
	}

	// ------------------------------------------------------------------ timers (semantics §3.5)

	/**
	 * A timer is not a primitive of the model (ADR 0012): it becomes a variable of its role, named
	 * as the timer, whose type is the enumeration {@code stopped, running, expired} (one per
	 * procedure), initially stopped. The {@link dev.shall.model.Timer} element only records the
	 * translation for reports.
	 */
	private dev.shall.model.Timer timer(Timer timer, Procedure procedure) {
		dev.shall.model.EnumDecl states = timerStates(procedure, timer);
		dev.shall.model.StateVariable variable = located(F.createStateVariable(), timer);
		variable.setName(timer.getName());
		dev.shall.model.EnumType type = located(F.createEnumType(), timer);
		type.setDecl(states);
		variable.setType(type);
		variable.setInitial(timerState(dev.shall.dsl.shall.TimerState.STOPPED, timer));
		dev.shall.model.Role role = lookup(timer.getRole());
		role.getVariables().add(variable);
		dev.shall.model.Timer result = located(F.createTimer(), timer);
		result.setName(timer.getName());
		result.setDescription(timer.getDescription());
		cite(result, timer.getCitation(), timer);
		result.setRole(role);
		result.setVariable(variable);
		return remember(timer, result);
	}

	/** The enumeration of timer states, declared once in the procedure when it has timers. */
	private dev.shall.model.EnumDecl timerStates(Procedure procedure, EObject at) {
		if (timerStates == null) {
			timerStates = located(F.createEnumDecl(), at);
			// "timer" is a keyword: no enumeration of the author's has this name
			timerStates.setName("timer");
			for (dev.shall.dsl.shall.TimerState state : dev.shall.dsl.shall.TimerState.VALUES) {
				dev.shall.model.EnumLiteral literal = located(F.createEnumLiteral(), at);
				literal.setName(state.getLiteral());
				timerStates.getLiterals().add(literal);
			}
			procedure.getEnums().add(timerStates);
		}
		return timerStates;
	}

	private dev.shall.model.EnumDecl timerStates;

	/** The literal of a timer state: stopped, running, expired, in this order (semantics §3.5). */
	private dev.shall.model.EnumConstant timerState(dev.shall.dsl.shall.TimerState state, EObject at) {
		dev.shall.model.EnumConstant constant = located(F.createEnumConstant(), at);
		constant.setLiteral(timerStates.getLiterals().get(state.getValue()));
		return constant;
	}

	/** {@code T := state}: what start (running) and stop (stopped) are. */
	private dev.shall.model.Assignment setTimer(Timer timer, dev.shall.dsl.shall.TimerState state, EObject at) {
		dev.shall.model.Assignment result = located(F.createAssignment(), at);
		dev.shall.model.Timer compiledTimer = lookup(timer);
		result.setVariable(compiledTimer.getVariable());
		result.setValue(timerState(state, at));
		return result;
	}

	/** {@code T == state}, as a timer test and as the first conjunct of an expiry step's guard. */
	private dev.shall.model.Expression timerIs(Timer timer, dev.shall.dsl.shall.TimerState state, EObject at) {
		dev.shall.model.Binary result = located(F.createBinary(), at);
		result.setOperator(BinaryOperator.EQ);
		dev.shall.model.VariableRef ref = located(F.createVariableRef(), at);
		dev.shall.model.Timer compiledTimer = lookup(timer);
		ref.setVariable(compiledTimer.getVariable());
		result.setLeft(ref);
		result.setRight(timerState(state, at));
		return result;
	}

	/**
	 * A step {@code on expiry of T when G { S }} is the shall step {@code when T == running and G
	 * { T := expired  S }} (semantics §3.5); the step is fair whatever its author wrote (the
	 * validator asks for shall).
	 */
	private void expiry(Step step) {
		Transition result = lookup(step);
		Timer timer = step.getExpiry().getTimer();
		result.setStrength(Strength.SHALL);
		result.setExpiry(lookup(timer));
		dev.shall.model.Expression running = timerIs(timer, dev.shall.dsl.shall.TimerState.RUNNING, step.getExpiry());
		if (result.getGuard() == null) {
			result.setGuard(running);
		} else {
			dev.shall.model.Binary both = located(F.createBinary(), step.getExpiry());
			both.setOperator(BinaryOperator.AND);
			both.setLeft(running);
			both.setRight(result.getGuard());
			result.setGuard(both);
		}
		result.getBody().add(0, setTimer(timer, dev.shall.dsl.shall.TimerState.EXPIRED, step.getExpiry()));
	}

	// ------------------------------------------------------------------ behaviour

	private Transition declare(Step step) {
		Transition result = located(F.createTransition(), step);
		result.setName(step.getName());
		result.setKind(TransitionKind.STEP);
		result.setStrength(step.getStrength() == dev.shall.dsl.shall.Strength.MAY ? Strength.MAY : Strength.SHALL);
		result.setDescription(step.getDescription());
		result.setActor(lookup(step.getActor()));
		cite(result, step.getCitation(), step);
		covers(result.getCovers(), step.getCovers());
		return remember(step, result);
	}

	private Transition declare(Event event) {
		Transition result = located(F.createTransition(), event);
		result.setName(event.getName());
		result.setKind(TransitionKind.ENVIRONMENT);
		// the environment is never obliged to act
		result.setStrength(Strength.MAY);
		result.setDescription(event.getDescription());
		result.setActor(lookup(event.getActor()));
		cite(result, event.getCitation(), event);
		covers(result.getCovers(), event.getCovers());
		return remember(event, result);
	}

	private void completeTransition(EObject source, Receive receive, Expression guard, Block body) {
		Transition result = lookup(source);
		if (receive != null) {
			dev.shall.model.Receive compiledReceive = located(F.createReceive(), receive);
			compiledReceive.setChannel(lookup(receive.getChannel()));
			compiledReceive.setMessage(lookup(receive.getMessage()));
			result.setReceive(compiledReceive);
		}
		dev.shall.dsl.shall.SessionBinder lookup = source instanceof Step step ? step.getLookup() : null;
		if (lookup != null) {
			// the binder is in scope in its own condition, the guard and the body (semantics §3.7)
			dev.shall.model.SessionBinder binder = located(F.createSessionBinder(), lookup);
			binder.setName(lookup.getName());
			remember(lookup, binder);
			binders.push(lookup);
			result.setLookup(binder);
		}
		try {
			if (lookup != null) {
				result.getLookup().setCondition(expression(lookup.getCondition()));
			}
			if (guard != null) {
				result.setGuard(expression(guard));
			}
			if (body != null) {
				statements(body, result.getBody());
			}
		} finally {
			if (lookup != null) {
				binders.pop();
			}
		}
	}

	/** The session binders in scope while an expression compiles, innermost first (semantics §2.6). */
	private final Deque<dev.shall.dsl.shall.SessionBinder> binders = new ArrayDeque<>();

	private void statements(Block block, List<dev.shall.model.Statement> target) {
		for (Statement statement : block.getStatements()) {
			target.add(statement(statement));
		}
	}

	private dev.shall.model.Statement statement(Statement statement) {
		switch (statement) {
		case Assignment assignment when assignment.getPool() != null -> {
			return anyIdentity(assignment);
		}
		case Assignment assignment -> {
			dev.shall.model.Assignment result = located(F.createAssignment(), assignment);
			result.setVariable(lookup(assignment.getVariable()));
			result.setValue(expression(assignment.getValue()));
			return result;
		}
		case Delete delete -> {
			dev.shall.model.Assignment result = located(F.createAssignment(), delete);
			result.setVariable(lookup(delete.getVariable()));
			result.setValue(located(F.createNoneConstant(), delete));
			return result;
		}
		case Send send -> {
			dev.shall.model.Send result = located(F.createSend(), send);
			result.setChannel(lookup(send.getChannel()));
			result.setMessage(lookup(send.getMessage()));
			for (Argument argument : send.getArguments()) {
				dev.shall.model.FieldValue value = located(F.createFieldValue(), argument);
				value.setField(lookup(argument.getField()));
				value.setValue(expression(argument.getValue()));
				result.getArguments().add(value);
			}
			return result;
		}
		case If conditional -> {
			dev.shall.model.IfStatement result = located(F.createIfStatement(), conditional);
			result.setCondition(expression(conditional.getCondition()));
			statements(conditional.getThen(), result.getThen());
			if (conditional.getElse() != null) {
				statements(conditional.getElse(), result.getElse());
			}
			return result;
		}
		case StartTimer start -> {
			return setTimer(start.getTimer(), dev.shall.dsl.shall.TimerState.RUNNING, start);
		}
		case StopTimer stop -> {
			return setTimer(stop.getTimer(), dev.shall.dsl.shall.TimerState.STOPPED, stop);
		}
		case Choice choice -> {
			dev.shall.model.Choice result = located(F.createChoice(), choice);
			for (Block block : choice.getBranches()) {
				dev.shall.model.Branch branch = located(F.createBranch(), block);
				statements(block, branch.getStatements());
				result.getBranches().add(branch);
			}
			return result;
		}
		default -> throw new CompilationException("Unknown statement " + statement.eClass().getName());
		}
	}

	/**
	 * {@code x := any P} is the choice {@code either { x := 1 } or … or { x := n }} over the pool's
	 * identities (semantics §2.5): no construct of its own in the core language.
	 */
	private dev.shall.model.Statement anyIdentity(Assignment assignment) {
		dev.shall.model.IdentityDecl pool = lookup(assignment.getPool());
		dev.shall.model.Choice result = located(F.createChoice(), assignment);
		for (int value = 1; value <= pool.getSize(); value++) {
			dev.shall.model.Branch branch = located(F.createBranch(), assignment);
			dev.shall.model.Assignment set = located(F.createAssignment(), assignment);
			set.setVariable(lookup(assignment.getVariable()));
			dev.shall.model.IntConstant identity = located(F.createIntConstant(), assignment);
			identity.setValue(value);
			set.setValue(identity);
			branch.getStatements().add(set);
			result.getBranches().add(branch);
		}
		return result;
	}

	// ------------------------------------------------------------------ properties

	private Property property(PropertyDecl declaration) {
		Formula formula = declaration.getFormula();
		Citation citation = declaration.getCitation();
		String description = declaration.getDescription();
		String ruleName = null;
		String[] ruleCitation = null;
		boolean expanding = declaration.getApplication() != null;
		if (expanding) {
			Rule rule = declaration.getApplication().getRule();
			if (rule == null || rule.eIsProxy()) {
				throw new CompilationException("Unresolved rule in property " + declaration.getName());
			}
			Map<RuleParameter, Expression> arguments = new HashMap<>();
			for (int i = 0; i < rule.getParameters().size(); i++) {
				arguments.put(rule.getParameters().get(i), declaration.getApplication().getArguments().get(i));
			}
			ruleArguments.push(arguments);
			formula = rule.getFormula();
			RuleLibrary library = rule.eContainer() instanceof RuleLibrary l ? l : null;
			ruleName = (library != null ? library.getName() + "." : "") + rule.getName();
			if (citation == null) {
				ruleCitation = ruleCitation(rule, library);
			}
			if (description == null) {
				description = rule.getDescription();
			}
		}
		try {
			Property result = formula(formula);
			located(result, declaration);
			result.setName(declaration.getName());
			result.setDescription(description);
			result.setRule(ruleName);
			if (ruleCitation != null) {
				result.setSpec(ruleCitation[0]);
				result.setClause(ruleCitation[1]);
			} else {
				cite(result, citation, declaration);
			}
			for (Expectation expectation : declaration.getExpectations()) {
				result.getExpectations().add(expectation(expectation));
			}
			covers(result.getCovers(), declaration.getCovers());
			return result;
		} finally {
			if (expanding) {
				ruleArguments.pop();
			}
		}
	}

	/**
	 * The spec and clause a property applying a rule cites when it cites nothing itself: the rule's
	 * clause in the rule's spec, which is its library's ({@code rules KeyLifecycle spec "TS 33.401"})
	 * unless the rule names another; a rule without a clause cites its library's. Never the
	 * procedure's spec: a rule of RFC 7296 applied in a TS 24.327 procedure cites RFC 7296. A
	 * property that writes its own clause cites it in the procedure's spec, as any other element.
	 *
	 * @return {spec, clause}, either possibly null
	 */
	private String[] ruleCitation(Rule rule, RuleLibrary library) {
		Citation own = rule.getCitation();
		Citation shared = library == null ? null : library.getCitation();
		String spec = own != null && own.getSpec() != null ? own.getSpec()
				: shared != null && shared.getSpec() != null ? shared.getSpec() : procedureSpec;
		String clause = own != null && own.getClause() != null ? own.getClause()
				: shared == null ? null : shared.getClause();
		return new String[] { spec, clause };
	}

	private Property formula(Formula formula) {
		switch (formula) {
		case dev.shall.dsl.shall.Always always -> {
			dev.shall.model.Invariant result = F.createInvariant();
			result.setCondition(expression(always.getCondition()));
			return result;
		}
		case dev.shall.dsl.shall.Never never -> {
			dev.shall.model.Invariant result = F.createInvariant();
			result.setCondition(not(expression(never.getCondition()), never));
			return result;
		}
		case dev.shall.dsl.shall.Precedence precedence -> {
			dev.shall.model.Precedence result = F.createPrecedence();
			result.setFirst(expression(precedence.getFirst()));
			result.setSecond(expression(precedence.getSecond()));
			return result;
		}
		case dev.shall.dsl.shall.Correspondence correspondence -> {
			dev.shall.model.Correspondence result = F.createCorrespondence();
			result.setFirst(expression(correspondence.getFirst()));
			result.setSecond(expression(correspondence.getSecond()));
			result.setBound(correspondence.getBound() > 0 ? correspondence.getBound()
					: dev.shall.model.frontend.Limits.DEFAULT_CORRESPONDENCE_BOUND);
			return result;
		}
		case dev.shall.dsl.shall.Response response -> {
			dev.shall.model.Response result = F.createResponse();
			result.setTrigger(expression(response.getTrigger()));
			result.setResponse(expression(response.getResponse()));
			return result;
		}
		case dev.shall.dsl.shall.Agreement agreement -> {
			dev.shall.model.Agreement result = F.createAgreement();
			result.setLeft(expression(agreement.getLeft()));
			result.setRight(expression(agreement.getRight()));
			result.setCondition(expression(agreement.getCondition()));
			return result;
		}
		case dev.shall.dsl.shall.Secrecy secrecy -> {
			// semantics §6.7: never attacker knows e
			dev.shall.model.Invariant result = F.createInvariant();
			result.setCondition(not(knows(expression(secrecy.getValue()), secrecy), secrecy));
			return result;
		}
		case dev.shall.dsl.shall.Authenticity authenticity -> {
			dev.shall.model.MessageType message = lookup(authenticity.getMessage());
			dev.shall.model.Channel channel = lookup(authenticity.getChannel());
			if (attacker == null) {
				dev.shall.model.Invariant result = F.createInvariant();
				dev.shall.model.BoolConstant always = located(F.createBoolConstant(), authenticity);
				always.setValue(true);
				result.setCondition(always);
				return result;
			}
			java.util.Set<Transition> accepting = new java.util.HashSet<>();
			authenticity.getSteps().forEach(step -> accepting.add(lookup(step)));
			return attacker.authentic(message, channel, accepting, authenticity);
		}
		case dev.shall.dsl.shall.Freshness freshness -> {
			dev.shall.model.Freshness result = F.createFreshness();
			result.setValue(expression(freshness.getValue()));
			result.setCondition(expression(freshness.getCondition()));
			return result;
		}
		default -> throw new CompilationException("Unknown formula " + formula.eClass().getName());
		}
	}

	private dev.shall.model.Expectation expectation(Expectation expectation) {
		dev.shall.model.Expectation result = located(F.createExpectation(), expectation);
		result.setVerdict(expectation.getVerdict() == dev.shall.dsl.shall.Verdict.VIOLATED ? Verdict.VIOLATED
				: Verdict.HOLDS);
		optionTests(expectation.getConditions(), result.getConditions());
		return result;
	}

	/** The option conditions of an expectation ({@code when o = a, p = b}) as option tests. */
	private void optionTests(List<OptionCondition> conditions, List<OptionTest> target) {
		for (OptionCondition condition : conditions) {
			OptionTest test = located(F.createOptionTest(), condition);
			test.setOption(lookup(condition.getOption()));
			test.setValue(lookup(condition.getValue()));
			target.add(test);
		}
	}

	// ------------------------------------------------------------------ types and expressions

	private Type type(TypeRef type) {
		switch (type) {
		case BoolType bool -> {
			return located(F.createBoolType(), bool);
		}
		case IntType range -> {
			dev.shall.model.IntType result = located(F.createIntType(), range);
			result.setMin(range.getMin());
			result.setMax(range.getMax());
			return result;
		}
		case OptionalType optional -> {
			dev.shall.model.OptionalType result = located(F.createOptionalType(), optional);
			result.setElement(type(optional.getElement()));
			return result;
		}
		case NamedType named when named.getType() instanceof EnumDecl decl -> {
			dev.shall.model.EnumType result = located(F.createEnumType(), named);
			result.setDecl(lookup(decl));
			return result;
		}
		case NamedType named when named.getType() instanceof KeyDecl decl -> {
			dev.shall.model.KeyType result = located(F.createKeyType(), named);
			result.setDecl(lookup(decl));
			return result;
		}
		case NamedType named when named.getType() instanceof dev.shall.dsl.shall.IdentityDecl decl -> {
			dev.shall.model.IdentityType result = located(F.createIdentityType(), named);
			result.setDecl(lookup(decl));
			return result;
		}
		default -> throw new CompilationException("Unresolved type at line " + locations.of(type).getLine());
		}
	}

	private dev.shall.model.Expression expression(Expression expression) {
		switch (expression) {
		case BoolLiteral literal -> {
			dev.shall.model.BoolConstant result = located(F.createBoolConstant(), literal);
			result.setValue(literal.isValue());
			return result;
		}
		case IntLiteral literal -> {
			dev.shall.model.IntConstant result = located(F.createIntConstant(), literal);
			result.setValue(literal.getValue());
			return result;
		}
		case NoneLiteral literal -> {
			return located(F.createNoneConstant(), literal);
		}
		case dev.shall.dsl.shall.UniqueIdentity unique -> {
			return located(F.createUniqueIdentity(), unique);
		}
		case FiredRef fired -> {
			dev.shall.model.Fired result = located(F.createFired(), fired);
			result.setTransition(lookup(fired.getTransition()));
			return result;
		}
		case Derivation derivation -> {
			dev.shall.model.KeyDerivation result = located(F.createKeyDerivation(), derivation);
			result.setKey(lookup(derivation.getKey()));
			result.setBase(expression(derivation.getBase()));
			for (Expression argument : derivation.getArguments()) {
				result.getArguments().add(expression(argument));
			}
			return result;
		}
		case Not not -> {
			return not(expression(not.getOperand()), not);
		}
		case dev.shall.dsl.shall.Once once -> {
			dev.shall.model.Once result = located(F.createOnce(), once);
			result.setOperand(expression(once.getOperand()));
			return result;
		}
		case dev.shall.dsl.shall.Since since -> {
			dev.shall.model.Since result = located(F.createSince(), since);
			result.setHeld(expression(since.getHeld()));
			result.setTrigger(expression(since.getTrigger()));
			return result;
		}
		case TimerTest test -> {
			return timerIs(test.getTimer(), test.getState(), test);
		}
		case Binary binary -> {
			return binary(binary);
		}
		case NameRef ref -> {
			return name(ref);
		}
		case dev.shall.dsl.shall.AttackerKnows knows -> {
			return knows(expression(knows.getValue()), knows);
		}
		case dev.shall.dsl.shall.SomeSession some -> {
			dev.shall.model.SomeSession result = located(F.createSomeSession(), some);
			dev.shall.model.SessionBinder binder = located(F.createSessionBinder(), some.getBinder());
			binder.setName(some.getBinder().getName());
			remember(some.getBinder(), binder);
			result.setBinder(binder);
			binders.push(some.getBinder());
			try {
				binder.setCondition(expression(some.getBinder().getCondition()));
			} finally {
				binders.pop();
			}
			return result;
		}
		default -> throw new CompilationException("Unknown expression " + expression.eClass().getName());
		}
	}

	private dev.shall.model.Expression binary(Binary binary) {
		OptionTest test = optionTest(binary);
		if (test != null) {
			return binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.NE ? not(test, binary) : test;
		}
		dev.shall.model.Binary result = located(F.createBinary(), binary);
		result.setOperator(BinaryOperator.valueOf(binary.getOperator().name()));
		result.setLeft(expression(binary.getLeft()));
		result.setRight(expression(binary.getRight()));
		return result;
	}

	/** {@code option == value} (in either order), or null when the comparison is not of an option. */
	private OptionTest optionTest(Binary binary) {
		EObject left = resolvedTarget(binary.getLeft());
		EObject right = resolvedTarget(binary.getRight());
		OptionDecl option = left instanceof OptionDecl o ? o : right instanceof OptionDecl o ? o : null;
		OptionValue value = left instanceof OptionValue v ? v : right instanceof OptionValue v ? v : null;
		if (option == null || value == null) {
			return null;
		}
		OptionTest test = located(F.createOptionTest(), binary);
		test.setOption(lookup(option));
		test.setValue(lookup(value));
		return test;
	}

	/** The declaration a name denotes, looking through rule parameters to the arguments bound to them. */
	private EObject resolvedTarget(Expression expression) {
		if (!(expression instanceof NameRef ref)) {
			return null;
		}
		if (ref.getTarget() instanceof RuleParameter parameter && !ruleArguments.isEmpty()) {
			Expression argument = ruleArguments.peek().get(parameter);
			return argument == null ? null : withOuterArguments(() -> resolvedTarget(argument));
		}
		return ref.getTarget();
	}

	private dev.shall.model.Expression name(NameRef ref) {
		EObject target = ref.getTarget();
		switch (target) {
		case Variable variable -> {
			dev.shall.model.VariableRef result = located(F.createVariableRef(), ref);
			result.setVariable(lookup(variable));
			sessionOf(ref, result);
			return result;
		}
		case Field field -> {
			dev.shall.model.ReceivedField result = located(F.createReceivedField(), ref);
			result.setField(lookup(field));
			return result;
		}
		case EnumLiteral literal -> {
			dev.shall.model.EnumConstant result = located(F.createEnumConstant(), ref);
			result.setLiteral(lookup(literal));
			return result;
		}
		case KeyAtom atom -> {
			dev.shall.model.KeyConstant result = located(F.createKeyConstant(), ref);
			result.setAtom(lookup(atom));
			return result;
		}
		case RuleParameter parameter -> {
			Expression argument = ruleArguments.isEmpty() ? null : ruleArguments.peek().get(parameter);
			if (argument == null) {
				throw new CompilationException("The rule parameter " + parameter.getName() + " has no argument");
			}
			// the argument was written in the applying procedure, outside this rule's parameters
			return withOuterArguments(() -> expression(argument));
		}
		case null, default -> throw new CompilationException("The name '" + (target == null ? "?" : target)
				+ "' cannot be used as a value here (line " + locations.of(ref).getLine() + ")");
		}
	}

	/**
	 * The session a variable reference reads (semantics §2.6): its first name segment, when
	 * it names a binder in scope ({@code e.psk}) or is {@code other} in a property
	 * ({@code other.UE.skenb}); the scope provider offers exactly these qualified names. The
	 * reference links to the variable only, so the qualifier is read from the text.
	 */
	private void sessionOf(NameRef ref, dev.shall.model.VariableRef result) {
		List<org.eclipse.xtext.nodemodel.INode> nodes = org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.findNodesForFeature(ref, dev.shall.dsl.shall.ShallPackage.Literals.NAME_REF__TARGET);
		if (nodes.isEmpty()) {
			return;
		}
		String text = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(nodes.get(0)).replaceAll("\\s", "");
		int dot = text.indexOf('.');
		if (dot < 0) {
			return;
		}
		String qualifier = text.substring(0, dot);
		for (dev.shall.dsl.shall.SessionBinder binder : binders) {
			if (qualifier.equals(binder.getName())) {
				result.setSession(lookup(binder));
				return;
			}
		}
		if (qualifier.equals(OTHER) && org.eclipse.xtext.EcoreUtil2.getContainerOfType(ref, PropertyDecl.class) != null) {
			result.setOther(true);
		}
	}

	/** The qualifier of a property's reference to another session's copy (semantics §2.6). */
	public static final String OTHER = "other";

	private <T> T withOuterArguments(java.util.function.Supplier<T> compile) {
		Map<RuleParameter, Expression> current = ruleArguments.pop();
		try {
			return compile.get();
		} finally {
			ruleArguments.push(current);
		}
	}

	private dev.shall.model.Expression not(dev.shall.model.Expression operand, EObject source) {
		dev.shall.model.Unary result = located(F.createUnary(), source);
		result.setOperator(UnaryOperator.NOT);
		result.setOperand(operand);
		return result;
	}

	// ------------------------------------------------------------------ helpers

	private void cite(CitedElement element, Citation citation, EObject source) {
		String spec = citation != null && citation.getSpec() != null ? citation.getSpec() : procedureSpec;
		element.setSpec(spec);
		element.setClause(citation == null ? null : citation.getClause());
	}

	private <T extends Element> T located(T element, EObject source) {
		element.setLocation(locations.of(source));
		return element;
	}

	/** Locations for this compilation (one walk of each resource's node tree). */
	private final SourceLocations locations = new SourceLocations();

	private <T extends EObject> T remember(EObject source, T target) {
		compiled.put(source, target);
		return target;
	}

	@SuppressWarnings("unchecked")
	private <T extends EObject> T lookup(EObject source) {
		EObject target = compiled.get(source);
		if (target == null) {
			throw new CompilationException("Unresolved reference to "
					+ (source == null ? "nothing" : source.eClass().getName().toLowerCase()));
		}
		return (T) target;
	}
}
