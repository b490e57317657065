package dev.shall.dsl.typing;

import dev.shall.dsl.shall.EnumDecl;
import dev.shall.dsl.shall.KeyDecl;
import dev.shall.dsl.shall.OptionDecl;

/**
 * The static type of an expression of the shall language. Types are values: two types are
 * equal when they denote the same set of values.
 */
public sealed interface ShallType {

	/** A description for messages to spec authors, e.g. {@code 0..3} or {@code key SKeNB}. */
	String describe();

	record Bool() implements ShallType {
		@Override
		public String describe() {
			return "bool";
		}
	}

	/**
	 * A bounded integer; the bounds of an arithmetic result are those the operands allow. They are
	 * longs so that computing them cannot overflow (a sum of two int bounds may not fit an int);
	 * validation refuses any beyond {@code Limits.MAX_MAGNITUDE}.
	 */
	record Int(long min, long max) implements ShallType {
		@Override
		public String describe() {
			return min + ".." + max;
		}
	}

	record Enum(EnumDecl decl) implements ShallType {
		@Override
		public String describe() {
			return "enum " + decl.getName();
		}
	}

	record Key(KeyDecl decl) implements ShallType {
		@Override
		public String describe() {
			return "key " + decl.getName();
		}
	}

	/** An identity of a pool (semantics §2.5): only compared for equality. */
	record Identity(dev.shall.dsl.shall.IdentityDecl decl) implements ShallType {
		@Override
		public String describe() {
			return "identity " + decl.getName();
		}
	}

	/** The type of an option: it can only be compared with one of its values. */
	record Option(OptionDecl decl) implements ShallType {
		@Override
		public String describe() {
			return "option " + decl.getName();
		}
	}

	/** A value that may be absent ({@code none}), written {@code T?}. */
	record Optional(ShallType element) implements ShallType {
		@Override
		public String describe() {
			return element.describe() + "?";
		}
	}

	/** The type of the literal {@code none}. */
	record None() implements ShallType {
		@Override
		public String describe() {
			return "none";
		}
	}

	/**
	 * The type of a rule's {@code value} parameter, or of anything whose type could not be
	 * computed because of an earlier error; it is compatible with everything so that one mistake
	 * is reported once.
	 */
	record Any() implements ShallType {
		@Override
		public String describe() {
			return "any";
		}
	}

	default boolean isBool() {
		return this instanceof Bool || this instanceof Any;
	}

	default boolean isInt() {
		return this instanceof Int || this instanceof Any;
	}

	/** The type without its optional wrapper. */
	default ShallType present() {
		return this instanceof Optional optional ? optional.element() : this;
	}
}
