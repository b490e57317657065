package dev.shall.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.Fixtures;
import dev.shall.checker.certify.Certifier;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * The portfolio's question schedule ({@link Schedule}): a question of a small state space is the
 * breadth-first search's, alone; beyond its state limit, "can this step happen" is first asked of
 * BMC alone, shallow, and answered there when the step is near the start; a step beyond the
 * shallow look still gets the whole portfolio; once a breadth-first search went past its state
 * limit, the breadth-first member no longer runs for that procedure, options and instances.
 */
class ScheduleTest {

	@TempDir
	Path folder;

	private static final String COUNTER = """
			procedure Counter clause "test"
			role C { var n : 0..31 = 0 }
			step up clause "u": C may when n < 31 { n := n + 1 }
			step near clause "a": C may when n == 2 { n := n + 1 }
			step far clause "b": C may when n == 20 { n := 0 }
			property small clause "p": never C.n == 31
			""";

	/** 262,144 states three steps from the start: beyond the breadth-first search alone before the fourth. */
	private static final String WIDE = """
			procedure Wide clause "test"
			identity P pool 64
			role C { var a : P? = none  var b : P? = none  var c : P? = none  var done : bool = false }
			step pickA clause "u": C may when a == none { a := any P }
			step pickB clause "v": C may when b == none { b := any P }
			step pickC clause "w": C may when c == none { c := any P }
			step near clause "a": C may when c != none and a != none and a == b and not done { done := true }
			""";

