package dev.shall.checker.encoding;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.lowering.Domain;

/**
 * One safety question as an AIGER 1.9 ASCII model ({@code aag}; A. Biere, "The AIGER And-Inverter
 * Graph (AIG) Format, Version 20071012", and the 1.9 additions used by the hardware model-checking
 * competition): the and-inverter graph of {@link Circuit} itself, with
 * <ul>
 * <li>a <b>latch</b> per state bit (the fields of {@link TransitionEncoding#bits}, in order), reset
 * to the initial state's bit (semantics §2.3);
 * <li>a <b>primary input</b> per input bit the transition relation or the bad-state predicate reads
 * (which instance and action, the queue slot, the branches of choices; for the bounds question the
 * probe move);
 * <li>the latches' next-state functions: the step's state when the inputs select a legal move
 * ({@link TransitionEncoding.Step#enabled}), else the state unchanged — a stutter, which reaches no
 * state a legal move does not (so no invariant constraint is needed, and a bad state without a
 * legal move is still a bad state);
 * <li>one <b>bad-state property</b> ({@code B = 1}): the obligation's {@link TransitionEncoding#bad}.
 * </ul>
 * A state is reachable in the model exactly when it is a reachable state of the procedure (well
 * formed: reachable states are), so a model checker for AIGER (ABC's {@code pdr}, {@code dprove},
 * nuXmv, the HWMCC engines) answers the same question. Symbols name the inputs and latches.
 */
public final class AigerExport {

	private AigerExport() {
	}

	/** What was written: for tests and messages. */
	public record Summary(int inputs, int latches, int ands, List<String> inputNames, List<String> latchNames) {
	}

	public static Summary write(TransitionEncoding encoding, PrintWriter out) {
		return write(encoding, out, null);
	}

	/**
	 * The binary format ({@code aig}), which ABC's {@code read_aiger} needs: the same model, the
	 * and-gates as delta-encoded varints (operands before the gate, the larger operand first).
	 */
	public static Summary writeBinary(TransitionEncoding encoding, java.io.OutputStream out) throws java.io.IOException {
		java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
		Summary summary = write(encoding, null, new Binary(header, new java.io.ByteArrayOutputStream()));
		out.write(header.toByteArray());
		out.flush();
		return summary;
	}

