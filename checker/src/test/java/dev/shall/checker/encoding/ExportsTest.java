package dev.shall.checker.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.Fixtures;
import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.model.Procedure;

/**
 * The exports for other solvers, read back (issue 20): the AIGER model is parsed and simulated —
 * on the moves of a certified violation its bad-state output turns 1 exactly at the run's end, and
 * random input vectors never reach a bad state of a property that holds; the DIMACS unrolling is
 * parsed and solved by a fresh SAT4J, and its answer at each depth is BMC's.
 */
class ExportsTest {

	@TempDir
	Path folder;

	private static final String WRAP = """
			procedure Wrap clause "test"
			role C { var n : 0..7 = 0  var m : 0..7 = 0 }
			step up clause "u": C may when n < 5 { n := n + 1  m := n }
			step wrap clause "w": C may when n == 5 { n := 0 }
			either1 clause "e": C may when n == 2 { either { m := 1 } or { m := 2 } }
			property neverSeven clause "p": never C.n == 7 or C.m == 7
			property neverFive clause "q": never C.n == 5 and C.m == 5
			""".replace("either1", "step choose");

	private CheckRequest request(String property) throws Exception {
		Path file = folder.resolve("wrap.shall");
		Files.writeString(file, WRAP);
		Procedure procedure = Fixtures.load(file);
		Obligation obligation = Obligation.of(procedure.getProperties().stream().filter(p -> p.getName().equals(
				property)).findFirst().orElseThrow());
		return new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1, obligation);
	}

	private static TransitionEncoding encoding(CheckRequest request, Circuit circuit) {
		return new TransitionEncoding(request.layout(), request.options(), request.instances(), request.obligation(),
				circuit);
	}

	/** An AIGER ASCII model read back: inputs, latches with next and reset, the bad literal, and-gates, symbols. */
	record Aig(int[] inputs, int[][] latches, int bad, Map<Integer, int[]> ands, List<String> inputNames) {

		static Aig parse(String text) {
			String[] lines = text.split("\n");
			String[] header = lines[0].split(" ");
			assertEquals("aag", header[0]);
			int i = Integer.parseInt(header[2]);
			int l = Integer.parseInt(header[3]);
			assertEquals("0", header[4], "no outputs");
			int a = Integer.parseInt(header[5]);
			assertEquals("1", header[6], "one bad-state property");
			int at = 1;
			int[] inputs = new int[i];
			for (int k = 0; k < i; k++) {
				inputs[k] = Integer.parseInt(lines[at++].trim());
			}
			int[][] latches = new int[l][];
			for (int k = 0; k < l; k++) {
				String[] parts = lines[at++].trim().split(" ");
				latches[k] = new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]) };
			}
			int bad = Integer.parseInt(lines[at++].trim());
			Map<Integer, int[]> ands = new HashMap<>();
			for (int k = 0; k < a; k++) {
				String[] parts = lines[at++].trim().split(" ");
				ands.put(Integer.parseInt(parts[0]) >> 1, new int[] { Integer.parseInt(parts[1]), Integer.parseInt(
						parts[2]) });
			}
			List<String> names = new ArrayList<>();
			for (int k = 0; k < i; k++) {
				String line = lines[at++];
				assertTrue(line.startsWith("i" + k + " "), line);
				names.add(line.substring(line.indexOf(' ') + 1));
			}
			return new Aig(inputs, latches, bad, ands, names);
		}

		/** The value of a literal under the variables' values (and-gates evaluated on demand). */
		boolean value(int literal, Map<Integer, Boolean> values) {
			int variable = literal >> 1;
			boolean v;
			if (variable == 0) {
				v = false;
			} else if (values.containsKey(variable)) {
				v = values.get(variable);
			} else {
				int[] and = ands.get(variable);
				v = value(and[0], values) && value(and[1], values);
				values.put(variable, v);
			}
			return v ^ (literal & 1) == 1;
		}

		/** One step: the bad output in the current state and the next latch values. */
		boolean[] step(boolean[] state, Map<String, Boolean> inputValues, boolean[] bad) {
			Map<Integer, Boolean> values = new HashMap<>();
			for (int k = 0; k < inputs.length; k++) {
				values.put(inputs[k] >> 1, inputValues.getOrDefault(inputNames.get(k), false));
			}
			for (int k = 0; k < latches.length; k++) {
				values.put(latches[k][0] >> 1, state[k]);
			}
			bad[0] = value(this.bad, values);
			boolean[] next = new boolean[latches.length];
			for (int k = 0; k < latches.length; k++) {
				next[k] = value(latches[k][1], values);
			}
			return next;
		}

		boolean[] reset() {
			boolean[] state = new boolean[latches.length];
			for (int k = 0; k < latches.length; k++) {
				state[k] = latches[k][2] == 1;
			}
			return state;
		}
	}

	private static String aiger(CheckRequest request) {
		StringWriter text = new StringWriter();
		try (Sat4jSolver solver = new Sat4jSolver()) {
			AigerExport.write(encoding(request, new Circuit(solver)), new PrintWriter(text));
		}
		return text.toString();
	}

	/** The input bits of a move, named as the export names them. */
	private static Map<String, Boolean> inputs(CheckRequest request, Move move) {
		Map<String, Boolean> values = new HashMap<>();
		int index = move.instance() * request.layout().actions().size() + move.action();
		for (int b = 0; b < 31; b++) {
			values.put("move[" + b + "]", (index >> b & 1) == 1);
			values.put("slot[" + b + "]", (move.slot() >> b & 1) == 1);
			for (int c = 0; c < move.choices().length; c++) {
				values.put("choice[" + c + "][" + b + "]", (move.choices()[c] >> b & 1) == 1);
			}
		}
		return values;
	}

	@Test
	void theAigerModelReachesTheBadStateOnTheRunOfAViolation() throws Exception {
		CheckRequest request = request("neverFive");
		CheckResult bmc = Fixtures.certified(new Bmc(), request, Budget.of(20, Duration.ofSeconds(30)));
		assertEquals(Verdict.VIOLATED, bmc.verdict());
		Aig aig = Aig.parse(aiger(request));
		boolean[] state = aig.reset();
		boolean[] bad = new boolean[1];
		for (Move move : bmc.moves()) {
			state = aig.step(state, inputs(request, move), bad);
			assertFalse(bad[0], "bad before the run's end");
		}
		aig.step(state, Map.of(), bad);
		assertTrue(bad[0], "the run's last state is bad in the AIGER model too");
	}

	@Test
	void randomInputsNeverReachABadStateOfAPropertyThatHolds() throws Exception {
		Aig aig = Aig.parse(aiger(request("neverSeven")));
		Random random = new Random(7);
		boolean[] bad = new boolean[1];
		int changed = 0;
		for (int run = 0; run < 200; run++) {
			boolean[] state = aig.reset();
			for (int k = 0; k < 30; k++) {
				Map<String, Boolean> values = new HashMap<>();
				for (String name : aig.inputNames()) {
					values.put(name, random.nextBoolean());
				}
				boolean[] next = aig.step(state, values, bad);
				assertFalse(bad[0], "a bad state of a property that holds");
				changed += java.util.Arrays.equals(next, state) ? 0 : 1;
				state = next;
			}
		}
		assertTrue(changed > 100, "random inputs do take legal moves: " + changed);
	}

	/** The binary format (which ABC reads) holds the same model as the ASCII one: gates decoded from their deltas. */
	@Test
	void theBinaryAigerHoldsTheSameModel() throws Exception {
		CheckRequest request = request("neverFive");
		Aig ascii = Aig.parse(aiger(request));
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (Sat4jSolver solver = new Sat4jSolver()) {
			AigerExport.writeBinary(encoding(request, new Circuit(solver)), bytes);
		}
		byte[] data = bytes.toByteArray();
		int at = 0;
		List<String> lines = new ArrayList<>();
		int[] header = null;
		while (header == null || lines.size() < 1 + header[2] + 1) {
			int end = at;
			while (data[end] != '\n') {
				end++;
			}
			lines.add(new String(data, at, end - at, java.nio.charset.StandardCharsets.US_ASCII));
			at = end + 1;
			if (header == null) {
				String[] h = lines.get(0).split(" ");
				assertEquals("aig", h[0]);
				header = new int[] { Integer.parseInt(h[1]), Integer.parseInt(h[2]), Integer.parseInt(h[3]), Integer
						.parseInt(h[5]) };
				assertEquals(ascii.inputs().length, header[1]);
				assertEquals(ascii.latches().length, header[2]);
				assertEquals(ascii.ands().size(), header[3]);
			}
		}
		for (int k = 0; k < header[2]; k++) {
			String[] parts = lines.get(1 + k).split(" ");
			assertEquals(ascii.latches()[k][1], Integer.parseInt(parts[0]), "latch " + k + "'s next");
			assertEquals(ascii.latches()[k][2], Integer.parseInt(parts[1]), "latch " + k + "'s reset");
		}
		assertEquals(ascii.bad(), Integer.parseInt(lines.get(1 + header[2])));
		int lhs = 2 * (header[1] + header[2]);
		for (int k = 0; k < header[3]; k++) {
			lhs += 2;
			int[] delta = new int[2];
			for (int d = 0; d < 2; d++) {
				int value = 0;
				int shift = 0;
				int b;
				do {
					b = data[at++] & 0xff;
					value |= (b & 0x7f) << shift;
					shift += 7;
				} while ((b & 0x80) != 0);
				delta[d] = value;
			}
			int high = lhs - delta[0];
			int low = high - delta[1];
			int[] expected = ascii.ands().get(lhs >> 1);
			assertEquals(Math.max(expected[0], expected[1]), high, "gate " + lhs);
			assertEquals(Math.min(expected[0], expected[1]), low, "gate " + lhs);
		}
		assertTrue(new String(data, at, data.length - at, java.nio.charset.StandardCharsets.US_ASCII).startsWith("i0 "),
				"the symbols follow the gates");
	}

	@Test
	void theDimacsUnrollingAnswersAsBmcAtEachDepth() throws Exception {
		CheckRequest request = request("neverFive");
		for (int depth = 0; depth <= 6; depth++) {
			StringWriter text = new StringWriter();
			DimacsExport.write(circuit -> encoding(request, circuit), depth, new PrintWriter(text));
			SatAnswer answer;
			try (Sat4jSolver solver = new Sat4jSolver()) {
				int declared = -1;
				int clauses = 0;
				for (String line : text.toString().split("\n")) {
					if (line.startsWith("c") || line.isBlank()) {
						continue;
					}
					if (line.startsWith("p cnf")) {
						declared = Integer.parseInt(line.split(" ")[2]);
						for (int v = 0; v < declared; v++) {
							solver.newVariable();
						}
						continue;
					}
					String[] parts = line.trim().split(" ");
					assertEquals("0", parts[parts.length - 1]);
					int[] clause = new int[parts.length - 1];
					for (int k = 0; k < clause.length; k++) {
						clause[k] = Integer.parseInt(parts[k]);
						assertTrue(Math.abs(clause[k]) <= declared && clause[k] != 0);
					}
					solver.addClause(clause);
					clauses++;
				}
				assertTrue(clauses > 0);
				answer = solver.solve();
			}
			CheckResult bmc = new Bmc().check(request, Budget.of(depth, Duration.ofSeconds(30)),
					dev.shall.checker.engine.ProgressListener.NONE);
			assertEquals(bmc.verdict() == Verdict.VIOLATED, answer.isSat(), "depth " + depth + ": BMC " + bmc.verdict());
			assertEquals(depth >= 5, answer.isSat(), "depth " + depth);
		}
	}
}
