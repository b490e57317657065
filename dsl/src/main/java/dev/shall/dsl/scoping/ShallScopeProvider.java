package dev.shall.dsl.scoping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.SimpleScope;

import com.google.inject.Inject;

import dev.shall.dsl.shall.Argument;
import dev.shall.dsl.shall.EnumDecl;
import dev.shall.dsl.shall.EnumLiteral;
import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.Field;
import dev.shall.dsl.shall.KeyAtom;
import dev.shall.dsl.shall.KeyDecl;
import dev.shall.dsl.shall.Message;
import dev.shall.dsl.shall.NameRef;
import dev.shall.dsl.shall.OptionCondition;
import dev.shall.dsl.shall.OptionDecl;
import dev.shall.dsl.shall.OptionValue;
import dev.shall.dsl.shall.Procedure;
import dev.shall.dsl.shall.Receive;
import dev.shall.dsl.shall.Role;
import dev.shall.dsl.shall.Rule;
import dev.shall.dsl.shall.RuleParameter;
import dev.shall.dsl.shall.Send;
import dev.shall.dsl.shall.ShallPackage;
import dev.shall.dsl.shall.Step;
import dev.shall.dsl.shall.Timer;
import dev.shall.dsl.shall.Variable;
import dev.shall.dsl.typing.ExpectedTypes;
import dev.shall.dsl.typing.ShallType;
import dev.shall.dsl.typing.ShallTypeSystem;

/**
 * Decides which names are visible where. Roles keep their state to themselves: inside a step
 * or event only the actor's variables and the fields of the received message are visible;
 * properties and channels name state as {@code Role.variable}. Constants (options and their
 * values, enumeration literals, key atoms) are visible everywhere in a procedure, by their simple
 * name and qualified by their declaration ({@code RrcState.connected}); where a name denotes both
 * state and a constant, the state wins. A rule body sees only its parameters. Rules of imported
 * libraries come from the global scope.
 */
public class ShallScopeProvider extends AbstractShallScopeProvider {

	@Inject
	private IQualifiedNameConverter names;

	private final ExpectedTypes expectedTypes = new ExpectedTypes();
	private final ShallTypeSystem types = new ShallTypeSystem();

	@Override
	public IScope getScope(EObject context, EReference reference) {
		ShallPackage p = ShallPackage.eINSTANCE;
		Procedure procedure = EcoreUtil2.getContainerOfType(context, Procedure.class);
		if (reference.getEReferenceType() == p.getTimer()) {
			return timerScope(context, procedure);
		}
		if (reference == p.getRuleApplication_Rule() || procedure == null && reference != p.getNameRef_Target()) {
			return super.getScope(context, reference);
		}
		if (reference == p.getNameRef_Target()) {
			return nameScope(context, procedure);
		}
		if (reference == p.getAssignment_Variable() || reference == p.getDelete_Variable()) {
			Role actor = actorOf(context);
			return actor == null ? IScope.NULLSCOPE : scope(describe(actor.getVariables()));
		}
		if (reference == p.getKeyedProtection_KeyA() || reference == p.getKeyedProtection_KeyB()) {
			return scope(qualifiedVariables(procedure));
		}
		if (reference == p.getSend_Channel() || reference == p.getReceive_Channel()) {
			return scope(describe(members(procedure, dev.shall.dsl.shall.Channel.class)));
		}
		if (reference == p.getSend_Message() || reference == p.getReceive_Message()) {
			return scope(describe(members(procedure, Message.class)));
		}
		if (reference == p.getArgument_Field()) {
			Send send = EcoreUtil2.getContainerOfType(context, Send.class);
			if (context instanceof Argument argument) {
				send = (Send) argument.eContainer();
			}
			return send == null || send.getMessage() == null || send.getMessage().eIsProxy() ? IScope.NULLSCOPE
					: scope(describe(send.getMessage().getFields()));
		}
		if (reference == p.getFiredRef_Transition() || reference == p.getFindingExpectation_Transition()) {
			List<EObject> transitions = new ArrayList<>();
			transitions.addAll(members(procedure, Step.class));
			transitions.addAll(members(procedure, Event.class));
			return scope(describe(transitions));
		}
		if (reference == p.getDerivation_Key() || reference == p.getKeyDecl_Parents()) {
			return scope(describe(members(procedure, KeyDecl.class)));
		}
		if (reference == p.getAssignment_Pool()) {
			return scope(describe(members(procedure, dev.shall.dsl.shall.IdentityDecl.class)));
		}
		if (reference == p.getNamedType_Type()) {
			List<EObject> types = new ArrayList<>();
			types.addAll(members(procedure, EnumDecl.class));
			types.addAll(members(procedure, KeyDecl.class));
			types.addAll(members(procedure, dev.shall.dsl.shall.IdentityDecl.class));
			return scope(describe(types));
		}
		if (reference == p.getChannel_EndpointA() || reference == p.getChannel_EndpointB()
				|| reference == p.getStep_Actor() || reference == p.getEvent_Actor() || reference == p.getTimer_Role()
				|| reference == p.getHandling_Actor() || reference == p.getFindingExpectation_Role()) {
			return scope(describe(members(procedure, Role.class)));
		}
		if (reference == p.getOptionCondition_Option()) {
			return scope(describe(members(procedure, OptionDecl.class)));
		}
		if (reference == p.getOptionCondition_Value()) {
			OptionDecl option = context instanceof OptionCondition condition ? condition.getOption() : null;
			return option == null || option.eIsProxy() ? IScope.NULLSCOPE : scope(describe(option.getValues()));
		}
		return super.getScope(context, reference);
	}

