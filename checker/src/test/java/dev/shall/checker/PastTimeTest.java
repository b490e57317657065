package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.ExplicitSearch;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.StateQueries;
import dev.shall.checker.lowering.ConeOfInfluence;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.lowering.PastTime;
import dev.shall.model.Expression;
import dev.shall.model.Once;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Since;

/**
 * Past-time operators (semantics §6.5) and injective correspondence (§6.6) in both semantics: the
 * interpreter's history bits give, on every run, the values the clause defines over the run's
 * states; the encoding's monitor takes the interpreter's every move to the same monitor; and each
 * verdict — holds, violated, and unknown for a saturated counter — is found by an engine of each
 * semantics and certified by the other.
 */
class PastTimeTest {

	/**
	 * A sender that sends up to three messages on a channel of capacity 2 (so two can be unanswered),
	 * a receiver that counts them, and a step t that may happen at any time.
	 */
	private static final String MODEL = """
			procedure Past clause "t"
			role A { var sent : 0..3 = 0  var x : bool = false }
			role B { var got : 0..3 = 0 }
			channel c : A -> B %s capacity 2
			message M
			step s clause "1": A shall when sent < 3 { sent := sent + 1  send M on c }
			step r clause "2": B shall receive M on c { if got < 3 { got := got + 1 } }
			step t clause "3": A may when not x { x := true }
			property onceHolds clause "r": always step r implies once step s
			property onceViolated clause "r": always step r implies once step t
			property onceInTheInitialState clause "r": never once A.sent == 0
			property onceAtTheStepItself clause "r": never once step s
			property sinceHolds clause "r": always step r implies (A.sent >= 1 since step s)
			property sinceViolated clause "r": always step r implies (not step t since step s)
			property nestedHolds clause "r": never B.got == 1 and not once (A.sent >= 1 since step s)
			property nestedViolated clause "r": never B.got == 1 and once (not A.x since step s)
			property sinceInPrecedence clause "r": (not step t since step s) before step r
			property correspondence clause "r": each step r preceded by step s
			property correspondenceTight clause "r": each step r preceded by step s within 2
			property correspondenceSaturates clause "r": each step r preceded by step s within 1
			property correspondenceOnCondition clause "r": each step r preceded by A.sent == 1
			property correspondenceOfStates clause "r": each B.got == 1 preceded by A.sent == 1 within 3
			""";

	@TempDir
	Path folder;

	private Procedure load(String faults) throws Exception {
		return Fixtures.load(Files.writeString(folder.resolve("p.shall"), MODEL.formatted(faults)));
	}

