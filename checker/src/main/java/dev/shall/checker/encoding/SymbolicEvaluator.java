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
import dev.shall.model.SessionBinder;
import dev.shall.model.SomeSession;

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
			Function<Transition, Integer> fired, boolean strict, Function<Expression, Integer> previous,
			Sessions sessions) {

		Env(SymbolicValue[] variables, SymbolicValue[] receivedFields, MessageType receivedType,
				Function<Transition, Integer> fired, boolean strict) {
			this(variables, receivedFields, receivedType, fired, strict, null, null);
		}

		Env(SymbolicValue[] variables, SymbolicValue[] receivedFields, MessageType receivedType,
				Function<Transition, Integer> fired, boolean strict, Function<Expression, Integer> previous) {
			this(variables, receivedFields, receivedType, fired, strict, previous, null);
		}

		Env with(Sessions other) {
			return new Env(variables, receivedFields, receivedType, fired, strict, previous, other);
		}
	}

	/**
	 * Every session's variables, for a bound session's copy ({@code e.psk}) or another session's
	 * ({@code other.UE.x}), and the session each binder in scope stands for, as a symbolic index
	 * (semantics §2.6). The twin of {@code explicit.Evaluator.Sessions}.
	 *
	 * @param all   per session, its variables (the acting session's as the move has changed them so far)
	 * @param own   the session of the move or the property
	 * @param bound per binder, the session index 0..N-1
	 */
	record Sessions(SymbolicValue[][] all, int own, java.util.Map<SessionBinder, SymbolicValue> bound) {

		Sessions(SymbolicValue[][] all, int own) {
			this(all, own, java.util.Map.of());
		}

		Sessions bind(SessionBinder binder, SymbolicValue session) {
			java.util.Map<SessionBinder, SymbolicValue> more = new java.util.IdentityHashMap<>(bound);
			more.put(binder, session);
			return new Sessions(all, own, more);
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
		case VariableRef ref when ref.getSession() != null: {
			// semantics §2.6: the bound session's copy, a choice among the sessions by its index
			SymbolicValue which = needs(env, ref).bound().get(ref.getSession());
			int index = layout.indexOf(ref.getVariable());
			SymbolicValue result = null;
			for (int session = env.sessions().all().length - 1; session >= 0; session--) {
				SymbolicValue copy = session == env.sessions().own() ? env.variables()[index]
						: env.sessions().all()[session][index];
				result = result == null ? copy : SymbolicValue.ite(c, which.is(c, session), copy, result);
			}
			return result;
		}
		case VariableRef ref when ref.isOther(): {
			// semantics §2.6: session i's other session is i + 1 (mod N)
			Sessions sessions = needs(env, ref);
			return sessions.all()[(sessions.own() + 1) % sessions.all().length][layout.indexOf(ref.getVariable())];
		}
		case VariableRef ref:
			return env.variables()[layout.indexOf(ref.getVariable())];
		case SomeSession some: {
			// semantics §2.6: some session, the own one included
			Sessions sessions = needs(env, some);
			int any = Circuit.FALSE;
			for (int session = 0; session < sessions.all().length; session++) {
				Env bound = env.with(sessions.bind(some.getBinder(), SymbolicValue.constant(session)));
				any = c.or(any, evaluate(c, some.getBinder().getCondition(), bound, guard, overflow).truth(c));
			}
			return SymbolicValue.bool(any);
		}
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

	private static Sessions needs(Env env, Expression at) {
		if (env.sessions() == null) {
			throw new IllegalStateException("another session's copy read where only one session is at hand");
		}
		return env.sessions();
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
