package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.shall.checker.certify.EncodingExploration;
import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.ExplicitLiveness;
import dev.shall.checker.engine.ExplicitSearch;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.LassoBmc;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Response;
import dev.shall.model.StateVariable;
import dev.shall.model.Timer;

/**
 * Timers behave as semantics §3.5 says, in both semantics: the interpreter's moves follow the
 * clause state by state, the encoding takes exactly the interpreter's moves, the verdicts of both
 * agree (certified by the other side), and the expiry is fair where an event is not.
 */
class TimersTest {

	/** The timer's states in the order of the clause (and of the translation's enumeration). */
	private static final int STOPPED = 0;
	private static final int RUNNING = 1;
	private static final int EXPIRED = 2;

	/**
	 * A sender that starts T when it sends, may stop it, retransmits on the first two expiries and
	 * raises a flag on the third; an event restarts an expired timer, which then runs with no
	 * expiry step enabled.
	 */
	private static final String CLAUSE = """
			procedure Clause clause "t"
			role A { var n : 0..2 = 0  var sent : bool = false  var flag : bool = false }
			role B { var seen : bool = false }
			timer T at A
			channel c : A -> B faults lossy capacity 3
			message M
			step s clause "1": A shall when not sent { sent := true  send M on c  start T }
			step r clause "2": B shall receive M on c { seen := true }
			step x clause "3": A may when T is running { stop T }
			step e1 clause "4": A shall on expiry of T when n < 2 { n := n + 1  send M on c  start T }
			step e2 clause "5": A shall on expiry of T when n == 2 and not flag { flag := true }
			event rs at A when T is expired { start T }
			property neverFlag clause "r": never A.flag
			property flagNeedsExpiries clause "r": never A.flag and A.n < 2
			property stopsOrFlags clause "r": step s leads to A.flag or A.T is stopped
			property runsForEver clause "r": A.flag leads to not A.T is running
			""";

	@TempDir
	Path folder;

	private Procedure load(String text) throws Exception {
		return Fixtures.load(Files.writeString(folder.resolve("t.shall"), text));
	}

	@ParameterizedTest(name = "{0} instance(s)")
	@ValueSource(ints = { 1, 2 })
	void theInterpretersMovesFollowTheClause(int instances) throws Exception {
		Procedure procedure = load(CLAUSE);
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		Interpreter interpreter = new Interpreter(layout, options, instances);
		Timer timer = procedure.getTimers().get(0);
		int t = layout.indexOf(timer.getVariable());
		int n = index(layout, "n");
		int flag = index(layout, "flag");
		ConcreteState initial = interpreter.initial();
		for (int i = 0; i < instances; i++) {
			assertEquals(STOPPED, initial.variables()[i][t], "a timer is initially stopped");
		}
		Set<ConcreteState> seen = new HashSet<>(List.of(initial));
		ArrayDeque<ConcreteState> frontier = new ArrayDeque<>(List.of(initial));
		Set<String> happened = new HashSet<>();
		while (!frontier.isEmpty()) {
			ConcreteState state = frontier.poll();
			List<Interpreter.Outcome> outcomes = interpreter.successors(state);
			for (int i = 0; i < instances; i++) {
				int before = state.variables()[i][t];
				int instance = i;
				// enabled exactly when the timer runs and the step's own guard holds (nothing here is blocked)
				boolean e1 = outcomes.stream().anyMatch(o -> o.move().instance() == instance && name(layout, o).equals("e1"));
				boolean e2 = outcomes.stream().anyMatch(o -> o.move().instance() == instance && name(layout, o).equals("e2"));
				assertEquals(before == RUNNING && state.variables()[i][n] < 2, e1, "e1 enabled in " + state);
				assertEquals(before == RUNNING && state.variables()[i][n] == 2 && state.variables()[i][flag] == 0, e2,
						"e2 enabled in " + state);
			}
			for (Interpreter.Outcome outcome : outcomes) {
				assertTrue(outcome.taken(), "no move of this model leaves a declared bound: " + outcome.exceededBound());
				int i = outcome.move().instance();
				int before = state.variables()[i][t];
				int after = outcome.next().variables()[i][t];
				String step = name(layout, outcome);
				happened.add(step);
				switch (step) {
				case "s" -> assertEquals(RUNNING, after, "start makes the timer running");
				case "x" -> assertEquals(STOPPED, after, "stop makes it stopped");
				case "e1" -> {
					assertEquals(RUNNING, before, "an expiry needs a running timer");
					assertEquals(RUNNING, after, "expired, then started again by the body");
					assertEquals(state.variables()[i][n] + 1, outcome.next().variables()[i][n]);
				}
				case "e2" -> {
					assertEquals(RUNNING, before, "an expiry needs a running timer");
					assertEquals(EXPIRED, after, "its first effect: the timer is expired");
				}
				case "rs" -> {
					assertEquals(EXPIRED, before);
					assertEquals(RUNNING, after, "start restarts an expired timer");
				}
				default -> assertEquals(before, after, step + " leaves the timer as it is");
				}
				for (int j = 0; j < instances; j++) {
					if (j != i) {
						assertEquals(state.variables()[j][t], outcome.next().variables()[j][t],
								"each instance has its own timer");
					}
				}
				if (seen.add(outcome.next())) {
					frontier.add(outcome.next());
				}
			}
		}
		assertEquals(Set.of("s", "r", "x", "e1", "e2", "rs", "lose on " + layout.lanes().get(0).name()), happened, "every move was exercised");
	}

