package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.shall.dsl.compiler.ProcedureCompiler;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.tests.ShallInjectorProvider;
import dev.shall.dsl.validation.IssueCodes;
import dev.shall.model.Binary;
import dev.shall.model.BinaryOperator;
import dev.shall.model.Correspondence;
import dev.shall.model.Fired;
import dev.shall.model.Invariant;
import dev.shall.model.Once;
import dev.shall.model.Precedence;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Since;
import dev.shall.model.Unary;
import dev.shall.model.frontend.Limits;

/**
 * Past-time operators and injective correspondence (semantics §6.5, §6.6, ADR 0014): how they
 * parse and bind, one validation rule per test with its issue code, and what the compiler makes of
 * them.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ShallInjectorProvider.class)
class PastTimeTest {

	private static final String SMC = """
			procedure Smc spec "TS 24.301" clause "5.4.3"
			role MME { var waiting : bool = false  var x : 0..1 = 0 }
			role UE { var count : 0..2 = 0 }
			channel nas : MME <-> UE reliable capacity 1
			message Command
			message Complete
			step 2 clause "5.4.3.2": MME shall when not waiting { waiting := true  send Command on nas }
			step 3 clause "5.4.3.3": UE shall receive Command on nas when count < 2 { count := count + 1  send Complete on nas }
			step 4 clause "5.4.3.4": MME shall receive Complete on nas { waiting := false }
			""";

	@Inject
	private LanguageFixture language;

	/** For a text with a syntax error, which the fixture's parse refuses. */
	@Inject
	private ParseHelper<ShallFile> parser;

	@Inject
	private ValidationTestHelper validation;

	private Property property(String formula) throws Exception {
		ShallFile file = language.parse(SMC + "property p clause \"5.4.3.4\": " + formula + "\n");
		validation.assertNoErrors(file);
		Procedure procedure = new ProcedureCompiler().compile(file);
		return procedure.getProperties().get(0);
	}

	// ------------------------------------------------------------------ syntax and binding

	@Test
	void onceBindsLikeNot() throws Exception {
		// "once step 3 and x == 1" is (once step 3) and x == 1
		Invariant invariant = assertInstanceOf(Invariant.class, property("never once step 3 and MME.x == 1"));
		Binary and = assertInstanceOf(Binary.class, assertInstanceOf(Unary.class, invariant.getCondition())
				.getOperand());
		assertEquals(BinaryOperator.AND, and.getOperator());
		assertInstanceOf(Fired.class, assertInstanceOf(Once.class, and.getLeft()).getOperand());
		// and like not, it takes a comparison whole: once x == 1 is once (x == 1)
		Invariant comparison = assertInstanceOf(Invariant.class, property("always once MME.x == 1 or step 2"));
		Binary or = assertInstanceOf(Binary.class, comparison.getCondition());
		assertEquals(BinaryOperator.EQ, assertInstanceOf(Binary.class, assertInstanceOf(Once.class, or.getLeft())
				.getOperand()).getOperator());
	}

	@Test
	void sinceBindsLooserThanAndAndOrAndTighterThanImplies() throws Exception {
		Invariant invariant = assertInstanceOf(Invariant.class, property(
				"always step 4 implies MME.waiting and MME.x == 0 since step 2 or step 3"));
		Binary implies = assertInstanceOf(Binary.class, invariant.getCondition());
		assertEquals(BinaryOperator.IMPLIES, implies.getOperator());
		Since since = assertInstanceOf(Since.class, implies.getRight());
		assertEquals(BinaryOperator.AND, assertInstanceOf(Binary.class, since.getHeld()).getOperator());
		assertEquals(BinaryOperator.OR, assertInstanceOf(Binary.class, since.getTrigger()).getOperator());
	}

	@Test
	void pastTimeNestsWithParentheses() throws Exception {
		Invariant invariant = assertInstanceOf(Invariant.class, property(
				"never once (MME.waiting since step 2) and not (once step 3 since step 4)"));
		Binary and = assertInstanceOf(Binary.class, assertInstanceOf(Unary.class, invariant.getCondition())
				.getOperand());
		assertInstanceOf(Since.class, assertInstanceOf(Once.class, and.getLeft()).getOperand());
		Since inner = assertInstanceOf(Since.class, assertInstanceOf(Unary.class, and.getRight()).getOperand());
		assertInstanceOf(Once.class, inner.getHeld());
	}

	@Test
	void sinceIsNotAssociative() throws Exception {
		ShallFile file = parser.parse(SMC + "property p clause \"1\": always step 2 since step 3 since step 4\n");
		assertTrue(!file.eResource().getErrors().isEmpty(), "a since b since c needs parentheses");
	}

	@Test
	void pastTimeWorksInEveryPropertyCondition() throws Exception {
		Precedence precedence = assertInstanceOf(Precedence.class, property("once step 2 before step 4"));
		assertInstanceOf(Once.class, precedence.getFirst());
		assertInstanceOf(Since.class, ((dev.shall.model.Response) property(
				"step 2 leads to (not step 4 since step 3)")).getResponse());
		assertInstanceOf(Once.class, ((dev.shall.model.Agreement) property(
				"agree MME.x with MME.x when once step 3")).getCondition());
	}

	@Test
	void aCorrespondenceCompilesWithItsBoundOrTheDefault() throws Exception {
		Correspondence declared = assertInstanceOf(Correspondence.class, property(
				"each step 4 preceded by step 2 within 2"));
		assertEquals(2, declared.getBound());
		assertInstanceOf(Fired.class, declared.getFirst());
		assertEquals("4", ((Fired) declared.getSecond()).getTransition().getName());
		Correspondence plain = assertInstanceOf(Correspondence.class, property(
				"each step 4 and MME.x == 0 preceded by once step 2"));
		assertEquals(Limits.DEFAULT_CORRESPONDENCE_BOUND, plain.getBound());
		assertInstanceOf(Binary.class, plain.getSecond());
		assertInstanceOf(Once.class, plain.getFirst());
	}

	@Test
	void theNewWordsStayUsableAsNames() throws Exception {
		ShallFile file = language.parse("""
				procedure Words clause "1"
				role A { var once : bool = false  var since : 0..1 = 0  var within : bool = false  var preceded : bool = false }
				step once clause "1": A shall when not once { once := true  since := 1  within := once }
				property p clause "1": never A.once and A.since == 0
				property q clause "1": always once A.once or step once
				property r clause "1": each step once preceded by A.preceded or not A.within
				""");
		validation.assertNoErrors(file);
	}

	// ------------------------------------------------------------------ validation, one rule per test

	@Test
	void onceInAGuardIsAnError() throws Exception {
		String text = SMC.replace("when not waiting {", "when not waiting and not once waiting {")
				+ "property p clause \"1\": never MME.x == 1\n";
		ShallFile file = language.parse(text);
		Issue issue = language.single(file, IssueCodes.PAST_TIME_IN_GUARD);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertEquals(7, issue.getLineNumber());
		assertEquals(text.lines().toList().get(6).indexOf("once waiting") + 1, issue.getColumn());
		assertTrue(issue.getMessage().startsWith("'once' speaks of the run's past"), issue.getMessage());
	}

	@Test
	void sinceInAStepBodyIsAnError() throws Exception {
		ShallFile file = language.parse(SMC.replace("{ waiting := false }", "{ waiting := waiting since x == 1 }")
				+ "property p clause \"1\": never MME.x == 1\n");
		Issue issue = language.single(file, IssueCodes.PAST_TIME_IN_GUARD);
		assertEquals(9, issue.getLineNumber());
		assertTrue(issue.getMessage().startsWith("'since' speaks of the run's past"), issue.getMessage());
	}

	@Test
	void pastTimeInAnInitialValueIsAnError() throws Exception {
		ShallFile file = language.parse(SMC.replace("var waiting : bool = false", "var waiting : bool = once false")
				+ "property p clause \"1\": never MME.x == 1\n");
		language.single(file, IssueCodes.PAST_TIME_IN_GUARD);
	}

	@Test
	void theOperandsOfPastTimeAreConditions() throws Exception {
		ShallFile file = language.parse(SMC + "property p clause \"1\": never once MME.x\n");
		validation.assertError(file, dev.shall.dsl.shall.ShallPackage.eINSTANCE.getOnce(), IssueCodes.TYPE_MISMATCH,
				"The operand of once must be true or false");
	}

	@Test
	void aCorrespondenceBoundOutsideItsRangeIsAnError() throws Exception {
		for (String bound : List.of("0", "256")) {
			ShallFile file = language.parse(SMC + "property p clause \"1\": each step 4 preceded by step 2 within " + bound
					+ "\n");
			Issue issue = language.single(file, IssueCodes.CORRESPONDENCE_BOUND);
			assertEquals(10, issue.getLineNumber());
			assertTrue(issue.getMessage().endsWith("not " + bound), issue.getMessage());
		}
	}
}
