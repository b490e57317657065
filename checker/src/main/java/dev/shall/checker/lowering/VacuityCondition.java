package dev.shall.checker.lowering;

import java.util.stream.Collectors;

import org.eclipse.emf.ecore.util.EcoreUtil;

import dev.shall.model.Agreement;
import dev.shall.model.Binary;
import dev.shall.model.BinaryOperator;
import dev.shall.model.BoolConstant;
import dev.shall.model.EnumConstant;
import dev.shall.model.Expression;
import dev.shall.model.Fired;
import dev.shall.model.Freshness;
import dev.shall.model.IntConstant;
import dev.shall.model.Invariant;
import dev.shall.model.KeyConstant;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyDerivation;
import dev.shall.model.ModelFactory;
import dev.shall.model.NoneConstant;
import dev.shall.model.OptionTest;
import dev.shall.model.Precedence;
import dev.shall.model.Property;
import dev.shall.model.ReceivedField;
import dev.shall.model.Response;
import dev.shall.model.TransitionKind;
import dev.shall.model.Unary;
import dev.shall.model.UnaryOperator;
import dev.shall.model.VariableRef;

/**
 * The vacuity condition of a property (semantics §7.5): the condition without which the property
 * cannot fail, so that a property whose vacuity condition is true in no reachable state holds
 * only vacuously. Agreement and freshness: their {@code when} condition; precedence {@code A
 * before B}: B; response {@code A leads to B}: A; an invariant whose formula is an implication
 * ({@code always A implies B}): A. Other invariants ({@code never C}, {@code shall not C},
 * {@code always C} without a top-level implication) have none. Rule applications are expanded by
 * the compiler, so a rule's property has the vacuity condition of the form it expands to.
 *
 * <p>The question asked is an ordinary invariant, {@code never C} ({@link #question}), so that both
 * semantics and the certification stage (§8.2) answer it unchanged.
 */
public final class VacuityCondition {

	private VacuityCondition() {
	}

	/** The property's vacuity condition (semantics §7.5), or null when it has none. */
	public static Expression of(Property property) {
		return switch (property) {
		case Agreement agreement -> agreement.getCondition();
		case Freshness freshness -> freshness.getCondition();
		case Precedence precedence -> precedence.getSecond();
		case Response response -> response.getTrigger();
		case Invariant invariant when invariant.getCondition() instanceof Binary implication && implication
				.getOperator() == BinaryOperator.IMPLIES -> implication.getLeft();
		default -> null;
		};
	}

	/** What the condition is to the property, as reports say it: {@code the agreement's condition}. */
	public static String role(Property property) {
		return switch (property) {
		case Agreement agreement -> "the agreement's condition";
		case Freshness freshness -> "the freshness condition";
		case Precedence precedence -> "the precedence's second condition";
		case Response response -> "the response's trigger";
		default -> "the invariant's premise";
		};
	}

	/**
	 * The question whether the property is vacuous: the invariant {@code never C} (a copy of C under
	 * {@code not}, as the compiler writes {@code never}), named after the property; null when the
	 * property has no vacuity condition. The copy keeps its references to the procedure's
	 * variables and steps, so the layout of the procedure serves it unchanged.
	 */
	public static Obligation question(Property property) {
		Expression condition = of(property);
		if (condition == null) {
			return null;
		}
		Unary never = ModelFactory.eINSTANCE.createUnary();
		never.setOperator(UnaryOperator.NOT);
		never.setOperand(EcoreUtil.copy(condition));
		Invariant invariant = ModelFactory.eINSTANCE.createInvariant();
		invariant.setName(property.getName() + " (vacuity)");
		invariant.setCondition(never);
		return Obligation.of(invariant);
	}

	/** The expression in the author's vocabulary: {@code step 6 and MeNB.x == 1}. */
	public static String text(Expression expression) {
		return switch (expression) {
		case BoolConstant constant -> Boolean.toString(constant.isValue());
		case IntConstant constant -> Integer.toString(constant.getValue());
		case NoneConstant none -> "none";
		case EnumConstant constant -> constant.getLiteral().getName();
		case KeyConstant constant -> ((KeyDecl) constant.getAtom().eContainer()).getName() + "." + constant.getAtom()
				.getName();
		case VariableRef ref -> Layout.qualifiedName(ref.getVariable());
		case ReceivedField field -> field.getField().getName();
		case OptionTest test -> test.getOption().getName() + " == " + test.getValue().getName();
		case Fired fired -> (fired.getTransition().getKind() == TransitionKind.ENVIRONMENT ? "event " : "step ")
				+ fired.getTransition().getName();
		case Unary unary -> unary.getOperator() == UnaryOperator.NOT ? "not " + operand(unary.getOperand())
				: "-" + operand(unary.getOperand());
		case Binary binary -> operand(binary.getLeft()) + " " + symbol(binary.getOperator()) + " " + operand(binary
				.getRight());
		case KeyDerivation derivation -> derivation.getKey().getName() + "(" + text(derivation.getBase())
				+ derivation.getArguments().stream().map(a -> ", " + text(a)).collect(Collectors.joining()) + ")";
		default -> expression.eClass().getName();
		};
	}

	/** An operand, in parentheses when it is itself an operation. */
	private static String operand(Expression expression) {
		return expression instanceof Binary ? "(" + text(expression) + ")" : text(expression);
	}

	private static String symbol(BinaryOperator operator) {
		return switch (operator) {
		case AND -> "and";
		case OR -> "or";
		case IMPLIES -> "implies";
		case EQ -> "==";
		case NE -> "!=";
		case LT -> "<";
		case LE -> "<=";
		case GT -> ">";
		case GE -> ">=";
		case ADD -> "+";
		case SUB -> "-";
		};
	}
}