	private static Property property(Procedure procedure, String name) {
		return procedure.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * Semantics §6.5 by its words, on every run up to depth 7 of the interpreter: once A holds in
	 * state k when A held in some state j ≤ k; A since B when B held in some j ≤ k and A in every
	 * state of (j, k]. The monitor's answer (a history bit and the current state) must be the
	 * definition's, for every occurrence, nested ones included.
	 */
	@Test
	void theHistoryBitsGiveTheValuesTheClauseDefines() throws Exception {
		Procedure procedure = load("reliable");
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		StateQueries queries = new StateQueries(layout, options);
		int checked = 0;
		for (Property property : procedure.getProperties()) {
			List<Expression> occurrences = PastTime.occurrences(property);
			if (occurrences.isEmpty()) {
				continue;
			}
			Interpreter interpreter = ExplicitChecker.monitored(layout, options, 1, Obligation.of(property));
			List<List<ConcreteState>> runs = new ArrayList<>();
			runs(interpreter, new ArrayList<>(List.of(interpreter.initial())), 7, runs);
			for (List<ConcreteState> run : runs) {
				for (int k = 0; k < run.size(); k++) {
					for (Expression occurrence : occurrences) {
						boolean defined = definition(queries, occurrence, run, k);
						boolean monitored = queries.value(occurrence, run.get(k), 0) != 0;
						int at = k;
						assertEquals(defined, monitored, () -> property.getName() + ", occurrence "
								+ occurrences.indexOf(occurrence) + ", state " + at + " of " + run);
						checked++;
					}
				}
			}
		}
		assertTrue(checked > 5_000, checked + " values checked");
	}

	/** The value of a past-time occurrence in state k of the run, by the clause's words. */
	private static boolean definition(StateQueries queries, Expression occurrence, List<ConcreteState> run, int k) {
		for (int j = k; j >= 0; j--) {
			if (occurrence instanceof Once once && value(queries, once.getOperand(), run, j)) {
				return true;
			}
			if (occurrence instanceof Since since) {
				if (value(queries, since.getTrigger(), run, j)) {
					return true;
				}
				if (!value(queries, since.getHeld(), run, j)) {
					return false;
				}
			}
		}
		return false;
	}

	/** An operand: by the definition when it is itself past time, else by the state alone. */
	private static boolean value(StateQueries queries, Expression expression, List<ConcreteState> run, int j) {
		if (expression instanceof Once || expression instanceof Since) {
			return definition(queries, expression, run, j);
		}
		if (expression instanceof dev.shall.model.Unary not && (not.getOperand() instanceof Once || not
				.getOperand() instanceof Since)) {
			return !definition(queries, not.getOperand(), run, j);
		}
		return queries.value(expression, run.get(j), 0) != 0;
	}

	private static void runs(Interpreter interpreter, List<ConcreteState> run, int depth, List<List<ConcreteState>> out) {
		out.add(List.copyOf(run));
		if (depth == 0) {
			return;
		}
		for (Interpreter.Outcome outcome : interpreter.successors(run.get(run.size() - 1))) {
			if (outcome.taken()) {
				run.add(outcome.next());
				runs(interpreter, run, depth - 1, out);
				run.remove(run.size() - 1);
			}
		}
	}

	/**
	 * From every reachable state, with each property's monitor, every move of the interpreter is a
	 * legal step of the encoding to the same state, history bits, counter and saturation included.
	 */
	@Test
	void theEncodingsMonitorTakesTheInterpretersMoves() throws Exception {
		for (String faults : List.of("reliable", "faults duplicating")) {
			Procedure procedure = load(faults);
			Layout layout = new Layout(procedure);
			OptionAssignment options = OptionAssignment.all(procedure).get(0);
			int moves = 0;
			for (Property property : procedure.getProperties()) {
				Obligation obligation = Obligation.of(property);
				Interpreter interpreter = ExplicitChecker.monitored(layout, options, 1, obligation);
				List<ConcreteState> states = ExplicitChecker.reachable(layout, options, obligation, 2_000);
				assertTrue(states.size() < 2_000, "all states");
				// the encoding leaves out the moves outside the obligation's cone (they repeat a state
				// for it, which changes no past-time value, semantics §6.5)
				ConeOfInfluence cone = new ConeOfInfluence(layout, obligation);
				for (ConcreteState state : states) {
					for (Interpreter.Outcome outcome : interpreter.successors(state)) {
						if (outcome.taken() && cone.contains(layout.actions().get(outcome.move().action()))) {
							StepAgreementTest.assertEncodingTakes(layout, options, obligation, state, outcome,
									property.getName() + ": " + outcome.move() + " from " + state);
							moves++;
						}
					}
				}
			}
			assertTrue(moves > 500, moves + " moves");
		}
	}

	/**
	 * Every property, by breadth-first search (the interpreter) and by BMC or k-induction (the
	 * encoding), each certified by the other semantics; the length of the shortest violating run
	 * pins down where the monitor sees what.
	 */
	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource(delimiter = '|', value = {
			"onceHolds                 | reliable           | holds    | -1",
			// s then r: t never happened
			"onceViolated              | reliable           | violated | 2",
			// semantics §6.5: the initial state's value is the operand's in the initial state
			"onceInTheInitialState     | reliable           | violated | 0",
			// once includes the current state: the state s produces
			"onceAtTheStepItself       | reliable           | violated | 1",
			"sinceHolds                | reliable           | holds    | -1",
			// s, t, r: t broke "not t since s"
			"sinceViolated             | reliable           | violated | 3",
			"nestedHolds               | reliable           | holds    | -1",
			// s, r: since s, x was false
			"nestedViolated            | reliable           | violated | 2",
			// the first condition holds in the state s produces, and r needs an s before it
			"sinceInPrecedence         | reliable           | holds    | -1",
			// semantics §6.6: a reliable channel delivers each message once
			"correspondence            | reliable           | holds    | -1",
			"correspondenceTight       | reliable           | holds    | -1",
			// s, r, duplicate, r: the second r has no s of its own (before would hold)
			"correspondence            | faults duplicating | violated | 4",
			// s, s (two unanswered, one counted), r, r: the monitor cannot tell, so unknown
			"correspondenceSaturates   | reliable           | unknown  | 4",
			// each r needs a state of its own where sent == 1: s, s, r, r has one for two
			"correspondenceOnCondition | reliable           | violated | 4",
			// a condition, not a step, counts every state it holds in (semantics §6.6): s, r, s, t has
			// three states with got == 1 and two with sent == 1 — t, unrelated, made one more
			"correspondenceOfStates    | reliable           | violated | 4" })
	void bothSemanticsDecideAndCertify(String name, String faults, String verdict, int length) throws Exception {
		Procedure procedure = load(faults);
		CheckRequest request = new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1,
				Obligation.of(property(procedure, name)));
		Budget budget = Budget.of(20, Duration.ofSeconds(60));
		Verdict expected = Verdict.valueOf(verdict.toUpperCase());
		CheckResult search = Fixtures.certified(new ExplicitSearch(100_000), request, budget);
		assertEquals(expected, search.verdict(), search::reason);
		CheckResult sat = Fixtures.certified(expected == Verdict.HOLDS ? new KInduction() : new Bmc(), request,
				budget);
		assertEquals(expected, sat.verdict(), sat::reason);
		switch (expected) {
		case HOLDS -> {
			assertTrue(search.certified(), "certified by the encoding");
			assertTrue(sat.certified(), "re-proved");
		}
		case VIOLATED -> {
			assertTrue(search.certified(), "the encoding accepts the run");
			assertTrue(sat.certified(), "the interpreter replays the run");
			assertEquals(length, search.moves().size(), "the shortest run");
			assertEquals(length, sat.moves().size(), "the same shortest run");
		}
		case UNKNOWN -> {
			// semantics §6.6: the reason says why, and how to decide it
			for (CheckResult result : List.of(search, sat)) {
				assertNotNull(result.reason());
				assertTrue(result.reason().contains("more than 1 unanswered") && result.reason().contains(
						"within N"), result.reason());
				assertTrue(result.reason().contains(length + "-step run"), result.reason());
			}
		}
		}
	}
}
