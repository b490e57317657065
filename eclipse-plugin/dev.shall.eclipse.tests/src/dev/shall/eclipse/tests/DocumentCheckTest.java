package dev.shall.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.Test;

import dev.shall.eclipse.DocumentCheck;
import dev.shall.model.check.CheckMark;

/**
 * The editor's live check inside OSGi: Xtext, the compiler and the engines resolve and run as
 * bundles, and the verdicts view is built from the checker's structured verdicts.
 */
class DocumentCheckTest {

	static Path seed003() {
		return Path.of(System.getProperty("shall.root"), "examples/seeds/003-smc-vs-inter-mme-handover.shall");
	}

	/** The seed with the declared expectations of kasmeAgreedAfterHandover removed: it is violated, undeclared. */
	static String undeclared(String text) {
		return text.replace("UE.kasme, TargetMME.kasme)\n  expect violated when completion = anyEnd\n",
				"UE.kasme, TargetMME.kasme)\n");
	}

	@Test
	void seedAsWrittenHasNoErrors() throws Exception {
		String text = Files.readString(seed003());
		DocumentCheck.Result result = DocumentCheck.check(text, URI.createFileURI(seed003().toString()),
				Duration.ofSeconds(60), () -> false);
		assertTrue(result.modelChecked());
		assertTrue(result.problems().stream().noneMatch(p -> p.severity() == DocumentCheck.Severity.ERROR),
				result.problems().toString());
		assertTrue(result.outline().stream().anyMatch(e -> e.kind().equals("property")
				&& e.name().equals("kasmeAgreedAfterHandover")));
		// the verdicts view's row, from the checker's data: one verdict per option combination
		DocumentCheck.Verdict row = verdictOf(result, "kasmeAgreedAfterHandover");
		assertEquals(DocumentCheck.Status.AS_DECLARED, row.status());
		assertEquals(lineOf(text, "property kasmeAgreedAfterHandover"), row.line());
		assertEquals(Map.of(
				Map.of("restrainedSmc", "newKasme", "completion", "anyEnd"), CheckMark.Answer.VIOLATED,
				Map.of("restrainedSmc", "newKasme", "completion", "securityModeComplete"), CheckMark.Answer.HOLDS,
				Map.of("restrainedSmc", "every", "completion", "anyEnd"), CheckMark.Answer.VIOLATED,
				Map.of("restrainedSmc", "every", "completion", "securityModeComplete"), CheckMark.Answer.HOLDS),
				answers(row));
		for (CheckMark.Verdict verdict : row.verdicts()) {
			assertTrue(verdict.matches() && !verdict.mismatch(), verdict.describe());
			assertTrue(verdict.engine() != null && !verdict.engine().isEmpty(), verdict.describe());
			// a violation comes with its run, each step at its line
			assertEquals(verdict.verdict() == CheckMark.Answer.VIOLATED, !verdict.run().isEmpty(), verdict.describe());
		}
	}

	@Test
	void undeclaredViolationIsAnErrorAtThePropertyLine() throws Exception {
		String original = Files.readString(seed003());
		String text = undeclared(original);
		assertTrue(!text.equals(original), "the seed still declares the expectations this test removes");
		DocumentCheck.Result result = DocumentCheck.check(text, URI.createFileURI(seed003().toString()),
				Duration.ofSeconds(60), () -> false);
		int line = lineOf(text, "property kasmeAgreedAfterHandover");
		DocumentCheck.Problem problem = result.problems().stream().filter(p -> p.severity() == DocumentCheck.Severity.ERROR)
				.findFirst().orElseThrow(() -> new AssertionError(result.problems().toString()));
		assertEquals(line, problem.line());
		assertTrue(problem.message().startsWith("kasmeAgreedAfterHandover is violated"), problem.message());
		// the view says so from the data: the violations are now undeclared, the holds still as declared
		DocumentCheck.Verdict row = verdictOf(result, "kasmeAgreedAfterHandover");
		assertEquals(DocumentCheck.Status.DIFFERS, row.status());
		assertEquals(line, row.line());
		assertEquals(4, row.verdicts().size(), row.verdicts().toString());
		for (CheckMark.Verdict verdict : row.verdicts()) {
			assertEquals(CheckMark.Answer.HOLDS, verdict.expected(), verdict.describe());
			assertEquals(verdict.verdict() == CheckMark.Answer.VIOLATED, verdict.mismatch(), verdict.describe());
		}
		assertEquals(2, row.verdicts().stream().filter(CheckMark.Verdict::mismatch).count());
		// a property not touched keeps its row as declared
		assertEquals(DocumentCheck.Status.AS_DECLARED, verdictOf(result, "noRelocationDuringSmc").status());
	}

	@Test
	void aPropertyThatHoldsOnlyVacuouslyIsAWarningAndAStatusOfItsOwn() throws Exception {
		// semantics §7.5: with lowerNonce=initiator and closeRedundant=closes, A deletes the redundant
		// SA in the step that stores it, so the response's trigger A.extra != none never holds
		Path file = Path.of(System.getProperty("shall.root"), "examples/more/ikev2-rekey-collision.shall");
		String text = Files.readString(file);
		DocumentCheck.Result result = DocumentCheck.check(text, URI.createFileURI(file.toString()),
				Duration.ofSeconds(60), () -> false);
		DocumentCheck.Verdict row = verdictOf(result, "noRedundantSaLeft");
		assertEquals(DocumentCheck.Status.VACUOUS, row.status(), row.details());
		assertEquals(1, row.verdicts().stream().filter(CheckMark.Verdict::vacuous).count(), row.details());
		int line = lineOf(text, "property noRedundantSaLeft");
		DocumentCheck.Problem problem = result.problems().stream().filter(p -> p.line() == line).findFirst()
				.orElseThrow(() -> new AssertionError(result.problems().toString()));
		assertEquals(DocumentCheck.Severity.WARNING, problem.severity());
		assertTrue(problem.message().startsWith("noRedundantSaLeft holds vacuously when {lowerNonce=initiator, "
				+ "closeRedundant=closes}: the response's trigger \"A.extra != none\""), problem.message());
	}

	@Test
	void syntaxErrorsStopBeforeTheModelCheck() throws Exception {
		String text = Files.readString(seed003()).replace("role UE {", "role UE ");
		DocumentCheck.Result result = DocumentCheck.check(text, URI.createFileURI(seed003().toString()),
				Duration.ofSeconds(60), () -> false);
		assertTrue(!result.modelChecked());
		assertTrue(result.problems().stream().anyMatch(p -> p.severity() == DocumentCheck.Severity.ERROR));
	}

	static DocumentCheck.Verdict verdictOf(DocumentCheck.Result result, String property) {
		return result.verdicts().stream().filter(v -> v.property().equals(property)).findFirst().orElseThrow(
				() -> new AssertionError(property + " has no row in " + result.verdicts()));
	}

	/** The verdict per option combination, as the view's data holds it. */
	static Map<Map<String, String>, CheckMark.Answer> answers(DocumentCheck.Verdict row) {
		Map<Map<String, String>, CheckMark.Answer> answers = new HashMap<>();
		row.verdicts().forEach(v -> answers.put(Map.copyOf(v.options()), v.verdict()));
		return answers;
	}

	static int lineOf(String text, String needle) {
		int offset = text.indexOf(needle);
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
	}
}
