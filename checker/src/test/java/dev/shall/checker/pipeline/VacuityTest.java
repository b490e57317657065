package dev.shall.checker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.shall.checker.Fixtures;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.lowering.VacuityCondition;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.Vacuity;
import dev.shall.model.Invariant;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Unary;
import dev.shall.model.check.CheckMark;

/**
 * Semantics §7.5: a property that holds is asked whether its vacuity condition is true in some
 * reachable state, by the invariant {@code never C} through the same engines and certification;
 * it is marked vacuous only from a certified holds of that question.
 */
class VacuityTest {

	private static final Procedure FIXTURE = Fixtures.load("vacuity.shall");

	private static Map<String, Finding> check(CheckRunner.EngineChoice engine) {
		List<Finding> findings = new CheckRunner().check(FIXTURE, Path.of("vacuity.shall"), new CheckRunner.Settings(
				engine, 40, Duration.ofSeconds(60), null, null), CheckRunner.Listener.NONE, new ArrayList<>());
		return findings.stream().filter(f -> f.kind() == Finding.Kind.PROPERTY).collect(Collectors.toMap(
				Finding::property, Function.identity()));
	}

	@ParameterizedTest
	@EnumSource(value = CheckRunner.EngineChoice.class, names = { "AUTO", "BMC", "KIND" })
	void aConditionThatNeverHoldsMakesTheHoldsVacuousAndOneThatHoldsDoesNot(CheckRunner.EngineChoice engine) {
		Map<String, Finding> findings = check(engine);
		for (String vacuous : List.of("agreementVacuous", "freshnessVacuous", "precedenceVacuous", "responseVacuous",
				"premiseVacuous")) {
			Finding finding = findings.get(vacuous);
			assertEquals(Verdict.HOLDS, finding.verdict(), vacuous);
			assertTrue(finding.vacuous(), () -> vacuous + ": " + finding.vacuity());
			assertFalse(finding.mismatch(), "a vacuous holds still matches expect holds");
			assertTrue(finding.vacuity().reason().contains("is true in no reachable state (proved by "), finding
					.vacuity().reason());
			assertTrue(finding.vacuity().reason().contains(", certified "), finding.vacuity().reason());
		}
		assertTrue(findings.get("agreementVacuous").vacuity().reason().startsWith(
				"the agreement's condition \"step 3\" is true in no reachable state"), findings.get("agreementVacuous")
						.vacuity().reason());
		assertTrue(findings.get("premiseVacuous").vacuity().reason().startsWith(
				"the invariant's premise \"A.n == 2\""), findings.get("premiseVacuous").vacuity().reason());
		for (String fires : List.of("agreementFires", "responseFires", "premiseFires")) {
			Finding finding = findings.get(fires);
			assertEquals(Verdict.HOLDS, finding.verdict(), fires);
			assertEquals(Vacuity.Status.NOT_VACUOUS, finding.vacuity().status(), () -> fires + ": " + finding.vacuity());
			assertFalse(finding.vacuous());
		}
		assertNull(findings.get("plainNever").vacuity(), "never C has no vacuity condition: the question is not asked");
	}

	@Test
	void aVacuityQuestionOutOfBudgetClaimsNothingAndSaysWhy() {
		Layout layout = new Layout(FIXTURE);
		Vacuity vacuity = CheckRunner.vacuity(layout, OptionAssignment.all(FIXTURE).get(0), 1, property(
				"agreementVacuous"), Budget.of(40, Duration.ZERO), CheckRunner.EngineChoice.AUTO, ProgressListener.NONE);
		assertEquals(Vacuity.Status.UNDECIDED, vacuity.status(), vacuity::toString);
		assertFalse(vacuity.vacuous());
		assertTrue(vacuity.reason().startsWith("vacuity not decided: "), vacuity.reason());
	}

	@Test
	void aDepthBoundIsNeverAProofOfVacuity() {
		// BMC to depth 1 neither completes (runs go on to 2 steps) nor finds step 3: unknown, not vacuous
		Layout layout = new Layout(FIXTURE);
		Vacuity vacuity = CheckRunner.vacuity(layout, OptionAssignment.all(FIXTURE).get(0), 1, property(
				"agreementVacuous"), Budget.of(1, Duration.ofSeconds(60)), CheckRunner.EngineChoice.BMC,
				ProgressListener.NONE);
		assertEquals(Vacuity.Status.UNDECIDED, vacuity.status(), vacuity::toString);
	}

	@Test
	void theQuestionIsNeverOfACopyOfTheCondition() {
		Property premise = property("premiseVacuous");
		Invariant question = (Invariant) VacuityCondition.question(premise).property();
		Unary never = (Unary) question.getCondition();
		assertEquals(dev.shall.model.UnaryOperator.NOT, never.getOperator());
		assertEquals("A.n == 2", VacuityCondition.text(never.getOperand()));
		assertTrue(never.getOperand() != VacuityCondition.of(premise), "a copy: the property is left as it was");
		assertEquals("A.n == 2", VacuityCondition.text(VacuityCondition.of(premise)));
		assertNull(VacuityCondition.question(property("plainNever")));
		assertThrows(IllegalArgumentException.class, () -> CheckRunner.vacuity(new Layout(FIXTURE), OptionAssignment
				.all(FIXTURE).get(0), 1, property("plainNever"), Budget.of(40, Duration.ofSeconds(5)),
				CheckRunner.EngineChoice.AUTO, ProgressListener.NONE));
	}

	@Test
	void theEditorsMarkAVacuousHoldsAsAWarningWithTheReason() {
		List<Finding> findings = new ArrayList<>(check(CheckRunner.EngineChoice.KIND).values());
		List<CheckMark> marks = EditorMarks.of(FIXTURE, findings);
		CheckMark vacuous = marks.stream().filter(m -> m.subject().equals("agreementVacuous")).findFirst().orElseThrow();
		assertEquals(CheckMark.Severity.WARNING, vacuous.severity());
		assertTrue(vacuous.message().startsWith("agreementVacuous holds vacuously: the agreement's condition \"step 3\""),
				vacuous.message());
		assertTrue(vacuous.hover().contains("holds (vacuous)"), vacuous.hover());
		CheckMark fires = marks.stream().filter(m -> m.subject().equals("agreementFires")).findFirst().orElseThrow();
		assertEquals(CheckMark.Severity.NONE, fires.severity());
	}

	private static Property property(String name) {
		return FIXTURE.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
	}
}
