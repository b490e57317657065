package dev.shall.checker.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.lowering.Domain;

/**
 * An invariant as clauses over the bits of a state, as IC3/PDR ({@link Pdr}) learns it: the
 * state's fields in the fixed order of {@link TransitionEncoding#bits}, each field its domain index
 * in binary (least significant bit first), and the bits numbered across the fields from 0. A
 * literal is {@code 2·bit} ("the bit is 1") or {@code 2·bit + 1} ("the bit is 0"); a clause holds
 * when one of its literals does, the invariant when every clause does.
 *
 * <p>The numbering depends only on the layout and the obligation (which fields exist), not on any
 * solver, so that the certification stage can read the clauses on an encoding of its own, and a
 * reader (or another tool) on the names of {@link #describe}.
 */
public final class InvariantClauses {

	private final int bits;
	private final List<int[]> clauses;

	/**
	 * @param bits    how many state bits the clauses are about (every field's bits, in order)
	 * @param clauses each a set of literals {@code 2·bit + (1 when the bit is 0)}
	 */
	public InvariantClauses(int bits, List<int[]> clauses) {
		this.bits = bits;
		List<int[]> copies = new ArrayList<>();
		for (int[] clause : clauses) {
			int[] copy = clause.clone();
			Arrays.sort(copy);
			for (int literal : copy) {
				if (literal < 0 || literal >> 1 >= bits) {
					throw new IllegalArgumentException("literal " + literal + " is about no bit of " + bits);
				}
			}
			copies.add(copy);
		}
		this.clauses = List.copyOf(copies);
	}

	/** How many state bits the clauses are about. */
	public int bits() {
		return bits;
	}

	/** The clauses (copies). */
	public List<int[]> clauses() {
		return clauses.stream().map(int[]::clone).toList();
	}

	public int size() {
		return clauses.size();
	}

	/**
	 * The invariant on a state, given its bits field by field (e.g. {@link TransitionEncoding#bits}).
	 *
	 * @throws IllegalArgumentException when the state has another number of bits: the clauses were
	 *                                  learnt on another layout or obligation
	 */
	public int on(Circuit circuit, List<int[]> stateBits) {
		int[] flat = flatten(stateBits);
		if (flat.length != bits) {
			throw new IllegalArgumentException("the invariant is about " + bits + " state bits, the state has "
					+ flat.length);
		}
		int result = Circuit.TRUE;
		for (int[] clause : clauses) {
			int any = Circuit.FALSE;
			for (int literal : clause) {
				int bit = flat[literal >> 1];
				any = circuit.or(any, (literal & 1) == 0 ? bit : Circuit.not(bit));
			}
			result = circuit.and(result, any);
		}
		return result;
	}

	/** The bits of a state field by field, as one array. */
	public static int[] flatten(List<int[]> stateBits) {
		return stateBits.stream().flatMapToInt(Arrays::stream).toArray();
	}

	/**
	 * The clauses over named bits, one line each: a one-bit field reads {@code name = value}
	 * ({@code MME.asked = 1}), a wider one {@code name bit k = 0|1} of its domain index
	 * ({@code MME.ncc bit 1 = 0}; the index counts the domain's values from its first).
	 */
	public List<String> describe(List<String> fieldNames, List<Domain> fieldDomains) {
		List<String> names = new ArrayList<>();
		for (int f = 0; f < fieldDomains.size(); f++) {
			Domain domain = fieldDomains.get(f);
			String name = f < fieldNames.size() ? fieldNames.get(f) : "field " + f;
			for (int b = 0; b < domain.bits(); b++) {
				names.add(domain.bits() == 1 ? name + " = %d" : name + " bit " + b + " = %d");
			}
		}
		List<String> texts = new ArrayList<>();
		for (int[] clause : clauses) {
			StringBuilder text = new StringBuilder();
			for (int literal : clause) {
				int bit = literal >> 1;
				String name = bit < names.size() ? names.get(bit) : "bit " + bit + " = %d";
				text.append(text.isEmpty() ? "" : " or ").append(String.format(name, (literal & 1) == 0 ? 1 : 0));
			}
			texts.add(text.isEmpty() ? "false" : text.toString());
		}
		return texts;
	}

	/** {@link #describe} on the encoding's own names. */
	public List<String> describe(TransitionEncoding encoding) {
		return describe(encoding.fieldNames(), encoding.fieldDomains());
	}
}
