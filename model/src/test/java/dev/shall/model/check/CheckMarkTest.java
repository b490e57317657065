package dev.shall.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.shall.model.check.CheckMark.Answer;
import dev.shall.model.check.CheckMark.Question;
import dev.shall.model.check.CheckMark.RunStep;
import dev.shall.model.check.CheckMark.Verdict;

/** What editors show is rendered from the verdicts: severity, marker line, hover, related steps. */
class CheckMarkTest {

	private static final List<RunStep> RUN = List.of(new RunStep(1, "A", "greet", "sent Hello on c", 6),
			new RunStep(2, "c(A→B)", "lose on c(A→B)", "", 0), new RunStep(3, "B", "take", "", 7));

	private static Map<String, String> options(String... pairs) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			options.put(pairs[i], pairs[i + 1]);
		}
		return options;
	}

	@Test
	void aVerdictThatDiffersIsAnErrorWithItsRun() {
		CheckMark mark = new CheckMark(Question.PROPERTY, "neverGot", "neverGot", "TS 1 1.3", 8, 1, List.of(
				new Verdict(options("o", "a"), Answer.HOLDS, Answer.HOLDS, false, "quick", 4, null, null, List.of()),
				new Verdict(options("o", "b"), Answer.VIOLATED, Answer.HOLDS, true, "quick", 3, "replayed-run", null, RUN)));
		assertEquals(CheckMark.Severity.ERROR, mark.severity());
		assertEquals("neverGot is violated, declared holds when {o=b}: 3-step run: 1. A greet, 2. c(A→B) lose on "
				+ "c(A→B), 3. B take", mark.message());
		assertEquals("**neverGot** — TS 1 1.3\n\n- {o=a}: holds — quick, bound 4\n\n- {o=b}: violated (declared: holds) "
				+ "— quick, bound 3, certified (replayed-run)", mark.hover());
		assertEquals(List.of(new CheckMark.Related(6, "step 1: A greet — sent Hello on c"), new CheckMark.Related(7,
				"step 3: B take")), mark.related());
	}

	@Test
	void anUnknownVerdictIsInformationWithItsDepthAndReason() {
		CheckMark mark = new CheckMark(Question.PROPERTY, "p", "p", null, 3, 1, List.of(new Verdict(Map.of(),
				Answer.UNKNOWN, Answer.HOLDS, false, "quick", 12, null, "time limit", List.of())));
		assertEquals(CheckMark.Severity.INFO, mark.severity());
		assertEquals("p: unknown, no violation up to depth 12 (time limit)", mark.message());
		assertEquals(List.of(), mark.related());
	}

	@Test
	void aVacuousHoldsIsAWarningWithItsReasonAndADifferenceStaysAnError() {
		Verdict vacuous = new Verdict(options("o", "a"), Answer.HOLDS, Answer.HOLDS, false, "quick", 4, "closed-state-set",
				null, List.of(), "the agreement's condition \"step 3\" is true in no reachable state");
		CheckMark mark = new CheckMark(Question.PROPERTY, "p", "p", null, 3, 1, List.of(vacuous));
		assertEquals(CheckMark.Severity.WARNING, mark.severity());
		assertEquals("p holds vacuously when {o=a}: the agreement's condition \"step 3\" is true in no reachable state",
				mark.message());
		assertEquals("**p**\n\n- {o=a}: holds (vacuous) — quick, bound 4, certified (closed-state-set); vacuous: the "
				+ "agreement's condition \"step 3\" is true in no reachable state", mark.hover());
		CheckMark worse = new CheckMark(Question.PROPERTY, "p", "p", null, 3, 1, List.of(vacuous, new Verdict(options(
				"o", "b"), Answer.VIOLATED, Answer.HOLDS, true, "quick", 3, "replayed-run", null, RUN)));
		assertEquals(CheckMark.Severity.ERROR, worse.severity(), "a difference from the declared verdict comes first");
	}

	@Test
	void aStepNoRunReachesIsAWarning() {
		CheckMark dead = new CheckMark(Question.DEAD_STEP, "take", "step take", "1.2", 7, 1, List.of(new Verdict(
				options("o", "a"), Answer.VIOLATED, Answer.HOLDS, false, "quick", 5, "closed-state-set", null, List.of())));
		assertEquals(CheckMark.Severity.WARNING, dead.severity());
		assertEquals("Dead step: take can never happen when {o=a}", dead.message());
		assertEquals("**step take** — 1.2\n\nDead step: no run reaches it when {o=a}.", dead.hover());
		CheckMark alive = new CheckMark(Question.DEAD_STEP, "take", "step take", "1.2", 7, 1, List.of(new Verdict(
				Map.of(), Answer.HOLDS, Answer.HOLDS, false, "quick", 2, "replayed-run", null, RUN)));
		assertEquals(CheckMark.Severity.NONE, alive.severity());
		assertEquals("", alive.message());
		assertEquals("**step take** — 1.2", alive.hover());
	}

	@Test
	void anUnhandledMessageIsAWarningWithTheRunUnlessDeclared() {
		CheckMark unhandled = new CheckMark(Question.UNHANDLED, "M on c at B", "M on c at B is handled", null, 4, 1,
				List.of(new Verdict(Map.of(), Answer.VIOLATED, Answer.HOLDS, false, "quick", 3, "replayed-run", null,
						RUN)));
		assertEquals(CheckMark.Severity.WARNING, unhandled.severity());
		assertEquals("Unhandled message: M on c at B arrives where no step takes it, and nothing ignores or defers it: "
				+ "3-step run: 1. A greet, 2. c(A→B) lose on c(A→B), 3. B take", unhandled.message());
		assertEquals(2, unhandled.related().size());
		// declared (semantics §7.6): no mark; declared but every M handled: an error
		CheckMark declared = new CheckMark(Question.UNHANDLED, "M on c at B", "M on c at B is handled", null, 4, 1,
				List.of(new Verdict(Map.of(), Answer.VIOLATED, Answer.VIOLATED, false, "quick", 3, "replayed-run", null,
						RUN)));
		assertEquals(CheckMark.Severity.NONE, declared.severity());
		CheckMark notFound = new CheckMark(Question.UNHANDLED, "M on c at B", "M on c at B is handled", null, 4, 1,
				List.of(new Verdict(options("o", "a"), Answer.HOLDS, Answer.VIOLATED, true, "quick", 3,
						"closed-state-set", null, List.of())));
		assertEquals(CheckMark.Severity.ERROR, notFound.severity());
		assertEquals("M on c at B is declared unhandled, but every one that arrives is handled when {o=a}", notFound
				.message());
	}

	@Test
	void aDeclaredDeadStepThatHappensIsAnError() {
		CheckMark dead = new CheckMark(Question.DEAD_STEP, "take", "step take", "1.2", 7, 1, List.of(new Verdict(
				Map.of(), Answer.HOLDS, Answer.VIOLATED, true, "quick", 2, "replayed-run", null, RUN)));
		assertEquals(CheckMark.Severity.ERROR, dead.severity());
		assertTrue(dead.message().startsWith("step take is declared dead, but a run reaches it"), dead.message());
		CheckMark quiet = new CheckMark(Question.DEAD_STEP, "take", "step take", "1.2", 7, 1, List.of(new Verdict(
				Map.of(), Answer.VIOLATED, Answer.VIOLATED, false, "quick", 2, "closed-state-set", null, List.of())));
		assertEquals(CheckMark.Severity.NONE, quiet.severity());
		assertEquals("**step take** — 1.2\n\nDead step (declared): no run reaches it.", quiet.hover());
	}

	@Test
	void boundsLeftAreAWarningWithTheRun() {
		CheckMark bounds = new CheckMark(Question.BOUNDS, "Ping", "within declared bounds", null, 1, 1, List.of(
				new Verdict(Map.of(), Answer.VIOLATED, Answer.HOLDS, true, "quick", 3, "replayed-run", null, RUN)));
		assertEquals(CheckMark.Severity.WARNING, bounds.severity());
		assertEquals("A step overflows a channel or leaves a declared range: 3-step run: 1. A greet, 2. c(A→B) lose "
				+ "on c(A→B), 3. B take", bounds.message());
		assertEquals(2, bounds.related().size());
	}

	@Test
	void aQuestionTheTimeDidNotReachIsSaidSo() {
		CheckMark mark = new CheckMark(Question.PROPERTY, "p", "p", null, 3, 1, List.of());
		assertEquals(CheckMark.Severity.NONE, mark.severity());
		assertEquals("**p**\n\nNot checked: the quick check's time ran out first.", mark.hover());
	}
}