	private CheckRequest request(Obligation obligation, Procedure procedure) {
		return new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1, obligation);
	}

	private Procedure procedure() throws Exception {
		Path file = folder.resolve("counter.shall");
		Files.writeString(file, COUNTER);
		return Fixtures.load(file);
	}

	private static Obligation step(Procedure procedure, String name) {
		return Obligation.reach(procedure.getTransitions().stream().filter(t -> t.getName().equals(name)).findFirst()
				.orElseThrow());
	}

	@Test
	void aSmallStateSpaceIsTheBreadthFirstSearchsAlone() throws Exception {
		Procedure procedure = procedure();
		CheckRequest small = request(Obligation.of(procedure.getProperties().get(0)), procedure);
		assertTrue(Schedule.breadthFirstAlone(small));
		CheckResult result = new Portfolio(new Certifier()).check(small, Budget.of(40, Duration.ofSeconds(60)),
				ProgressListener.NONE);
		assertEquals(Verdict.VIOLATED, result.verdict(), result.reason());
		assertEquals("explicit", result.engine());
		assertTrue(result.certified());
		assertTrue(Schedule.breadthFirstAlone(small), "it saw every state it needed");
	}

	@Test
	void aStepNearTheStartIsAShallowBmcQuestion() throws Exception {
		Path file = folder.resolve("wide.shall");
		Files.writeString(file, WIDE);
		Procedure procedure = Fixtures.load(file);
		CheckRequest near = request(step(procedure, "near"), procedure);
		assertTrue(Schedule.shallowFirst(near));
		CheckResult result = new Portfolio(new Certifier()).check(near, Budget.of(40, Duration.ofSeconds(60)),
				ProgressListener.NONE);
		assertEquals(Verdict.VIOLATED, result.verdict(), "the step happens: " + result.reason());
		assertEquals("bmc", result.engine(), "answered by the shallow look");
		assertTrue(result.certified());
		assertTrue(result.bound() <= Schedule.SHALLOW_DEPTH);
		assertFalse(Schedule.breadthFirstAlone(near), "the states are beyond the search alone: not asked again");
		assertTrue(Schedule.breadthFirst(near), "the portfolio's breadth-first member has a higher limit");
	}

	@Test
	void aStepBeyondTheShallowLookIsFound() throws Exception {
		Procedure procedure = procedure();
		CheckRequest far = request(step(procedure, "far"), procedure);
		CheckResult result = new Portfolio(new Certifier()).check(far, Budget.of(40, Duration.ofSeconds(60)),
				ProgressListener.NONE);
		assertEquals(Verdict.VIOLATED, result.verdict(), result.reason());
		assertTrue(result.certified());
		assertTrue(result.bound() > Schedule.SHALLOW_DEPTH, "21 steps: " + result.bound());
		assertFalse(Schedule.shallowFirst(request(Obligation.bounds(), procedure)), "only steps are shallow first");
	}

	@Test
	void theBreadthFirstMemberStopsCompetingOnceTheStatesAreBeyondIt() throws Exception {
		Procedure procedure = procedure();
		CheckRequest bounds = request(Obligation.bounds(), procedure);
		assertTrue(Schedule.breadthFirst(bounds));
		// an unknown for another reason (a time limit, a cancellation) says nothing about the states
		Schedule.breadthFirstEnded(bounds, CheckResult.unknown(bounds.obligation(), "explicit", -1, "time limit",
				CheckResult.Statistics.NONE));
		assertTrue(Schedule.breadthFirst(bounds));
		Schedule.breadthFirstEnded(bounds, CheckResult.unknown(bounds.obligation(), "explicit", -1,
				"more than 200000 states", CheckResult.Statistics.NONE));
		assertFalse(Schedule.breadthFirst(bounds));
		assertFalse(Schedule.breadthFirst(new CheckRequest(bounds.layout(), bounds.options(), 1, step(procedure,
				"far"))), "every question of it");
		CheckRequest twoSessions = new CheckRequest(bounds.layout(), bounds.options(), 2, bounds.obligation());
		assertTrue(Schedule.breadthFirst(twoSessions), "another number of instances is another state space");
		// the portfolio still answers, without it
		CheckResult result = new Portfolio(new Certifier()).check(bounds, Budget.of(40, Duration.ofSeconds(60)),
				ProgressListener.NONE);
		assertEquals(Verdict.HOLDS, result.verdict(), result.reason());
		assertFalse(result.engine().equals("explicit"));
	}

	/** Sessions that never meet: a run of session 0 is a run of any number of sessions. */
	private static final String APART = """
			procedure Apart clause "test"
			role A { var n : 0..3 = 0 }
			step up clause "u": A may when n < 3 { n := n + 1 }
			property small clause "p": never A.n == 3
			instances 4
			""";

	/** A shared step that waits for every session: its one-session run is no run of two. */
	private static final String TOGETHER = """
			procedure Together clause "test"
			role Hub shared { var asked : bool = false per session  var done : bool = false }
			step ask clause "a": Hub may when not asked { asked := true }
			step finish clause "b": Hub may when not done and not some s where not s.asked { done := true }
			property neverDone clause "p": never Hub.done
			instances 2
			""";

	private CheckResult ask(String source, String name, String property) throws Exception {
		Path file = folder.resolve(name);
		Files.writeString(file, source);
		Procedure procedure = Fixtures.load(file);
		Obligation obligation = Obligation.of(procedure.getProperties().stream().filter(p -> p.getName().equals(
				property)).findFirst().orElseThrow());
		CheckRequest request = new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), procedure
				.getInstances(), obligation);
		assertTrue(Schedule.oneSessionFirst(request));
		return new Portfolio(new Certifier()).check(request, Budget.of(40, Duration.ofSeconds(60)), ProgressListener.NONE);
	}

	@Test
	void aViolationIsLookedForInSessionZeroAloneFirst() throws Exception {
		CheckResult result = ask(APART, "apart.shall", "small");
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertTrue(result.certified(), result.certificate().describe());
		assertEquals(3, result.bound());
		assertTrue(String.valueOf(result.reason()).contains("session 0 alone, accepted with 4 sessions"), result
				.reason());
	}

	@Test
	void aRunOfOneSessionThatIsNoRunOfAllIsNotTaken() throws Exception {
		// with one session: ask, finish (2 moves); with two, finish waits for the other's ask (3)
		CheckResult result = ask(TOGETHER, "together.shall", "neverDone");
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertTrue(result.certified(), result.certificate().describe());
		assertEquals(3, result.bound(), "the two sessions' run: " + result.moves());
		assertFalse(String.valueOf(result.reason()).contains("session 0 alone"), result.reason());
	}
}
