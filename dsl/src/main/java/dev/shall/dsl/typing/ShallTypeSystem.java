package dev.shall.dsl.typing;


import org.eclipse.emf.ecore.EObject;

import dev.shall.dsl.shall.Binary;
import dev.shall.dsl.shall.BoolLiteral;
import dev.shall.dsl.shall.BoolType;
import dev.shall.dsl.shall.Derivation;
import dev.shall.dsl.shall.EnumDecl;
import dev.shall.dsl.shall.EnumLiteral;
import dev.shall.dsl.shall.Expression;
import dev.shall.dsl.shall.Field;
import dev.shall.dsl.shall.FiredRef;
import dev.shall.dsl.shall.IntLiteral;
import dev.shall.dsl.shall.IntType;
import dev.shall.dsl.shall.KeyAtom;
import dev.shall.dsl.shall.KeyDecl;
import dev.shall.dsl.shall.NameRef;
import dev.shall.dsl.shall.NamedType;
import dev.shall.dsl.shall.NoneLiteral;
import dev.shall.dsl.shall.Not;
import dev.shall.dsl.shall.OptionDecl;
import dev.shall.dsl.shall.OptionValue;
import dev.shall.dsl.shall.OptionalType;
import dev.shall.dsl.shall.ParameterKind;
import dev.shall.dsl.shall.RuleParameter;
import dev.shall.dsl.shall.TypeRef;
import dev.shall.dsl.shall.Variable;
import dev.shall.model.frontend.Limits;

/**
 * Computes the types of expressions and decides assignability and comparability. Used by the
 * validator (to report errors) and by the compiler (which may assume a validated input).
 */
public final class ShallTypeSystem {

	private static final ShallType BOOL = new ShallType.Bool();
	private static final ShallType ANY = new ShallType.Any();

	public ShallType typeOf(TypeRef type) {
		if (type instanceof BoolType) {
			return BOOL;
		}
		if (type instanceof IntType range) {
			return new ShallType.Int(range.getMin(), range.getMax());
		}
		if (type instanceof OptionalType optional) {
			return new ShallType.Optional(typeOf(optional.getElement()));
		}
		if (type instanceof NamedType named && named.getType() != null && !named.getType().eIsProxy()) {
			if (named.getType() instanceof EnumDecl decl) {
				return new ShallType.Enum(decl);
			}
			if (named.getType() instanceof KeyDecl decl) {
				return new ShallType.Key(decl);
			}
			if (named.getType() instanceof dev.shall.dsl.shall.IdentityDecl decl) {
				return new ShallType.Identity(decl);
			}
		}
		return ANY;
	}

	/**
	 * Where types of sums and comparisons already computed in the current validation pass are
	 * kept, or null. A type is computed from its operands', and the validator asks for the type of
	 * every node of an expression: without the memo a sum of 5,000 terms walked its subtree at
	 * every node (seconds, quadratic).
	 */
	private java.util.function.Supplier<java.util.Map<Expression, ShallType>> memo = () -> null;

	/** Memoizes types in the map the supplier gives (one validation pass, in which the model does not change). */
	public void memoizeWith(java.util.function.Supplier<java.util.Map<Expression, ShallType>> types) {
		this.memo = types;
	}

	public ShallType typeOf(Expression expression) {
		java.util.Map<Expression, ShallType> known = expression instanceof Binary ? memo.get() : null;
		if (known == null) {
			return computeTypeOf(expression);
		}
		ShallType type = known.get(expression);
		if (type == null) {
			type = computeTypeOf(expression);
			known.put(expression, type);
		}
		return type;
	}

