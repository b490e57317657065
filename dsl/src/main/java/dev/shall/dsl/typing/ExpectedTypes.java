package dev.shall.dsl.typing;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.shall.dsl.scoping.ShallScopeProvider;
import dev.shall.dsl.shall.Argument;
import dev.shall.dsl.shall.Assignment;
import dev.shall.dsl.shall.Binary;
import dev.shall.dsl.shall.BinaryOperator;
import dev.shall.dsl.shall.Expression;
import dev.shall.dsl.shall.Field;
import dev.shall.dsl.shall.NameRef;
import dev.shall.dsl.shall.Procedure;
import dev.shall.dsl.shall.Receive;
import dev.shall.dsl.shall.Role;
import dev.shall.dsl.shall.ShallPackage;
import dev.shall.dsl.shall.Variable;

/**
 * The type a name is expected to have from where it is written, so that a constant such as
 * {@code idle} resolves to the literal of the right enumeration when several declare it. It
 * works on the text of neighbouring names rather than on their links, because it runs while
 * names are being linked.
 */
public final class ExpectedTypes {

	private final ShallTypeSystem types = new ShallTypeSystem();

	/** The expected type, or null when the position does not tell. */
	public ShallType of(NameRef ref) {
		EObject container = ref.eContainer();
		if (container instanceof Variable variable && variable.getInitial() == ref) {
			return types.typeOf(variable.getType());
		}
		if (container instanceof Assignment assignment && assignment.getValue() == ref) {
			Variable target = (Variable) assignment.eGet(ShallPackage.Literals.ASSIGNMENT__VARIABLE, false);
			return target == null || target.eIsProxy() ? variableTypeByName(ref, text(assignment,
					ShallPackage.Literals.ASSIGNMENT__VARIABLE)) : types.typeOf(target.getType());
		}
		if (container instanceof Argument argument && argument.getValue() == ref) {
			Field field = (Field) argument.eGet(ShallPackage.Literals.ARGUMENT__FIELD, false);
			return field == null || field.eIsProxy() ? null : types.typeOf(field.getType());
		}
		if (container instanceof Binary binary
				&& (binary.getOperator() == BinaryOperator.EQ || binary.getOperator() == BinaryOperator.NE)) {
			Expression other = binary.getLeft() == ref ? binary.getRight() : binary.getLeft();
			if (other instanceof NameRef otherRef) {
				return variableTypeByName(ref, NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(otherRef)));
			}
			return other == null ? null : types.typeOf(other);
		}
		return null;
	}

	/** The type of the variable or received field that the text names where {@code context} is. */
	private ShallType variableTypeByName(EObject context, String text) {
		if (text == null) {
			return null;
		}
		Role actor = ShallScopeProvider.actorOf(context);
		if (actor != null) {
			for (Variable variable : actor.getVariables()) {
				if (text.equals(variable.getName())) {
					return types.typeOf(variable.getType());
				}
			}
			Receive receive = ShallScopeProvider.receiveOf(context);
			if (receive != null && receive.getMessage() != null && !receive.getMessage().eIsProxy()) {
				String binding = receive.getName() != null ? receive.getName() : receive.getMessage().getName();
				for (Field field : receive.getMessage().getFields()) {
					if (text.equals(binding + "." + field.getName())) {
						return types.typeOf(field.getType());
					}
				}
			}
			return null;
		}
		Procedure procedure = org.eclipse.xtext.EcoreUtil2.getContainerOfType(context, Procedure.class);
		if (procedure == null) {
			return null;
		}
		for (Role role : ShallScopeProvider.members(procedure, Role.class)) {
			for (Variable variable : role.getVariables()) {
				if (text.equals(role.getName() + "." + variable.getName())) {
					return types.typeOf(variable.getType());
				}
			}
		}
		return null;
	}

	private static String text(EObject owner, org.eclipse.emf.ecore.EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
		return nodes.isEmpty() ? null : NodeModelUtils.getTokenText(nodes.get(0));
	}
}
