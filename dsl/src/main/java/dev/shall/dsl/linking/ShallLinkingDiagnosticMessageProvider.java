package dev.shall.dsl.linking;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import dev.shall.dsl.scoping.ShallScopeProvider;
import dev.shall.dsl.shall.Role;
import dev.shall.dsl.shall.ShallPackage;
import dev.shall.dsl.validation.IssueCodes;

/** Messages for unresolved names that say what kind of thing was expected and where to look. */
public class ShallLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String name = context.getLinkText();
		EObject element = context.getContext();
		ShallPackage p = ShallPackage.eINSTANCE;
		String message;
		String binder = context.getReference() == p.getNameRef_Target() ? outsideItsBinder(element, name) : null;
		if (context.getReference() == p.getNameRef_Target() && isTimer(element, name)) {
			message = "'" + name + "' is a timer; read its state as " + name + " is running (or stopped, expired)";
		} else if (binder != null) {
			message = "'" + name + "' is outside 'some " + binder + " where …': the condition of some reaches only to the "
					+ "next and/or, as not does; write some " + binder + " where (… and …)";
		} else if (context.getReference() == p.getNameRef_Target()) {
			Role actor = ShallScopeProvider.actorOf(element);
			message = actor != null
					? "'" + name + "' is not a variable of " + actor.getName()
							+ ", a field of the received message, or a constant; a role sees only its own state"
					: "'" + name + "' is not defined here; name state as Role.variable";
		} else if (context.getReference() == p.getAssignment_Variable()
				|| context.getReference() == p.getDelete_Variable()) {
			Role actor = ShallScopeProvider.actorOf(element);
			message = "'" + name + "' is not a variable of " + (actor == null ? "the acting role" : actor.getName());
		} else if (context.getReference() == p.getRuleApplication_Rule()) {
			message = "No rule '" + name + "' in the imported rule libraries; write it as Library.rule";
		} else {
			message = "No " + describe(context.getReference().getEReferenceType()) + " named '" + name + "'";
		}
		return new DiagnosticMessage(message, Severity.ERROR, IssueCodes.UNDEFINED_NAME);
	}

	/**
	 * The binder a qualified name {@code s.x} names when it stands outside the reach of every {@code
	 * some s where …} of its expression though one of them binds s (semantics §2.6: the condition
	 * binds like not, so {@code some s where s.a and s.b} leaves {@code s.b} outside); else null.
	 */
	private static String outsideItsBinder(EObject context, String name) {
		int dot = name.indexOf('.');
		if (dot <= 0) {
			return null;
		}
		String qualifier = name.substring(0, dot);
		if (ShallScopeProvider.bindersAround(context).contains(qualifier)) {
			return null;
		}
		EObject root = context;
		while (root.eContainer() instanceof dev.shall.dsl.shall.Expression) {
			root = root.eContainer();
		}
		for (dev.shall.dsl.shall.SomeSession some : org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(root,
				dev.shall.dsl.shall.SomeSession.class)) {
			if (some.getBinder() != null && qualifier.equals(some.getBinder().getName())) {
				return qualifier;
			}
		}
		return null;
	}

	/** Whether the name (simple, or qualified by the timer's role) is a timer of the procedure. */
	private static boolean isTimer(EObject context, String name) {
		dev.shall.dsl.shall.Procedure procedure = org.eclipse.xtext.EcoreUtil2.getContainerOfType(context,
				dev.shall.dsl.shall.Procedure.class);
		if (procedure == null) {
			return false;
		}
		for (dev.shall.dsl.shall.Timer timer : ShallScopeProvider.members(procedure, dev.shall.dsl.shall.Timer.class)) {
			if (name.equals(timer.getName()) || timer.getRole() != null && !timer.getRole().eIsProxy()
					&& name.equals(timer.getRole().getName() + "." + timer.getName())) {
				return true;
			}
		}
		return false;
	}

	private static String describe(EClass type) {
		return switch (type.getName()) {
		case "Transition" -> "step or event";
		case "KeyDecl" -> "key";
		case "TypeDecl" -> "enumeration or key";
		case "OptionDecl" -> "option";
		case "OptionValue" -> "value of this option";
		case "Field" -> "field of this message";
		default -> type.getName().toLowerCase();
		};
	}
}
