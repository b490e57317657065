package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.model.Procedure;

/**
 * Three 5-bit counters (about 32,000 states; the violation needs 93 steps), where k-induction
 * alone stalls before depth 0 (issue 20). What this test holds the checker to today: the default
 * portfolio finds the 93-step violation, certified; k-induction alone, out of time, answers
 * unknown with its reason and never a verdict it cannot back; and since issue 20, k-induction answers
 * the bounds and the dead steps (its auxiliary-invariant search no longer takes the whole budget).
 */
class ScaleCasesTest {

	private static List<Finding> check(String engine, int seconds) throws Exception {
		return check("kind-three-counters.shall", engine, seconds);
	}

	private static List<Finding> check(String file, String engine, int seconds) throws Exception {
		Path input = Path.of(ScaleCasesTest.class.getResource("/cases/scale/" + file).toURI());
		Procedure procedure = Fixtures.load(input);
		return new CheckRunner().check(procedure, input, new CheckRunner.Settings(CheckRunner.EngineChoice.parse(engine),
				100, Duration.ofSeconds(seconds), null, Map.of()), CheckRunner.Listener.NONE, new ArrayList<>());
	}

	/**
	 * The two-counter twin (about 1,000 states; the violation needs 62 steps): the portfolio finds
	 * it, certified; k-induction alone stalls on it too (reaching depth 44 in 120 s on 2026-11-29,
	 * issue 20) and must then say unknown, never holds.
	 */
	@Test
	void theTwoCounterTwinIsViolatedIn62StepsAndKInductionNeverSaysHolds() throws Exception {
		Finding property = check("kind-two-counters.shall", "auto", 60).stream().filter(f -> f.property().equals(
				"neverBothFull")).findFirst().orElseThrow();
		assertEquals(Verdict.VIOLATED, property.verdict());
		assertEquals(62, property.bound());
		assertTrue(property.certified());
		for (Finding finding : check("kind-two-counters.shall", "kind", 2)) {
			assertNotEquals(Verdict.HOLDS, finding.property().equals("neverBothFull") ? finding.verdict() : null,
					"the property is violated: " + finding);
		}
	}

	@Test
	void thePortfolioFindsTheDeepViolationCertified() throws Exception {
		Finding property = check("auto", 60).stream().filter(f -> f.property().equals("neverAllFull")).findFirst()
				.orElseThrow();
		assertEquals(Verdict.VIOLATED, property.verdict());
		assertEquals(93, property.bound());
		assertTrue(property.certified());
	}

	/**
	 * Issue 20: k-induction spent its whole budget in the auxiliary-invariant search, so even "a
	 * step one move from the start can happen" was unknown. Now the search has a share of the time
	 * and the base case is always asked: the bounds and every dead-step question are answered,
	 * certified (1–3 s each on a loaded 2-core machine; 30 s is slack for CI).
	 */
	@Test
	void kInductionAnswersTheBoundsAndTheDeadStepsOfTheCounters() throws Exception {
		Path input = Path.of(ScaleCasesTest.class.getResource("/cases/scale/kind-three-counters.shall").toURI());
		// the bounds and the dead steps only: the property is the 93-step violation, beyond k-induction's reach
		CheckRunner runner = new CheckRunner(null, null, new CheckRunner.Selection(java.util.Set.of(), java.util.Set.of(),
				java.util.Set.of(dev.shall.checker.lowering.Obligation.Kind.BOUNDS,
						dev.shall.checker.lowering.Obligation.Kind.REACHABILITY)));
		List<Finding> findings = runner.check(Fixtures.load(input), input, new CheckRunner.Settings(
				CheckRunner.EngineChoice.KIND, 100, Duration.ofSeconds(30), null, Map.of()), CheckRunner.Listener.NONE,
				new ArrayList<>());
		assertEquals(4, findings.size(), "the bounds and three dead-step questions: " + findings);
		for (Finding finding : findings) {
			assertEquals(Verdict.HOLDS, finding.verdict(), finding.toString());
			assertTrue(finding.certified(), finding.toString());
		}
	}

	@Test
	void kInductionOutOfTimeSaysUnknownNeverHolds() throws Exception {
		for (Finding finding : check("kind", 2)) {
			if (finding.property().equals("neverAllFull")) {
				assertNotEquals(Verdict.HOLDS, finding.verdict(), "the property is violated: " + finding);
			}
			if (finding.verdict() == Verdict.UNKNOWN) {
				assertTrue(finding.reason() != null && !finding.reason().isBlank(), "unknown says why: " + finding);
			} else {
				assertTrue(finding.certified(), "decided means certified: " + finding);
			}
		}
	}
}
