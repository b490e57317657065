package dev.shall.checker.explicit;

import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.KeyUniverse;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Binary;
import dev.shall.model.BoolConstant;
import dev.shall.model.EnumConstant;
import dev.shall.model.Expression;
import dev.shall.model.Fired;
import dev.shall.model.IntConstant;
import dev.shall.model.KeyConstant;
import dev.shall.model.KeyDerivation;
import dev.shall.model.MessageType;
import dev.shall.model.NoneConstant;
import dev.shall.model.Once;
import dev.shall.model.OptionTest;
import dev.shall.model.ReceivedField;
import dev.shall.model.SessionBinder;
import dev.shall.model.Since;
import dev.shall.model.SomeSession;
import dev.shall.model.Unary;
import dev.shall.model.VariableRef;

/**
 * Evaluates model expressions on concrete values, straight from the model's definitions.
 * Booleans are 0 and 1; absent values are {@link Domain#NONE}.
 */
final class Evaluator {

	private final Layout layout;
	private final OptionAssignment options;
	private final boolean strict;

	/**
	 * @param strict whether a key derivation out of its inputs' ranges exceeds a bound (in
	 *               behaviour) rather than yielding none (in properties, which only observe)
	 */
	Evaluator(Layout layout, OptionAssignment options, boolean strict) {
		this.layout = layout;
		this.options = options;
		this.strict = strict;
	}

	/**
	 * The value of the expression in one instance.
	 *
	 * @param variables the instance's variables
	 * @param received  the fields of the received message, or null
	 * @param fired     whether a transition produced the state (for properties), or null in behaviour
	 */
	int evaluate(Expression expression, int[] variables, QueuedMessage received, MessageType receivedType,
			java.util.function.Predicate<dev.shall.model.Transition> fired) throws BoundExceeded {
		return evaluate(expression, variables, received, receivedType, fired, null);
	}

	/**
	 * The value of a property-side expression in one instance, past-time operators included.
	 *
	 * @param previously the value of a past-time occurrence in the state before (false in the
	 *                   initial state), from the instance's monitor; null in behaviour
	 */
	int evaluate(Expression expression, int[] variables, QueuedMessage received, MessageType receivedType,
			java.util.function.Predicate<dev.shall.model.Transition> fired,
			java.util.function.Predicate<Expression> previously) throws BoundExceeded {
		return evaluate(expression, variables, received, receivedType, fired, previously, null);
	}

	/**
	 * The copies of every session's variables, for references to a bound session ({@code e.psk})
	 * or to another session ({@code other.UE.x}), and the sessions the enclosing binders chose
	 * (semantics §2.6). Immutable.
	 *
	 * @param all   per session, its variables in layout order (shared variables are the same in each)
	 * @param own   the session of the move or of the property
	 * @param bound the session each binder in scope stands for
	 */
	record Sessions(int[][] all, int own, java.util.Map<SessionBinder, Integer> bound) {

		Sessions(int[][] all, int own) {
			this(all, own, java.util.Map.of());
		}

		Sessions bind(SessionBinder binder, int session) {
			java.util.Map<SessionBinder, Integer> more = new java.util.IdentityHashMap<>(bound);
			more.put(binder, session);
			return new Sessions(all, own, more);
		}

		/** Semantics §2.6: the other session of session i is session i + 1 (mod N), which by symmetry (§1.2) stands for every other one. */
		int other() {
			return (own + 1) % all.length;
		}
	}

