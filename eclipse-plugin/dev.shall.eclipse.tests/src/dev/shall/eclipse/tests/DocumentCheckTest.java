package dev.shall.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.Test;

import dev.shall.eclipse.DocumentCheck;

/** The editor's live check inside OSGi: Xtext, the compiler and the engines resolve and run as bundles. */
class DocumentCheckTest {

	static Path seed003() {
		return Path.of(System.getProperty("shall.root"), "examples/seeds/003-smc-vs-inter-mme-handover.shall");
	}

	/** The seed with the declared expectations of contextsMatchAfterHandover removed: it is violated, undeclared. */
	static String undeclared(String text) {
		return text.replace("  expect violated when rule7210 = ignored\n  expect violated when smcDuringRelocation = mayStart\n", "");
	}

	@Test
	void seedAsWrittenHasNoErrors() throws Exception {
		String text = Files.readString(seed003());
		DocumentCheck.Result result = DocumentCheck.check(text, URI.createFileURI(seed003().toString()),
				Duration.ofSeconds(10), () -> false);
		assertTrue(result.modelChecked());
		assertTrue(result.problems().stream().noneMatch(p -> p.severity() == DocumentCheck.Severity.ERROR),
				result.problems().toString());
		assertTrue(result.outline().stream().anyMatch(e -> e.kind().equals("property")
				&& e.name().equals("contextsMatchAfterHandover")));
	}

	@Test
	void undeclaredViolationIsAnErrorAtThePropertyLine() throws Exception {
		String original = Files.readString(seed003());
		String text = undeclared(original);
		assertTrue(!text.equals(original), "the seed still declares the expectations this test removes");
		DocumentCheck.Result result = DocumentCheck.check(text, URI.createFileURI(seed003().toString()),
				Duration.ofSeconds(10), () -> false);
		int line = lineOf(text, "property contextsMatchAfterHandover");
		DocumentCheck.Problem problem = result.problems().stream().filter(p -> p.severity() == DocumentCheck.Severity.ERROR)
				.findFirst().orElseThrow(() -> new AssertionError(result.problems().toString()));
		assertEquals(line, problem.line());
		assertTrue(problem.message().startsWith("contextsMatchAfterHandover is violated"), problem.message());
	}

	@Test
	void syntaxErrorsStopBeforeTheModelCheck() throws Exception {
		String text = Files.readString(seed003()).replace("role UE {", "role UE ");
		DocumentCheck.Result result = DocumentCheck.check(text, URI.createFileURI(seed003().toString()),
				Duration.ofSeconds(10), () -> false);
		assertTrue(!result.modelChecked());
		assertTrue(result.problems().stream().anyMatch(p -> p.severity() == DocumentCheck.Severity.ERROR));
	}

	static int lineOf(String text, String needle) {
		int offset = text.indexOf(needle);
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
	}
}