	/**
	 * State comes before constants: the scope's first match wins, so a role's own variable (or a
	 * field of the message it received) hides an enumeration literal, key atom or option value of
	 * the same name, which stays reachable qualified ({@code S.up}). That is what an author reading
	 * {@code when not up} inside the role's step means, and the type system, the validator and the
	 * compiler all follow the link made here. Properties likewise: {@code A.up} is the variable of
	 * role A even if an enumeration A has a literal up.
	 */
	private IScope nameScope(EObject context, Procedure procedure) {
		Rule rule = EcoreUtil2.getContainerOfType(context, Rule.class);
		if (rule != null) {
			return scope(describe(rule.getParameters()));
		}
		if (procedure == null) {
			return IScope.NULLSCOPE;
		}
		List<IEObjectDescription> visible = new ArrayList<>();
		Variable initialised = EcoreUtil2.getContainerOfType(context, Variable.class);
		Role actor = actorOf(context);
		if (initialised != null) {
			// an initial value is a constant
		} else if (actor != null) {
			visible.addAll(describe(actor.getVariables()));
			// semantics §2.6: a bound session's copy of the actor's per-session variables, b.x
			for (String binder : bindersAround(context)) {
				for (Variable variable : actor.getVariables()) {
					if (!actor.isShared() || variable.isPerSession()) {
						visible.add(describe(dotted(binder, variable.getName()), variable));
					}
				}
			}
			Receive receive = receiveOf(context);
			if (receive != null && receive.getMessage() != null && !receive.getMessage().eIsProxy()) {
				String binding = receive.getName() != null ? receive.getName() : receive.getMessage().getName();
				for (Field field : receive.getMessage().getFields()) {
					visible.add(describe(dotted(binding, field.getName()), field));
				}
			}
		} else {
			visible.addAll(qualifiedVariables(procedure));
			// semantics §2.6, §6: a bound session's or another session's copy, s.R.x and other.R.x
			List<String> binders = new ArrayList<>(bindersAround(context));
			if (EcoreUtil2.getContainerOfType(context, dev.shall.dsl.shall.PropertyDecl.class) != null) {
				binders.add("other");
			}
			for (String binder : binders) {
				for (Role role : members(procedure, Role.class)) {
					for (Variable variable : role.getVariables()) {
						if (!role.isShared() || variable.isPerSession()) {
							visible.add(describe(dotted(binder, dotted(role.getName(), variable.getName())), variable));
						}
					}
				}
			}
		}
		visible.addAll(constants(procedure, context instanceof NameRef ref ? expectedTypes.of(ref) : null));
		return scope(visible);
	}