	/**
	 * From every reachable state, every move the interpreter takes is a legal step of the encoding to
	 * the same state, and the encoding's own exploration sees as many states as the interpreter.
	 */
	@Test
	void theEncodingTakesTheInterpretersMoves() throws Exception {
		Procedure procedure = load(CLAUSE);
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		Interpreter interpreter = new Interpreter(layout, options, 1);
		List<ConcreteState> states = dev.shall.checker.explicit.ExplicitChecker.reachable(layout, options,
				Obligation.bounds(), 10_000);
		assertFalse(states.isEmpty());
		int moves = 0;
		for (ConcreteState state : states) {
			for (Interpreter.Outcome outcome : interpreter.successors(state)) {
				StepAgreementTest.assertEncodingTakes(layout, options, state, outcome, name(layout, outcome)
						+ " from " + state);
				moves++;
			}
		}
		assertTrue(moves > states.size(), moves + " moves");
		EncodingExploration.Answer own = new EncodingExploration(new CheckRequest(layout, options, 1,
				Obligation.bounds()), 100_000).safety(Budget.of(0, Duration.ofSeconds(60)));
		assertEquals(Verdict.HOLDS, own.verdict());
	}

	/**
	 * Every property of the clause model, by an engine of each semantics, each verdict certified by
	 * the other semantics: the two agree.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			// the flag is raised on the third expiry
			"neverFlag         | violated",
			// semantics §3.5: the flag needs two expiries (and retransmissions) first
			"flagNeedsExpiries | holds",
			// semantics §3.5, §5.3: a running timer, not stopped, expires (fair); the may stop answers too
			"stopsOrFlags      | holds",
			// a running timer none of whose expiry steps is enabled does not expire: the event restarts
			// T after the third expiry, and it runs for ever
			"runsForEver       | violated" })
	void bothSemanticsAgreeOnTheClauseModel(String name, String verdict) throws Exception {
		Procedure procedure = load(CLAUSE);
		Property property = procedure.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst()
				.orElseThrow();
		CheckRequest request = new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1,
				Obligation.of(property));
		Budget budget = Budget.of(30, Duration.ofSeconds(60));
		Verdict expected = Verdict.valueOf(verdict.toUpperCase());
		if (property instanceof Response) {
			CheckResult explicit = Fixtures.certified(new ExplicitLiveness(100_000), request, budget);
			assertEquals(expected, explicit.verdict(), explicit::reason);
			assertTrue(explicit.certified(), "certified by the encoding's graph or by replaying the lasso");
			CheckResult lasso = Fixtures.certified(new LassoBmc(), request, Budget.of(12, Duration.ofSeconds(60)));
			assertEquals(expected == Verdict.VIOLATED ? Verdict.VIOLATED : Verdict.UNKNOWN, lasso.verdict(),
					"the SAT lasso search finds the violation, and nothing where there is none");
		} else {
			CheckResult search = Fixtures.certified(new ExplicitSearch(100_000), request, budget);
			assertEquals(expected, search.verdict(), search::reason);
			assertTrue(search.certified(), "certified by the encoding");
			CheckResult sat = Fixtures.certified(expected == Verdict.VIOLATED ? new Bmc() : new KInduction(), request,
					budget);
			assertEquals(expected, sat.verdict(), sat::reason);
			assertTrue(sat.certified(), "certified by the interpreter or a re-proof");
			if (expected == Verdict.VIOLATED) {
				assertEquals(search.moves().size(), sat.moves().size(), "the same shortest run");
			}
		}
	}

	/**
	 * Semantics §3.5 against §3.4: an expiry is fair, an event is not. The same procedure with the
	 * timeout written as the timer's expiry, as an event, and as an expiry that a may step can
	 * prevent by stopping the timer.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"the timer expires         | step timeout clause \"2\": A shall on expiry of T { done := true }  |                                         | holds    | -1",
			"an event times out        | event timeout at A when T is running { stop T  done := true }     |                                         | violated | 1",
			"stopped before it expires | step timeout clause \"2\": A shall on expiry of T { done := true }  | step halt clause \"3\": A may { stop T } | violated | 4" })
	void anExpiryIsFairAndAnEventIsNot(String name, String timeout, String extra, String verdict, int length)
			throws Exception {
		Procedure procedure = load("""
				procedure Fair clause "t"
				role A { var done : bool = false }
				timer T at A
				step go clause "1": A shall when not done and T is stopped { start T }
				%s
				%s
				property timesOut clause "r": step go leads to A.done
				""".formatted(timeout, extra == null ? "" : extra));
		CheckRequest request = new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1,
				Obligation.of(procedure.getProperties().get(0)));
		CheckResult explicit = Fixtures.certified(new ExplicitLiveness(10_000), request, Budget.of(10, Duration
				.ofSeconds(30)));
		assertEquals(Verdict.valueOf(verdict.toUpperCase()), explicit.verdict(), () -> name + ": " + explicit.reason());
		assertTrue(explicit.certified(), explicit::reason);
		CheckResult lasso = Fixtures.certified(new LassoBmc(), request, Budget.of(10, Duration.ofSeconds(30)));
		if (explicit.verdict() == Verdict.VIOLATED) {
			assertEquals(length, explicit.moves().size(), explicit::reason);
			assertEquals(Verdict.VIOLATED, lasso.verdict(), "the SAT lasso search finds it too");
			assertTrue(lasso.certified());
		} else {
			assertEquals(Verdict.UNKNOWN, lasso.verdict(), "no fair lasso leaves the trigger pending");
		}
	}

	@Test
	void theModelRecordsWhichVariableAndStepsAreTheTimers() throws Exception {
		Procedure procedure = load(CLAUSE);
		Timer timer = procedure.getTimers().get(0);
		StateVariable variable = timer.getVariable();
		assertEquals("A.T", Layout.qualifiedName(variable), "reports name the timer's state Role.T");
		assertEquals(List.of("e1", "e2"), timer.getExpiries().stream().map(dev.shall.model.Transition::getName).toList());
		assertNotNull(timer.getExpiries().get(0).getExpiry());
	}

	private static int index(Layout layout, String name) {
		return layout.indexOf(layout.variables().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow());
	}

	private static String name(Layout layout, Interpreter.Outcome outcome) {
		Action action = layout.actions().get(outcome.move().action());
		return action.kind() == Action.Kind.TRANSITION ? action.transition().getName() : action.name();
	}
}
