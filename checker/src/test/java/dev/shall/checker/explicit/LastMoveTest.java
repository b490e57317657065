package dev.shall.checker.explicit;

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
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Portfolio;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * The interpreter's states keep the move that produced them only for a question that reads it (a
 * dead step, a property with {@code step X}), as the encoding does ({@link Obligation#observesLastMove()}):
 * two states that differ only in it are one state for every other question, and its "holds" is
 * still certified by the encoding.
 */
class LastMoveTest {

	@TempDir
	Path folder;

	/** Two steps lead to the same procedure state. */
	private static final String TWO_WAYS = """
			procedure TwoWays clause "test"
			role R { var x : 0..2 = 0 }
			step a clause "a": R may when x == 0 { x := 1 }
			step b clause "b": R may when x == 0 { x := 1 }
			property never2 clause "p": never R.x == 2
			property afterA clause "q": always step a implies R.x == 1
			""";

	private Procedure procedure() throws Exception {
		Path file = folder.resolve("two.shall");
		Files.writeString(file, TWO_WAYS);
		return Fixtures.load(file);
	}

	@Test
	void statesForgetTheLastMoveUnlessTheQuestionReadsIt() throws Exception {
		Procedure procedure = procedure();
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		Obligation never2 = Obligation.of(procedure.getProperties().get(0));
		Obligation afterA = Obligation.of(procedure.getProperties().get(1));
		Obligation reachA = Obligation.reach(procedure.getTransitions().get(0));
		assertFalse(never2.observesLastMove());
		assertTrue(afterA.observesLastMove());
		assertTrue(reachA.observesLastMove());
		assertFalse(Obligation.bounds().observesLastMove());
		// x = 0, x = 1
		assertEquals(2, ExplicitChecker.reachable(layout, options, never2, 100).size());
		assertEquals(2, ExplicitChecker.reachable(layout, options, Obligation.bounds(), 100).size());
		// x = 0, x = 1 after a, x = 1 after another
		assertEquals(3, ExplicitChecker.reachable(layout, options, afterA, 100).size());
		// whether step a can happen reads only whether a came last: x = 0, x = 1 after a, x = 1 after another
		assertEquals(3, ExplicitChecker.reachable(layout, options, reachA, 100).size());
		assertTrue(reachA.keepsLastMove(procedure.getTransitions().get(0)));
		assertFalse(reachA.keepsLastMove(procedure.getTransitions().get(1)));
		assertTrue(afterA.keepsLastMove(procedure.getTransitions().get(0)));
		assertFalse(afterA.keepsLastMove(procedure.getTransitions().get(1)));
	}

	/** Three steps lead to x = 1: a dead-step question of the third sees two states there, not three. */
	@Test
	void aDeadStepQuestionKeepsOnlyItsOwnStep() throws Exception {
		Path file = folder.resolve("three.shall");
		Files.writeString(file, TWO_WAYS.replace("property never2", """
				step c clause "c": R may when x == 0 { x := 1 }
				step d clause "d": R may when x == 2 { x := 0 }
				property never2"""));
		Procedure procedure = Fixtures.load(file);
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		Obligation reachC = Obligation.reach(procedure.getTransitions().get(2));
		// x = 0, x = 1 after c, x = 1 after a or b
		assertEquals(3, ExplicitChecker.reachable(layout, options, reachC, 100).size());
		// d is dead: the breadth-first search says so, and the encoding certifies it on the fewer states
		CheckRequest request = new CheckRequest(layout, options, 1, Obligation.reach(procedure.getTransitions().get(3)));
		CheckResult dead = new Portfolio(new Certifier()).check(request, Budget.of(40, Duration.ofSeconds(60)),
				ProgressListener.NONE);
		assertEquals(Verdict.HOLDS, dead.verdict(), dead.reason());
		assertTrue(dead.certified(), dead.certificate().describe());
		CheckResult happens = new Portfolio(new Certifier()).check(new CheckRequest(layout, options, 1, reachC), Budget
				.of(40, Duration.ofSeconds(60)), ProgressListener.NONE);
		assertEquals(Verdict.VIOLATED, happens.verdict(), happens.reason());
		assertTrue(happens.certified(), happens.certificate().describe());
	}

	@Test
	void aHoldsOnTheSmallerStateSetIsCertified() throws Exception {
		Procedure procedure = procedure();
		for (var property : procedure.getProperties()) {
			CheckRequest request = new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1,
					Obligation.of(property));
			CheckResult result = new Portfolio(new Certifier()).check(request, Budget.of(40, Duration.ofSeconds(60)),
					ProgressListener.NONE);
			assertEquals(Verdict.HOLDS, result.verdict(), property.getName() + ": " + result.reason());
			assertTrue(result.certified(), property.getName() + ": " + result.certificate().describe());
			assertEquals("explicit", result.engine(), "a small state space is the breadth-first search's");
		}
	}
}
