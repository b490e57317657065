package dev.shall.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.Fixtures;
import dev.shall.checker.RandomProcedures;
import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.model.Agreement;
import dev.shall.model.Invariant;
import dev.shall.model.MessageType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;

/**
 * The two definitions of a question's bad states (semantics §6.1–§6.2, §7.2, §7.4) agree on every
 * reachable state of random procedures, state by state — not only on the verdict and the length
 * of the shortest run, which is all the differential test compares. Two semantics that differ on
 * a bad state reached only after another bad state, or on a state next to one of equal depth,
 * give the same verdicts and shortest runs; here they disagree. (A deliberately wrong encoding of
 * {@code defer}, which the differential test did not notice in 80 models, fails this test.)
 *
 * <p>Asked of the questions whose bad states read the state alone, with no property monitor:
 * the bounds, unhandled messages, invariants and agreements without past time. The interpreter's
 * predicate is {@link ExplicitProperty#isBad}; the encoding's is the circuit of
 * {@link TransitionEncoding#constantBad} on the same state as constants.
 */
class BadStatesAgreeTest {

	private static final int MODELS = Integer.getInteger("shall.badstates.models", 120);
	private static final int MAX_STATES = 3_000;

	private enum Question {
		BOUNDS, UNHANDLED, INVARIANT
	}

	@TempDir
	Path folder;

	@Test
	void theEncodingsBadStatesAreTheInterpretersOnEveryReachableState() throws Exception {
		Map<Question, int[]> counts = new EnumMap<>(Question.class);
		for (Question question : Question.values()) {
			counts.put(question, new int[3]); // questions, states, bad states
		}
		List<String> disagreements = new ArrayList<>();
		for (int seed = 0; seed < MODELS; seed++) {
			RandomProcedures generator = new RandomProcedures(seed);
			String text = generator.generate("Bad" + seed);
			// models with a shared role and identities are asked with two sessions (semantics §1.3)
			int instances = generator.instances();
			Procedure procedure;
			try {
				procedure = Fixtures.load(Files.writeString(folder.resolve("bad" + seed + ".shall"), text));
			} catch (AssertionError | RuntimeException refused) {
				continue; // a model the front end refuses (the differential test counts those)
			}
			Layout layout = new Layout(procedure);
			for (OptionAssignment options : OptionAssignment.all(procedure)) {
				for (Obligation obligation : questions(layout, procedure)) {
					Question question = obligation.kind() == Obligation.Kind.BOUNDS ? Question.BOUNDS
							: obligation.kind() == Obligation.Kind.UNHANDLED ? Question.UNHANDLED : Question.INVARIANT;
					ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
					Interpreter interpreter = new Interpreter(layout, options, instances, property);
					List<ConcreteState> states = ExplicitChecker.reachable(layout, options, obligation, MAX_STATES,
							instances);
					int[] count = counts.get(question);
					count[0]++;
					try (Sat4jSolver solver = new Sat4jSolver()) {
						TransitionEncoding encoding = new TransitionEncoding(layout, options, instances, obligation, new Circuit(
								solver));
						for (ConcreteState state : states) {
							boolean interpreted = property.isBad(state, interpreter.successors(state));
							boolean encoded = encoding.constantBad(encoding.constantState(state));
							count[1]++;
							count[2] += interpreted ? 1 : 0;
							if (interpreted != encoded && disagreements.size() < 10) {
								disagreements.add("seed " + seed + ", " + options + ", " + obligation.name() + ": "
										+ "interpreter " + (interpreted ? "bad" : "not bad") + ", encoding " + (encoded
												? "bad" : "not bad") + " in " + state + "\n" + text);
							}
						}
					}
				}
			}
		}
		StringBuilder report = new StringBuilder("bad states compared on every reachable state of " + MODELS
				+ " random models:");
		counts.forEach((question, count) -> report.append(String.format("%n  %-10s %5d questions, %7d states, %6d bad",
				question.name().toLowerCase(), count[0], count[1], count[2])));
		System.out.println(report);
		assertEquals(List.of(), disagreements);
		// the test asks something: every kind of question met bad states and states that are not
		counts.forEach((question, count) -> assertTrue(count[2] > 0 && count[2] < count[1], () -> question + ": "
				+ report));
	}

	/** The questions whose bad states depend on the state alone (no monitor, no last move). */
	private static List<Obligation> questions(Layout layout, Procedure procedure) {
		List<Obligation> questions = new ArrayList<>();
		questions.add(Obligation.bounds());
		for (Lane lane : layout.lanes()) {
			for (MessageType message : lane.messages()) {
				questions.add(Obligation.unhandled(message, lane.channel(), lane.receiver()));
			}
		}
		for (Property property : procedure.getProperties()) {
			if ((property instanceof Invariant || property instanceof Agreement) && !readsHistory(property)) {
				questions.add(Obligation.of(property));
			}
		}
		return questions;
	}

	/** Whether the property reads past time or the last move, which a state alone does not hold. */
	private static boolean readsHistory(Property property) {
		for (TreeIterator<EObject> it = property.eAllContents(); it.hasNext();) {
			String kind = it.next().eClass().getName();
			if (kind.equals("Once") || kind.equals("Since") || kind.equals("Fired")) {
				return true;
			}
		}
		return false;
	}
}
