package dev.shall.checker.encoding;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.function.IntBinaryOperator;

import dev.shall.checker.lowering.Domain;

/**
 * A value known only symbolically: for each concrete value it may take, the circuit literal
 * under which it takes it. Conditions are mutually exclusive. Domains in procedures are small
 * (a few enumeration literals, counters, key terms), so this "guarded values" form keeps every
 * operation simple and exact.
 */
public final class SymbolicValue {

	private final int[] values;
	private final int[] conditions;

	private SymbolicValue(int[] values, int[] conditions) {
		this.values = values;
		this.conditions = conditions;
	}

	public static SymbolicValue constant(int value) {
		return new SymbolicValue(new int[] { value }, new int[] { Circuit.TRUE });
	}

	public static SymbolicValue bool(int literal) {
		return new SymbolicValue(new int[] { 0, 1 }, new int[] { Circuit.not(literal), literal });
	}

	/** The value whose domain index is stored in the bits (least significant first). */
	public static SymbolicValue decode(Circuit circuit, Domain domain, int[] bits) {
		int[] values = new int[domain.size()];
		int[] conditions = new int[domain.size()];
		for (int index = 0; index < domain.size(); index++) {
			int condition = Circuit.TRUE;
			for (int bit = 0; bit < bits.length; bit++) {
				condition = circuit.and(condition, (index >> bit & 1) == 1 ? bits[bit] : Circuit.not(bits[bit]));
			}
			values[index] = domain.value(index);
			conditions[index] = condition;
		}
		return new SymbolicValue(values, conditions);
	}

	/** The bits storing the domain index of this value; values outside the domain store index 0. */
	public int[] encode(Circuit circuit, Domain domain) {
		int[] bits = new int[domain.bits()];
		Arrays.fill(bits, Circuit.FALSE);
		for (int i = 0; i < values.length; i++) {
			int index = domain.indexOf(values[i]);
			if (index < 0) {
				continue;
			}
			for (int bit = 0; bit < bits.length; bit++) {
				if ((index >> bit & 1) == 1) {
					bits[bit] = circuit.or(bits[bit], conditions[i]);
				}
			}
		}
		return bits;
	}

	/** The literal under which the value is not 0 (for booleans: true). */
	public int truth(Circuit circuit) {
		int result = Circuit.FALSE;
		for (int i = 0; i < values.length; i++) {
			if (values[i] != 0) {
				result = circuit.or(result, conditions[i]);
			}
		}
		return result;
	}

	public int is(Circuit circuit, int value) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == value) {
				return conditions[i];
			}
		}
		return Circuit.FALSE;
	}

	public int equalTo(Circuit circuit, SymbolicValue other) {
		int result = Circuit.FALSE;
		for (int i = 0; i < values.length; i++) {
			int j = Arrays.binarySearch(other.values, values[i]);
			if (j >= 0) {
				result = circuit.or(result, circuit.and(conditions[i], other.conditions[j]));
			}
		}
		return result;
	}

	/** The literal under which the value is some value at all (false for bit patterns no value has). */
	public int defined(Circuit circuit) {
		int result = Circuit.FALSE;
		for (int condition : conditions) {
			result = circuit.or(result, condition);
		}
		return result;
	}

	/** The literal under which the value lies outside the domain. */
	public int outside(Circuit circuit, Domain domain) {
		int result = Circuit.FALSE;
		for (int i = 0; i < values.length; i++) {
			if (!domain.contains(values[i])) {
				result = circuit.or(result, conditions[i]);
			}
		}
		return result;
	}

	public static SymbolicValue ite(Circuit circuit, int condition, SymbolicValue then, SymbolicValue otherwise) {
		if (condition == Circuit.TRUE) {
			return then;
		}
		if (condition == Circuit.FALSE) {
			return otherwise;
		}
		TreeMap<Integer, Integer> merged = new TreeMap<>();
		for (int i = 0; i < then.values.length; i++) {
			merged.merge(then.values[i], circuit.and(condition, then.conditions[i]), circuit::or);
		}
		for (int i = 0; i < otherwise.values.length; i++) {
			merged.merge(otherwise.values[i], circuit.and(Circuit.not(condition), otherwise.conditions[i]), circuit::or);
		}
		return of(merged);
	}

	/** f applied to every pair of possible values; {@code f} returns the result value. */
	public static SymbolicValue apply(Circuit circuit, SymbolicValue a, SymbolicValue b, IntBinaryOperator f) {
		TreeMap<Integer, Integer> merged = new TreeMap<>();
		for (int i = 0; i < a.values.length; i++) {
			for (int j = 0; j < b.values.length; j++) {
				int condition = circuit.and(a.conditions[i], b.conditions[j]);
				if (condition != Circuit.FALSE) {
					merged.merge(f.applyAsInt(a.values[i], b.values[j]), condition, circuit::or);
				}
			}
		}
		return of(merged);
	}

	/** f applied to every possible value. */
	public SymbolicValue map(Circuit circuit, java.util.function.IntUnaryOperator f) {
		TreeMap<Integer, Integer> merged = new TreeMap<>();
		for (int i = 0; i < values.length; i++) {
			merged.merge(f.applyAsInt(values[i]), conditions[i], circuit::or);
		}
		return of(merged);
	}

	private static SymbolicValue of(TreeMap<Integer, Integer> merged) {
		merged.values().removeIf(c -> c == Circuit.FALSE);
		int[] values = new int[merged.size()];
		int[] conditions = new int[merged.size()];
		int i = 0;
		for (var entry : merged.entrySet()) {
			values[i] = entry.getKey();
			conditions[i] = entry.getValue();
			i++;
		}
		return new SymbolicValue(values, conditions);
	}

	/** The concrete value in the solver's model. */
	public int valueIn(Circuit circuit) {
		for (int i = 0; i < values.length; i++) {
			if (circuit.valueOf(conditions[i])) {
				return values[i];
			}
		}
		throw new IllegalStateException("no value holds in the model");
	}

	public int[] possibleValues() {
		return values.clone();
	}

	public int conditionAt(int i) {
		return conditions[i];
	}
}
