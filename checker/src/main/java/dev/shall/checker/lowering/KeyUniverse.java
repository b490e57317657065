package dev.shall.checker.lowering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shall.model.Expression;
import dev.shall.model.KeyConstant;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyDerivation;
import dev.shall.model.KeyParameter;
import dev.shall.model.KeyType;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.ReceivedField;
import dev.shall.model.Type;
import dev.shall.model.VariableRef;
import dev.shall.model.frontend.Limits;

/**
 * The finite set of symbolic key terms of each key declaration. A base key's terms are its
 * atoms; a derived key D = kdf(P, n1..nk) has one term per parent term and input values, so
 * that two terms are equal exactly when they were derived from equal inputs — which is what key
 * agreement and freshness are about. A key with alternative parents (KeNB* from KeNB or from NH)
 * takes the terms of its first parent, then those of the next, and so on. Terms are numbered
 * from 0; derivation is arithmetic on the numbers (mixed radix: parent term first, then the
 * inputs in order).
 */
public final class KeyUniverse {

	/** A derived term taken apart: which parent, which of its terms, and the inputs. */
	public record Decoded(KeyDecl parent, int parentTerm, int[] arguments) {
	}

	private final Map<KeyDecl, Integer> sizes = new HashMap<>();

	public KeyUniverse(Procedure procedure) {
		for (KeyDecl key : procedure.getKeys()) {
			size(key);
		}
	}

	/**
	 * The number of terms of the key; a derivation cycle (rejected by validation) is an error, and
	 * so is a key with more terms than {@link Limits#MAX_VALUES} (also rejected by validation, which
	 * names the key). The count saturates instead of overflowing: three inputs of 2^32 values each
	 * multiply to 2^96, which a plain long product wraps to 0 — a key without terms.
	 */
	public int size(KeyDecl key) {
		Integer known = sizes.get(key);
		if (known != null) {
			if (known < 0) {
				throw new IllegalArgumentException("Key " + key.getName() + " is derived from itself");
			}
			return known;
		}
		sizes.put(key, -1);
		long size;
		if (key.getParents().isEmpty()) {
			size = key.getAtoms().size();
		} else {
			size = 0;
			for (KeyDecl parent : key.getParents()) {
				size = Limits.saturatedSum(size, size(parent));
			}
			for (KeyParameter parameter : key.getParameters()) {
				size = Limits.saturatedProduct(size, Limits.count(parameter.getMin(), parameter.getMax()));
			}
		}
		if (size < 1) {
			// an input with an empty range (rejected by validation) would leave the key without values
			throw new IllegalArgumentException("Key " + key.getName() + " has no possible terms");
		}
		if (size > Limits.MAX_VALUES) {
			throw new IllegalArgumentException("Key " + key.getName() + " has "
					+ (size == Long.MAX_VALUE ? "too many" : Limits.format(size))
					+ " possible terms; narrow the ranges of its inputs");
		}
		sizes.put(key, (int) size);
		return (int) size;
	}

	/** Where the terms of {@code parent} start among the parent terms of {@code key}. */
	public int offset(KeyDecl key, KeyDecl parent) {
		int offset = 0;
		for (KeyDecl candidate : key.getParents()) {
			if (candidate == parent) {
				return offset;
			}
			offset += size(candidate);
		}
		throw new IllegalArgumentException(key.getName() + " is not derived from " + parent.getName());
	}

	/**
	 * The term D(parent, arguments), or -1 when an argument lies outside the declared range of its
	 * input (a bound of the model, reported by the checker). The int arithmetic is exact: every
	 * width is at most the key's size (at most {@link Limits#MAX_VALUES}, checked by {@link #size}),
	 * the term so far times a width stays below that size, and arguments and bounds lie within
	 * {@link Limits#MAX_MAGNITUDE}, so their difference fits an int.
	 */
	public int derive(KeyDecl key, KeyDecl parent, int parentTerm, int[] arguments) {
		List<KeyParameter> parameters = key.getParameters();
		int term = offset(key, parent) + parentTerm;
		for (int i = 0; i < parameters.size(); i++) {
			KeyParameter parameter = parameters.get(i);
			int width = (int) Limits.count(parameter.getMin(), parameter.getMax());
			long offset = (long) arguments[i] - parameter.getMin();
			if (offset < 0 || offset >= width) {
				return -1;
			}
			term = term * width + (int) offset;
		}
		return term;
	}

	/** The parent, parent term and inputs of a derived term. */
	public Decoded decode(KeyDecl key, int term) {
		if (term < 0) {
			// the remainders below would read a negative number (none, say) as some real derivation
			throw new IllegalArgumentException(term + " is not a term of " + key.getName());
		}
		List<KeyParameter> parameters = key.getParameters();
		int[] arguments = new int[parameters.size()];
		int rest = term;
		for (int i = parameters.size() - 1; i >= 0; i--) {
			int width = (int) Limits.count(parameters.get(i).getMin(), parameters.get(i).getMax());
			arguments[i] = rest % width + parameters.get(i).getMin();
			rest /= width;
		}
		for (KeyDecl parent : key.getParents()) {
			if (rest < size(parent)) {
				return new Decoded(parent, rest, arguments);
			}
			rest -= size(parent);
		}
		throw new IllegalArgumentException(term + " is not a term of " + key.getName());
	}

	/** A readable name of a term, e.g. {@code SKeNB(KeNB.initial, 2)}. */
	public String describe(KeyDecl key, int term) {
		if (key.getParents().isEmpty()) {
			return key.getName() + "." + key.getAtoms().get(term).getName();
		}
		Decoded decoded = decode(key, term);
		StringBuilder text = new StringBuilder(key.getName()).append('(')
				.append(describe(decoded.parent(), decoded.parentTerm()));
		for (int argument : decoded.arguments()) {
			text.append(", ").append(argument);
		}
		return text.append(')').toString();
	}

	/** The key declaration of a key-valued expression (its static type). */
	public static KeyDecl declOf(Expression expression) {
		return switch (expression) {
		case VariableRef ref -> declOf(ref.getVariable().getType());
		case KeyConstant constant -> (KeyDecl) constant.getAtom().eContainer();
		case KeyDerivation derivation -> derivation.getKey();
		case ReceivedField field -> declOf(field.getField().getType());
		default -> throw new IllegalArgumentException("not a key expression: " + expression.eClass().getName());
		};
	}

	public static KeyDecl declOf(Type type) {
		return switch (type) {
		case OptionalType optional -> declOf(optional.getElement());
		case KeyType key -> key.getDecl();
		default -> throw new IllegalArgumentException("not a key type");
		};
	}
}