	private ShallType computeTypeOf(Expression expression) {
		if (expression == null) {
			return ANY;
		}
		if (expression instanceof BoolLiteral || expression instanceof FiredRef || expression instanceof Not
				|| expression instanceof dev.shall.dsl.shall.Once || expression instanceof dev.shall.dsl.shall.Since
				|| expression instanceof dev.shall.dsl.shall.TimerTest
				|| expression instanceof dev.shall.dsl.shall.SomeSession
				|| expression instanceof dev.shall.dsl.shall.AttackerKnows) {
			return BOOL;
		}
		if (expression instanceof IntLiteral literal) {
			return new ShallType.Int(literal.getValue(), literal.getValue());
		}
		if (expression instanceof NoneLiteral) {
			return new ShallType.None();
		}
		if (expression instanceof Derivation derivation) {
			if (derivation.getKey() == null || derivation.getKey().eIsProxy()) {
				return ANY;
			}
			ShallType key = new ShallType.Key(derivation.getKey());
			// a key derived from a key that may be absent may itself be absent
			return typeOf(derivation.getBase()) instanceof ShallType.Optional ? new ShallType.Optional(key) : key;
		}
		if (expression instanceof NameRef ref) {
			return typeOfName(ref.getTarget());
		}
		if (expression instanceof Binary binary) {
			return typeOfBinary(binary);
		}
		return ANY;
	}

	/** The type of a constant (literal, atom, option value) or of any other nameable element. */
	public ShallType typeOfConstant(EObject constant) {
		return typeOfName(constant);
	}

	private ShallType typeOfName(EObject target) {
		if (target == null || target.eIsProxy()) {
			return ANY;
		}
		if (target instanceof Variable variable) {
			return typeOf(variable.getType());
		}
		if (target instanceof Field field) {
			return typeOf(field.getType());
		}
		if (target instanceof OptionDecl option) {
			return new ShallType.Option(option);
		}
		if (target instanceof OptionValue value) {
			return new ShallType.Option((OptionDecl) value.eContainer());
		}
		if (target instanceof EnumLiteral literal) {
			return new ShallType.Enum((EnumDecl) literal.eContainer());
		}
		if (target instanceof KeyAtom atom) {
			return new ShallType.Key((KeyDecl) atom.eContainer());
		}
		if (target instanceof RuleParameter parameter) {
			return parameter.getKind() == ParameterKind.CONDITION ? BOOL : ANY;
		}
		return ANY;
	}

	private ShallType typeOfBinary(Binary binary) {
		switch (binary.getOperator()) {
		case ADD, SUB -> {
			if (typeOf(binary.getLeft()) instanceof ShallType.Int left
					&& typeOf(binary.getRight()) instanceof ShallType.Int right) {
				// saturating, so that even a sum of thousands of large terms keeps its sign
				return switch (binary.getOperator()) {
				case ADD -> new ShallType.Int(Limits.saturatedSum(left.min(), right.min()),
						Limits.saturatedSum(left.max(), right.max()));
				default -> new ShallType.Int(Limits.saturatedSum(left.min(), negate(right.max())),
						Limits.saturatedSum(left.max(), negate(right.min())));
				};
			}
			return ANY;
		}
		default -> {
			return BOOL;
		}
		}
	}

	private static long negate(long value) {
		return value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
	}

	/** Whether a value of type {@code source} may be stored where {@code target} is expected. */
	public boolean isAssignable(ShallType target, ShallType source) {
		if (target instanceof ShallType.Any || source instanceof ShallType.Any) {
			return true;
		}
		if (target instanceof ShallType.Optional optional) {
			return source instanceof ShallType.None || isAssignable(optional.element(), source.present());
		}
		if (target instanceof ShallType.Int && source instanceof ShallType.Int) {
			// the range is checked when the value is stored: going out of it is a finding of the checker
			return true;
		}
		return target.equals(source);
	}

	/** Whether {@code ==} and {@code !=} are meaningful between values of the two types. */
	public boolean isComparable(ShallType left, ShallType right) {
		if (left instanceof ShallType.Any || right instanceof ShallType.Any) {
			return true;
		}
		if (left instanceof ShallType.None) {
			return right instanceof ShallType.Optional;
		}
		if (right instanceof ShallType.None) {
			return left instanceof ShallType.Optional;
		}
		ShallType l = left.present();
		ShallType r = right.present();
		if (l instanceof ShallType.Int && r instanceof ShallType.Int) {
			return true;
		}
		return l.equals(r);
	}
}
