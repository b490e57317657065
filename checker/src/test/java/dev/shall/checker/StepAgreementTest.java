package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.SymbolicState;
import dev.shall.checker.encoding.SymbolicValue;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.model.Procedure;

/**
 * The symbolic step and the interpreter's step, compared one move at a time: from every
 * reachable state of a random procedure, every move the interpreter takes must be a legal step of
 * the encoding leading to the same state, and every move it rejects must not be.
 */
class StepAgreementTest {

	@TempDir
	Path folder;

	static java.util.stream.LongStream seeds() {
		return java.util.stream.LongStream.range(0, 60);
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.MethodSource("seeds")
	void symbolicStepsMatchTheInterpreter(long seed) throws Exception {
		Path file = Files.writeString(folder.resolve("r.shall"), new RandomProcedures(seed).generate("R" + seed));
		Procedure procedure = Fixtures.load(file);
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		Interpreter interpreter = new Interpreter(layout, options, 1);
		List<ConcreteState> states = ExplicitChecker.reachable(layout, options, Obligation.bounds(), 200);
		for (ConcreteState state : states) {
			for (Interpreter.Outcome outcome : interpreter.successors(state)) {
				if (!outcome.taken()) {
					continue;
				}
				assertEncodingTakes(layout, options, state, outcome, "seed " + seed + ", move " + describe(layout,
						outcome.move()) + " from " + state);
			}
		}
	}

	/**
	 * The SAT encoding takes the interpreter's move from the state as a legal step, and reaches the
	 * state the interpreter reached (semantics §3: one move of one instance, both implementations).
	 */
	static void assertEncodingTakes(Layout layout, OptionAssignment options, ConcreteState state,
			Interpreter.Outcome outcome, String where) {
		assertEncodingTakes(layout, options, Obligation.bounds(), state, outcome, where);
	}

	/**
	 * The same, with the obligation's monitor in both states (semantics §6): the encoding's monitor
	 * fields after the move are the interpreter's.
	 */
	static void assertEncodingTakes(Layout layout, OptionAssignment options, Obligation obligation,
			ConcreteState state, Interpreter.Outcome outcome, String where) {
		try (Sat4jSolver solver = new Sat4jSolver()) {
			Circuit circuit = new Circuit(solver);
			TransitionEncoding encoding = new TransitionEncoding(layout, options, 1, obligation, circuit);
			SymbolicState from = encoding.constantState(state);
			TransitionEncoding.Step step = encoding.step(from);
			circuit.assertTrue(step.legal());
			circuit.assertTrue(encoding.inputsAre(step.inputs(), outcome.move()));
			List<SymbolicValue> fields = encoding.instanceFields(step.next(), 0);
			for (SymbolicValue field : fields) {
				for (int v = 0; v < field.possibleValues().length; v++) {
					circuit.dimacs(field.conditionAt(v));
				}
			}
			assertEquals(dev.shall.checker.sat.SatAnswer.SAT, solver.solve(), "legal in the encoding: " + where);
			int[] expected = encoding.instanceFieldValues(outcome.next(), 0);
			int[] actual = new int[fields.size()];
			for (int f = 0; f < actual.length; f++) {
				try {
					actual[f] = fields.get(f).valueIn(circuit);
				} catch (IllegalStateException e) {
					throw new AssertionError("field " + f + " has no value: " + where);
				}
			}
			assertArrayEquals(expected, actual, "same next state: " + where);
		}
	}

	private static String describe(Layout layout, Move move) {
		return layout.actions().get(move.action()).name() + " " + move;
	}
}
