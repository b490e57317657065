package dev.shall.checker.encoding;

import java.util.function.Function;

import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.KeyUniverse;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Binary;
import dev.shall.model.BoolConstant;
import dev.shall.model.EnumConstant;
import dev.shall.model.EnumDecl;
import dev.shall.model.Expression;
import dev.shall.model.Fired;
import dev.shall.model.IntConstant;
import dev.shall.model.KeyConstant;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyDerivation;
import dev.shall.model.MessageType;
import dev.shall.model.NoneConstant;
import dev.shall.model.Once;
import dev.shall.model.OptionTest;
import dev.shall.model.ReceivedField;
import dev.shall.model.Since;
import dev.shall.model.Transition;
import dev.shall.model.Unary;
import dev.shall.model.VariableRef;

/**
 * Expressions as circuits: the symbolic twin of {@link dev.shall.checker.explicit.Evaluator}
 * (semantics §2.4, values; §3.1, guards and effects; §3.2, a key derivation input out of its range
 * blocks the step).
 */
final class SymbolicEvaluator {

	/** Marks a derived key term whose input lies outside the parameter's range (semantics §3.2). */
	private static final int OUT_OF_RANGE = Integer.MIN_VALUE;

	private final Layout layout;
	private final OptionAssignment options;

	SymbolicEvaluator(Layout layout, OptionAssignment options) {
		this.layout = layout;
		this.options = options;
	}

	/**
	 * What an expression may read: the acting instance's variables, the fields of the message it
	 * received (if any), which steps fired in the last move (for properties), and whether an
	 * out-of-range derivation counts as an overflow of the step ({@code strict}: behaviour, not
	 * properties), and for properties the literal of each past-time occurrence's history bit, its
	 * value in the state before ({@code previous}, semantics §6.5; null in behaviour).
	 */
	record Env(SymbolicValue[] variables, SymbolicValue[] receivedFields, MessageType receivedType,
			Function<Transition, Integer> fired, boolean strict, Function<Expression, Integer> previous) {

		Env(SymbolicValue[] variables, SymbolicValue[] receivedFields, MessageType receivedType,
				Function<Transition, Integer> fired, boolean strict) {
			this(variables, receivedFields, receivedType, fired, strict, null);
		}
	}

	/**
	 * The symbolic value of the expression. Where evaluating it would exceed a bound (a key
	 * derivation input out of range) under {@code guard}, the condition is added to {@code overflow[0]}.
	 */
	SymbolicValue evaluate(Circuit c, Expression expression, Env env, int guard, int[] overflow) {
		switch (expression) {
		case BoolConstant constant:
			return SymbolicValue.constant(constant.isValue() ? 1 : 0);
		case IntConstant constant:
			return SymbolicValue.constant(constant.getValue());
		case NoneConstant none:
			return SymbolicValue.constant(Domain.NONE);
		case EnumConstant constant:
			return SymbolicValue.constant(((EnumDecl) constant.getLiteral().eContainer()).getLiterals().indexOf(constant
					.getLiteral()));
		case KeyConstant constant:
			return SymbolicValue.constant(((KeyDecl) constant.getAtom().eContainer()).getAtoms().indexOf(constant
					.getAtom()));
		case VariableRef ref:
			return env.variables()[layout.indexOf(ref.getVariable())];
		case ReceivedField ref:
			return env.receivedFields()[env.receivedType().getFields().indexOf(ref.getField())];
		case OptionTest test:
			return SymbolicValue.constant(options.holds(test) ? 1 : 0);
		case Fired fired:
			return SymbolicValue.bool(env.fired().apply(fired.getTransition()));
		case Unary unary: {
			SymbolicValue operand = evaluate(c, unary.getOperand(), env, guard, overflow);
			return switch (unary.getOperator()) {
			case NOT -> SymbolicValue.bool(Circuit.not(operand.truth(c)));
			case NEGATE -> operand.map(c, v -> -v);
			};
		}
		// semantics §6.5: once A = A ∨ Y(once A); A since B = B ∨ (A ∧ Y(A since B))
		case Once once: {
			int operand = evaluate(c, once.getOperand(), env, guard, overflow).truth(c);
			return SymbolicValue.bool(c.or(operand, env.previous().apply(once)));
		}
		case Since since: {
			int trigger = evaluate(c, since.getTrigger(), env, guard, overflow).truth(c);
			int held = evaluate(c, since.getHeld(), env, guard, overflow).truth(c);
			return SymbolicValue.bool(c.or(trigger, c.and(held, env.previous().apply(since))));
		}
		case KeyDerivation derivation:
			return derive(c, derivation, env, guard, overflow);
		case Binary binary:
			return binary(c, binary, env, guard, overflow);
		default:
			throw new IllegalArgumentException("Unknown expression " + expression.eClass().getName());
		}
	}