	/** Collects the binary file: the ASCII lines before the gates, the gates, the symbols after. */
	private record Binary(java.io.ByteArrayOutputStream text, java.io.ByteArrayOutputStream unused) {
		void line(String line) {
			text.writeBytes((line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}

		void number(int value) {
			// AIGER's 7-bit varint: low bits first, the high bit set on every byte but the last
			while ((value & ~0x7f) != 0) {
				text.write((value & 0x7f) | 0x80);
				value >>>= 7;
			}
			text.write(value);
		}
	}

	private static Summary write(TransitionEncoding encoding, PrintWriter ascii, Binary binary) {
		java.util.function.Consumer<String> out = binary != null ? binary::line : ascii::println;
		Circuit circuit = encoding.circuit();
		SymbolicState current = encoding.freeState();
		TransitionEncoding.Step step = encoding.step(current);
		int[] latches = flatten(encoding.rawBits(current));
		int[] computed = flatten(step.computed());
		int[] initial = flatten(encoding.bits(encoding.initialState()));
		int bad = encoding.bad(current);
		int[] next = new int[latches.length];
		for (int j = 0; j < latches.length; j++) {
			next[j] = circuit.ite(step.enabled(), computed[j], latches[j]);
			if (initial[j] != Circuit.TRUE && initial[j] != Circuit.FALSE) {
				throw new IllegalStateException("the initial state is not constant");
			}
		}
		// names of the inputs the step reads
		Map<Integer, String> inputNames = new HashMap<>();
		TransitionEncoding.Inputs inputs = step.inputs();
		name(inputNames, inputs.move(), "move");
		name(inputNames, inputs.slot(), "slot");
		for (int c = 0; c < inputs.choices().length; c++) {
			name(inputNames, inputs.choices()[c], "choice[" + c + "]");
		}
		// the cone of the roots, and-gates in topological order (operands first)
		Map<Integer, Integer> latchOf = new HashMap<>();
		for (int j = 0; j < latches.length; j++) {
			latchOf.put(latches[j] >> 1, j);
		}
		List<Integer> primary = new ArrayList<>();
		List<Integer> ands = new ArrayList<>();
		boolean[] seen = new boolean[circuit.nodeCount()];
		List<Integer> roots = new ArrayList<>();
		for (int literal : next) {
			roots.add(literal >> 1);
		}
		roots.add(bad >> 1);
		for (int latch : latches) {
			roots.add(latch >> 1);
		}
		for (int root : roots) {
			visit(circuit, root, seen, primary, ands, latchOf);
		}
		// AIGER variables: inputs 1..I, latches I+1..I+L, and-gates after
		Map<Integer, Integer> variable = new LinkedHashMap<>();
		int v = 1;
		for (int node : primary) {
			variable.put(node, v++);
		}
		for (int latch : latches) {
			variable.put(latch >> 1, v++);
		}
		for (int node : ands) {
			variable.put(node, v++);
		}
		int max = v - 1;
		out.accept((binary != null ? "aig " : "aag ") + max + " " + primary.size() + " " + latches.length + " 0 " + ands
				.size() + " 1");
		if (binary == null) {
			for (int node : primary) {
				out.accept(Integer.toString(2 * variable.get(node)));
			}
		}
		for (int j = 0; j < latches.length; j++) {
			// the binary format leaves out the latch's own literal (it is implicit)
			out.accept((binary == null ? 2 * variable.get(latches[j] >> 1) + " " : "") + literal(variable, next[j]) + " "
					+ (initial[j] == Circuit.TRUE ? 1 : 0));
		}
		out.accept(literal(variable, bad));
		for (int node : ands) {
			int lhs = 2 * variable.get(node);
			int a = Integer.parseInt(literal(variable, circuit.left(node)));
			int b = Integer.parseInt(literal(variable, circuit.right(node)));
			if (binary == null) {
				out.accept(lhs + " " + a + " " + b);
			} else {
				int high = Math.max(a, b);
				int low = Math.min(a, b);
				binary.number(lhs - high);
				binary.number(high - low);
			}
		}
		List<String> primaryNames = new ArrayList<>();
		for (int i = 0; i < primary.size(); i++) {
			String name = inputNames.getOrDefault(primary.get(i), "input " + i);
			primaryNames.add(name);
			out.accept("i" + i + " " + name);
		}
		List<String> latchNames = bitNames(encoding);
		for (int j = 0; j < latches.length; j++) {
			out.accept("l" + j + " " + latchNames.get(j));
		}
		out.accept("b0 " + encoding.layout().procedure().getName() + " bad state");
		out.accept("c");
		out.accept("shall: one safety question of procedure " + encoding.layout().procedure().getName()
				+ " (latch = state bit, reset = initial state; an input vector that selects no legal move leaves the"
				+ " state unchanged)");
		if (ascii != null) {
			ascii.flush();
		}
		return new Summary(primary.size(), latches.length, ands.size(), primaryNames, latchNames);
	}

	/** One name per state bit: the field's name, with {@code [b]} for bit b of a wider field. */
	public static List<String> bitNames(TransitionEncoding encoding) {
		List<String> names = new ArrayList<>();
		List<String> fields = encoding.fieldNames();
		List<Domain> domains = encoding.fieldDomains();
		for (int f = 0; f < domains.size(); f++) {
			String field = f < fields.size() ? fields.get(f) : "field " + f;
			for (int b = 0; b < domains.get(f).bits(); b++) {
				names.add(domains.get(f).bits() == 1 ? field : field + "[" + b + "]");
			}
		}
		return names;
	}

	private static void name(Map<Integer, String> names, int[] bits, String what) {
		for (int b = 0; b < bits.length; b++) {
			if (bits[b] != Circuit.TRUE && bits[b] != Circuit.FALSE) {
				names.put(bits[b] >> 1, what + "[" + b + "]");
			}
		}
	}

	/** Post-order over the and-gates of the node's cone; free inputs that are not latches become primary inputs. */
	private static void visit(Circuit circuit, int root, boolean[] seen, List<Integer> primary, List<Integer> ands,
			Map<Integer, Integer> latchOf) {
		ArrayDeque<int[]> stack = new ArrayDeque<>();
		stack.push(new int[] { root, 0 });
		while (!stack.isEmpty()) {
			int[] top = stack.peek();
			int node = top[0];
			if (node == 0 || seen[node] && top[1] == 0) {
				stack.pop();
				continue;
			}
			if (circuit.isInput(node)) {
				seen[node] = true;
				if (!latchOf.containsKey(node)) {
					primary.add(node);
				}
				stack.pop();
				continue;
			}
			if (top[1] == 0) {
				seen[node] = true;
				top[1] = 1;
				stack.push(new int[] { circuit.left(node) >> 1, 0 });
			} else if (top[1] == 1) {
				top[1] = 2;
				stack.push(new int[] { circuit.right(node) >> 1, 0 });
			} else {
				ands.add(node);
				stack.pop();
			}
		}
	}

	private static String literal(Map<Integer, Integer> variable, int literal) {
		int node = literal >> 1;
		if (node == 0) {
			return Integer.toString(literal); // 0 false, 1 true: the same in both
		}
		return Integer.toString(2 * variable.get(node) + (literal & 1));
	}

	private static int[] flatten(List<int[]> bits) {
		return bits.stream().flatMapToInt(java.util.Arrays::stream).toArray();
	}
}
