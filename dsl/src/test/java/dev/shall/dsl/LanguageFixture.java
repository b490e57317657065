package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

import dev.shall.dsl.compiler.ProcedureCompiler;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.model.Procedure;

/**
 * The steps every construct's test takes with a text — parse it (no syntax error), find the one
 * diagnostic of a code, compile it (no validation error) — injected into the test
 * ({@code @Inject LanguageFixture language}) with the test's injector.
 */
public class LanguageFixture {

	@Inject
	private ParseHelper<ShallFile> parser;

	@Inject
	private ValidationTestHelper validation;

	/** The parsed file; fails the test on a syntax error. */
	public ShallFile parse(String text) throws Exception {
		ShallFile file = parser.parse(text);
		assertTrue(file.eResource().getErrors().isEmpty(), () -> "syntax errors: " + file.eResource().getErrors());
		return file;
	}

	/** Every diagnostic of the file. */
	public List<Issue> issues(ShallFile file) {
		return validation.validate(file);
	}

	/** The one diagnostic of the code; fails the test when there is none or more than one. */
	public Issue single(ShallFile file, String code) {
		List<Issue> issues = validation.validate(file).stream().filter(i -> code.equals(i.getCode())).toList();
		assertEquals(1, issues.size(), () -> "expected one " + code + " in " + validation.validate(file));
		return issues.get(0);
	}

	/** The compiled procedure; fails the test on a syntax or validation error. */
	public Procedure compile(String text) throws Exception {
		ShallFile file = parse(text);
		validation.assertNoErrors(file);
		return new ProcedureCompiler().compile(file);
	}
}