	/**
	 * The value of an expression with the copies of every session at hand.
	 *
	 * @param sessions every session's variables; null where no expression reads another session's
	 *                 (then {@code variables} is all there is)
	 */
	int evaluate(Expression expression, int[] variables, QueuedMessage received, MessageType receivedType,
			java.util.function.Predicate<dev.shall.model.Transition> fired,
			java.util.function.Predicate<Expression> previously, Sessions sessions) throws BoundExceeded {
		switch (expression) {
		case BoolConstant constant -> {
			return constant.isValue() ? 1 : 0;
		}
		case IntConstant constant -> {
			return constant.getValue();
		}
		case NoneConstant none -> {
			return Domain.NONE;
		}
		case EnumConstant constant -> {
			return ((dev.shall.model.EnumDecl) constant.getLiteral().eContainer()).getLiterals().indexOf(constant.getLiteral());
		}
		case KeyConstant constant -> {
			return ((dev.shall.model.KeyDecl) constant.getAtom().eContainer()).getAtoms().indexOf(constant.getAtom());
		}
		case VariableRef ref when ref.getSession() != null -> {
			return needs(sessions, ref).all()[sessions.bound().get(ref.getSession())][layout.indexOf(ref.getVariable())];
		}
		case VariableRef ref when ref.isOther() -> {
			return needs(sessions, ref).all()[sessions.other()][layout.indexOf(ref.getVariable())];
		}
		case VariableRef ref -> {
			return variables[layout.indexOf(ref.getVariable())];
		}
		// semantics §2.6: some session, the own one included, satisfies the condition
		case SomeSession some -> {
			needs(sessions, some);
			for (int session = 0; session < sessions.all().length; session++) {
				if (evaluate(some.getBinder().getCondition(), variables, received, receivedType, fired, previously,
						sessions.bind(some.getBinder(), session)) != 0) {
					return 1;
				}
			}
			return 0;
		}
		case ReceivedField ref -> {
			return received.fields()[receivedType.getFields().indexOf(ref.getField())];
		}
		case OptionTest test -> {
			return options.holds(test) ? 1 : 0;
		}
		case Fired firedRef -> {
			return fired != null && fired.test(firedRef.getTransition()) ? 1 : 0;
		}
		case Unary unary -> {
			int operand = evaluate(unary.getOperand(), variables, received, receivedType, fired, previously, sessions);
			return switch (unary.getOperator()) {
			case NOT -> 1 - operand;
			case NEGATE -> -operand;
			};
		}
		// semantics §6.5: once A = A ∨ Y(once A); A since B = B ∨ (A ∧ Y(A since B)), where Y reads
		// the occurrence's history bit (false in the initial state)
		case Once once -> {
			return evaluate(once.getOperand(), variables, received, receivedType, fired, previously, sessions) != 0
					|| previously.test(once) ? 1 : 0;
		}
		case Since since -> {
			if (evaluate(since.getTrigger(), variables, received, receivedType, fired, previously, sessions) != 0) {
				return 1;
			}
			return evaluate(since.getHeld(), variables, received, receivedType, fired, previously, sessions) != 0
					&& previously.test(since) ? 1 : 0;
		}
		case KeyDerivation derivation -> {
			int base = evaluate(derivation.getBase(), variables, received, receivedType, fired, previously, sessions);
			if (base == Domain.NONE) {
				return Domain.NONE;
			}
			int[] arguments = new int[derivation.getArguments().size()];
			for (int i = 0; i < arguments.length; i++) {
				arguments[i] = evaluate(derivation.getArguments().get(i), variables, received, receivedType, fired, previously, sessions);
			}
			int term = layout.keys().derive(derivation.getKey(), KeyUniverse.declOf(derivation.getBase()), base,
					arguments);
			if (term < 0 && !strict) {
				return Domain.NONE;
			}
			if (term < 0) {
				throw new BoundExceeded("an input of " + derivation.getKey().getName() + " is out of its range");
			}
			return term;
		}
		case Binary binary -> {
			return binary(binary, variables, received, receivedType, fired, previously, sessions);
		}
		default -> throw new IllegalArgumentException("Unknown expression " + expression.eClass().getName());
		}
	}

	private static Sessions needs(Sessions sessions, Expression at) {
		if (sessions == null) {
			throw new IllegalStateException("another session's copy read where only one session is at hand");
		}
		return sessions;
	}

	private int binary(Binary binary, int[] variables, QueuedMessage received, MessageType receivedType,
			java.util.function.Predicate<dev.shall.model.Transition> fired,
			java.util.function.Predicate<Expression> previously, Sessions sessions) throws BoundExceeded {
		int left = evaluate(binary.getLeft(), variables, received, receivedType, fired, previously, sessions);
		// and, or and implies short-circuit, as an author reads them
		switch (binary.getOperator()) {
		case AND:
			return left == 0 ? 0 : evaluate(binary.getRight(), variables, received, receivedType, fired, previously, sessions);
		case OR:
			return left != 0 ? 1 : evaluate(binary.getRight(), variables, received, receivedType, fired, previously, sessions);
		case IMPLIES:
			return left == 0 ? 1 : evaluate(binary.getRight(), variables, received, receivedType, fired, previously, sessions);
		default:
			break;
		}
		int right = evaluate(binary.getRight(), variables, received, receivedType, fired, previously, sessions);
		return switch (binary.getOperator()) {
		case EQ -> left == right ? 1 : 0;
		case NE -> left != right ? 1 : 0;
		case LT -> left < right ? 1 : 0;
		case LE -> left <= right ? 1 : 0;
		case GT -> left > right ? 1 : 0;
		case GE -> left >= right ? 1 : 0;
		// exact in int: validation keeps literals, bounds and every value a sum or difference can take
		// within ±Limits.MAX_MAGNITUDE (2^30 - 1), so no sum or difference of two of them overflows
		case ADD -> left + right;
		case SUB -> left - right;
		default -> throw new IllegalStateException();
		};
	}
}