	private SymbolicValue derive(Circuit c, KeyDerivation derivation, Env env, int guard, int[] overflow) {
		KeyDecl key = derivation.getKey();
		// a key with alternative parents numbers the terms of this parent after those of the ones before it
		int parentOffset = layout.keys().offset(key, KeyUniverse.declOf(derivation.getBase()));
		SymbolicValue term = evaluate(c, derivation.getBase(), env, guard, overflow);
		if (parentOffset > 0) {
			term = term.map(c, t -> t == Domain.NONE ? t : t + parentOffset);
		}
		for (int a = 0; a < derivation.getArguments().size(); a++) {
			SymbolicValue argument = evaluate(c, derivation.getArguments().get(a), env, guard, overflow);
			int min = key.getParameters().get(a).getMin();
			int width = key.getParameters().get(a).getMax() - min + 1;
			term = SymbolicValue.apply(c, term, argument, (t, v) -> {
				if (t == Domain.NONE || t == OUT_OF_RANGE) {
					return t;
				}
				return v - min < 0 || v - min >= width ? OUT_OF_RANGE : t * width + (v - min);
			});
		}
		int outOfRange = term.is(c, OUT_OF_RANGE);
		if (env.strict()) {
			overflow[0] = c.or(overflow[0], c.and(guard, outOfRange));
		}
		return term.map(c, t -> t == OUT_OF_RANGE ? Domain.NONE : t);
	}

	private SymbolicValue binary(Circuit c, Binary binary, Env env, int guard, int[] overflow) {
		SymbolicValue left = evaluate(c, binary.getLeft(), env, guard, overflow);
		switch (binary.getOperator()) {
		case AND: {
			int l = left.truth(c);
			int r = evaluate(c, binary.getRight(), env, c.and(guard, l), overflow).truth(c);
			return SymbolicValue.bool(c.and(l, r));
		}
		case OR: {
			int l = left.truth(c);
			int r = evaluate(c, binary.getRight(), env, c.and(guard, Circuit.not(l)), overflow).truth(c);
			return SymbolicValue.bool(c.or(l, r));
		}
		case IMPLIES: {
			int l = left.truth(c);
			int r = evaluate(c, binary.getRight(), env, c.and(guard, l), overflow).truth(c);
			return SymbolicValue.bool(c.implies(l, r));
		}
		default:
			break;
		}
		SymbolicValue right = evaluate(c, binary.getRight(), env, guard, overflow);
		return switch (binary.getOperator()) {
		case EQ -> SymbolicValue.bool(left.equalTo(c, right));
		case NE -> SymbolicValue.bool(Circuit.not(left.equalTo(c, right)));
		case LT -> SymbolicValue.apply(c, left, right, (a, b) -> a < b ? 1 : 0);
		case LE -> SymbolicValue.apply(c, left, right, (a, b) -> a <= b ? 1 : 0);
		case GT -> SymbolicValue.apply(c, left, right, (a, b) -> a > b ? 1 : 0);
		case GE -> SymbolicValue.apply(c, left, right, (a, b) -> a >= b ? 1 : 0);
		case ADD -> SymbolicValue.apply(c, left, right, Integer::sum);
		case SUB -> SymbolicValue.apply(c, left, right, (a, b) -> a - b);
		default -> throw new IllegalStateException();
		};
	}
}