	/**
	 * The names of the session binders whose reach holds the context, innermost first: the
	 * enclosing {@code some s where …} expressions and the lookup of the enclosing step (semantics
	 * §2.6, §3.7).
	 */
	public static List<String> bindersAround(EObject context) {
		List<String> names = new ArrayList<>();
		for (EObject at = context; at != null; at = at.eContainer()) {
			if (at instanceof dev.shall.dsl.shall.SomeSession some && some.getBinder() != null
					&& some.getBinder().getName() != null) {
				names.add(some.getBinder().getName());
			}
			if (at instanceof Step step && step.getLookup() != null && step.getLookup().getName() != null) {
				names.add(step.getLookup().getName());
			}
		}
		return names;
	}

	/**
	 * Timers (in {@code start T}, {@code stop T}, {@code on expiry of T} and {@code T is running}):
	 * a timer is a member of the procedure with a name unique among timers, visible by that name
	 * and as {@code Role.T} in behaviour and in properties; the validator reports a timer used in a
	 * step of another role ({@code shall.timer-role}), which says more than "undefined". Not in a
	 * rule body (it sees only its parameters) nor in an initial value (a constant).
	 */
	private IScope timerScope(EObject context, Procedure procedure) {
		if (procedure == null || EcoreUtil2.getContainerOfType(context, Rule.class) != null
				|| EcoreUtil2.getContainerOfType(context, Variable.class) != null) {
			return IScope.NULLSCOPE;
		}
		List<IEObjectDescription> visible = new ArrayList<>();
		for (Timer timer : members(procedure, Timer.class)) {
			visible.add(describe(timer.getName(), timer));
			Role role = timer.getRole();
			if (role != null && !role.eIsProxy()) {
				visible.add(describe(dotted(role.getName(), timer.getName()), timer));
			}
		}
		return scope(visible);
	}

	/**
	 * Options, option values, enumeration literals and key atoms. When several share a simple name,
	 * those of the expected type come first, so that the first match of the scope is the right one.
	 */
	private List<IEObjectDescription> constants(Procedure procedure, ShallType expected) {
		List<IEObjectDescription> constants = new ArrayList<>();
		for (OptionDecl option : members(procedure, OptionDecl.class)) {
			constants.add(describe(option.getName(), option));
			for (OptionValue value : option.getValues()) {
				constants.add(describe(value.getName(), value));
				constants.add(describe(dotted(option.getName(), value.getName()), value));
			}
		}
		for (EnumDecl decl : members(procedure, EnumDecl.class)) {
			for (EnumLiteral literal : decl.getLiterals()) {
				constants.add(describe(literal.getName(), literal));
				constants.add(describe(dotted(decl.getName(), literal.getName()), literal));
			}
		}
		for (KeyDecl decl : members(procedure, KeyDecl.class)) {
			for (KeyAtom atom : decl.getAtoms()) {
				constants.add(describe(atom.getName(), atom));
				constants.add(describe(dotted(decl.getName(), atom.getName()), atom));
			}
		}
		constants.removeIf(java.util.Objects::isNull);
		if (expected != null) {
			ShallType wanted = expected.present();
			constants.sort(Comparator.comparing(d -> !wanted.equals(types.typeOfConstant(d.getEObjectOrProxy()))));
		}
		return constants;
	}

	private List<IEObjectDescription> qualifiedVariables(Procedure procedure) {
		List<IEObjectDescription> variables = new ArrayList<>();
		for (Role role : members(procedure, Role.class)) {
			for (Variable variable : role.getVariables()) {
				variables.add(describe(dotted(role.getName(), variable.getName()), variable));
			}
		}
		return variables;
	}

