package dev.shall.checker.lowering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shall.model.KeyDecl;
import dev.shall.model.KeyParameter;
import dev.shall.model.Procedure;

/**
 * The finite set of symbolic key terms of each key declaration. A base key's terms are its
 * atoms; a derived key D = kdf(P, n1..nk) has one term per parent term and input values, so
 * that two terms are equal exactly when they were derived from equal inputs — which is what key
 * agreement and freshness are about. Terms are numbered from 0; derivation is arithmetic on the
 * numbers (mixed radix: parent first, then the inputs in order).
 */
public final class KeyUniverse {

	private final Map<KeyDecl, Integer> sizes = new HashMap<>();

	public KeyUniverse(Procedure procedure) {
		for (KeyDecl key : procedure.getKeys()) {
			size(key);
		}
	}

	/** The number of terms of the key; a derivation cycle (rejected by validation) is an error. */
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
		if (key.getParent() == null) {
			size = key.getAtoms().size();
		} else {
			size = size(key.getParent());
			for (KeyParameter parameter : key.getParameters()) {
				size *= parameter.getMax() - parameter.getMin() + 1L;
			}
		}
		if (size > 1 << 16) {
			throw new IllegalArgumentException("Key " + key.getName() + " has " + size
					+ " possible terms; narrow the ranges of its inputs");
		}
		sizes.put(key, (int) size);
		return (int) size;
	}

	/**
	 * The term D(parent, arguments), or -1 when an argument lies outside the declared range of its
	 * input (a bound of the model, reported by the checker).
	 */
	public int derive(KeyDecl key, int parentTerm, int[] arguments) {
		List<KeyParameter> parameters = key.getParameters();
		int term = parentTerm;
		for (int i = 0; i < parameters.size(); i++) {
			KeyParameter parameter = parameters.get(i);
			int width = parameter.getMax() - parameter.getMin() + 1;
			int offset = arguments[i] - parameter.getMin();
			if (offset < 0 || offset >= width) {
				return -1;
			}
			term = term * width + offset;
		}
		return term;
	}

	/** A readable name of a term, e.g. {@code SKeNB(KeNB.initial, 2)}. */
	public String describe(KeyDecl key, int term) {
		if (key.getParent() == null) {
			return key.getName() + "." + key.getAtoms().get(term).getName();
		}
		List<KeyParameter> parameters = key.getParameters();
		int[] arguments = new int[parameters.size()];
		int rest = term;
		for (int i = parameters.size() - 1; i >= 0; i--) {
			int width = parameters.get(i).getMax() - parameters.get(i).getMin() + 1;
			arguments[i] = rest % width + parameters.get(i).getMin();
			rest /= width;
		}
		StringBuilder text = new StringBuilder(key.getName()).append('(').append(describe(key.getParent(), rest));
		for (int argument : arguments) {
			text.append(", ").append(argument);
		}
		return text.append(')').toString();
	}
}