	/**
	 * The role whose behaviour contains the context: the actor of a step or event, or the role of
	 * an {@code ignore} or {@code defer} (whose guard reads that role's state, semantics §3.6).
	 */
	public static Role actorOf(EObject context) {
		dev.shall.dsl.shall.Handling handling = EcoreUtil2.getContainerOfType(context, dev.shall.dsl.shall.Handling.class);
		if (handling != null) {
			return handling.getActor() == null || handling.getActor().eIsProxy() ? null : handling.getActor();
		}
		Step step = EcoreUtil2.getContainerOfType(context, Step.class);
		if (step != null) {
			return step.getActor() == null || step.getActor().eIsProxy() ? null : step.getActor();
		}
		Event event = EcoreUtil2.getContainerOfType(context, Event.class);
		if (event != null) {
			return event.getActor() == null || event.getActor().eIsProxy() ? null : event.getActor();
		}
		return null;
	}

	/** The receive clause of the step or event that contains the context, if any. */
	public static Receive receiveOf(EObject context) {
		dev.shall.dsl.shall.Handling handling = EcoreUtil2.getContainerOfType(context, dev.shall.dsl.shall.Handling.class);
		if (handling != null) {
			return handling.getReceive();
		}
		Step step = EcoreUtil2.getContainerOfType(context, Step.class);
		if (step != null) {
			return step.getReceive();
		}
		Event event = EcoreUtil2.getContainerOfType(context, Event.class);
		return event == null ? null : event.getReceive();
	}

	/**
	 * The procedure's members of one kind, in declaration order. Asked for every name linked, so
	 * indexed once per procedure (and re-indexed when its member list changes): scanning the
	 * members each time made linking quadratic in the file (5,000 steps took seconds).
	 */
	public static <T extends EObject> List<T> members(Procedure procedure, Class<T> type) {
		List<EObject> all = MemberIndex.of(procedure).byKind.computeIfAbsent(type, kind -> {
			List<EObject> result = new ArrayList<>();
			for (EObject member : procedure.getMembers()) {
				if (kind.isInstance(member)) {
					result.add(member);
				}
			}
			return java.util.Collections.unmodifiableList(result);
		});
		@SuppressWarnings("unchecked")
		List<T> typed = (List<T>) all;
		return typed;
	}

	/** The members of a procedure grouped by kind, dropped when the member list changes (an edit in the IDE). */
	private static final class MemberIndex extends org.eclipse.emf.common.notify.impl.AdapterImpl {
		final java.util.Map<Class<?>, List<EObject>> byKind = new java.util.concurrent.ConcurrentHashMap<>();

		static MemberIndex of(Procedure procedure) {
			for (org.eclipse.emf.common.notify.Adapter adapter : procedure.eAdapters()) {
				if (adapter instanceof MemberIndex index) {
					return index;
				}
			}
			MemberIndex index = new MemberIndex();
			procedure.eAdapters().add(index);
			return index;
		}

		@Override
		public void notifyChanged(org.eclipse.emf.common.notify.Notification notification) {
			if (notification.getFeature() == ShallPackage.Literals.PROCEDURE__MEMBERS) {
				byKind.clear();
			}
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == MemberIndex.class;
		}
	}

	private List<IEObjectDescription> describe(List<? extends EObject> elements) {
		List<IEObjectDescription> result = new ArrayList<>();
		for (EObject element : elements) {
			String name = (String) element.eGet(element.eClass().getEStructuralFeature("name"));
			if (name != null) {
				result.add(describe(name, element));
			}
		}
		return result;
	}

	private static String dotted(String qualifier, String name) {
		return qualifier == null || name == null ? null : qualifier + "." + name;
	}

	/** A description, or null for elements that a syntax error left without a (full) name. */
	private IEObjectDescription describe(String name, EObject element) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		QualifiedName qualified = names.toQualifiedName(name);
		return EObjectDescription.create(qualified, element);
	}

	private static IScope scope(List<IEObjectDescription> descriptions) {
		descriptions.removeIf(java.util.Objects::isNull);
		return new SimpleScope(IScope.NULLSCOPE, descriptions);
	}
}
