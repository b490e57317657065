package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
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
import dev.shall.model.BoolConstant;
import dev.shall.model.Deferral;
import dev.shall.model.FindingExpectation;
import dev.shall.model.FindingKind;
import dev.shall.model.Procedure;
import dev.shall.model.Strength;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;
import dev.shall.model.Unary;
import dev.shall.model.UnaryOperator;

/**
 * Otherwise blocks, ignore and defer (semantics §3.6, ADR 0015) and declared findings (§7.6): the
 * syntax, one validation rule per test with its issue code, and the translation into core steps
 * that both semantics execute.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ShallInjectorProvider.class)
class UnhandledMessagesTest {

	/** A UE that takes a command only when idle, rejects it otherwise, and a second handler when busy. */
	private static final String SMC = """
			procedure Smc spec "TS 24.301" clause "5.4.3"
			enum Phase { idle, busy, done }
			role MME { var rejected : bool = false }
			role UE { var phase : Phase = idle  var seen : 0..2 = 0 }
			channel nas : MME <-> UE capacity 2
			message Command { n : 0..2 }
			message Reject
			step 1 clause "5.4.3.2": MME shall when not rejected { send Command(n = 1) on nas }
			step 2 clause "5.4.3.3": UE shall receive Command as c on nas when phase == idle {
			  phase := busy  seen := c.n
			} otherwise { send Reject on nas }
			step 2b clause "5.4.3.3": UE may receive Command as again on nas when phase == busy and again.n == seen { }
			step 3 clause "5.4.3.5": MME shall receive Reject on nas { rejected := true }
			""";

	@Inject
	private LanguageFixture language;

	@Inject
	private ValidationTestHelper validation;

	private static Transition kind(Procedure procedure, TransitionKind kind) {
		return procedure.getTransitions().stream().filter(t -> t.getKind() == kind).findFirst().orElseThrow();
	}

	@Test
	void anOtherwiseBlockIsTheStepThatRunsWhenNoHandlersGuardHolds() throws Exception {
		Procedure procedure = language.compile(SMC);
		Transition main = procedure.getTransitions().get(1);
		Transition otherwise = kind(procedure, TransitionKind.OTHERWISE);
		// appended after every transition of the text: a model without otherwise keeps its order
		assertSame(otherwise, procedure.getTransitions().get(procedure.getTransitions().size() - 1));
		assertSame(main, otherwise.getOtherwiseOf());
		assertEquals("2", otherwise.getName());
		assertEquals(Strength.SHALL, otherwise.getStrength());
		assertSame(main.getActor(), otherwise.getActor());
		assertSame(main.getReceive().getChannel(), otherwise.getReceive().getChannel());
		assertSame(main.getReceive().getMessage(), otherwise.getReceive().getMessage());
		assertEquals("5.4.3.3", otherwise.getClause());
		// not (phase == idle) and not (phase == busy and again.n == seen): both handlers of Command
		Binary guard = assertInstanceOf(Binary.class, otherwise.getGuard());
		assertEquals(BinaryOperator.AND, guard.getOperator());
		Unary first = assertInstanceOf(Unary.class, guard.getLeft());
		assertEquals(UnaryOperator.NOT, first.getOperator());
		assertEquals(BinaryOperator.EQ, assertInstanceOf(Binary.class, first.getOperand()).getOperator());
		Unary second = assertInstanceOf(Unary.class, guard.getRight());
		assertEquals(BinaryOperator.AND, assertInstanceOf(Binary.class, second.getOperand()).getOperator());
		// copies: the handlers keep their own guards
		assertSame(main, main.getGuard().eContainer());
		assertEquals(1, otherwise.getBody().size());
	}

	@Test
	void anIgnoreIsAShallStepThatDiscardsWhatNoHandlerTakes() throws Exception {
		Procedure procedure = language.compile(SMC.replace("} otherwise { send Reject on nas }", "}")
				+ "ignore Command on nas at UE when phase == done \"a command after the procedure\" clause \"4.4.4\"\n");
		Transition ignore = kind(procedure, TransitionKind.IGNORE);
		assertEquals(Strength.SHALL, ignore.getStrength());
		assertEquals("Command", ignore.getName());
		assertEquals("4.4.4", ignore.getClause());
		assertTrue(ignore.getBody().isEmpty());
		// phase == done and (not (phase == idle) and not (… == seen))
		Binary guard = assertInstanceOf(Binary.class, ignore.getGuard());
		assertEquals(BinaryOperator.AND, guard.getOperator());
		assertEquals(BinaryOperator.EQ, assertInstanceOf(Binary.class, guard.getLeft()).getOperator());
		assertEquals(BinaryOperator.AND, assertInstanceOf(Binary.class, guard.getRight()).getOperator());
	}

	@Test
	void anIgnoreOfAMessageNoStepReceivesDiscardsEveryArrival() throws Exception {
		Procedure procedure = language.compile(SMC.replace("} otherwise { send Reject on nas }", "}")
				+ "ignore Reject on nas at MME\n");
		// MME's step 3 has no guard, so it takes every Reject: the ignore's guard is false (and the
		// validator warns that it never applies)
		BoolConstant never = assertInstanceOf(BoolConstant.class, kind(procedure, TransitionKind.IGNORE).getGuard());
		assertFalse(never.isValue());
	}

	@Test
	void aDeferAddsNoStepButIsKeptForTheQuestion() throws Exception {
		Procedure procedure = language.compile(SMC.replace("} otherwise { send Reject on nas }", "}")
				+ "defer Command as c on nas at UE when phase == busy and c.n != seen\n");
		int before = language.compile(SMC.replace("} otherwise { send Reject on nas }", "}")).getTransitions().size();
		assertEquals(before, procedure.getTransitions().size());
		Deferral deferral = procedure.getDeferrals().get(0);
		assertEquals("UE", deferral.getRole().getName());
		assertEquals("Command", deferral.getReceive().getMessage().getName());
		assertEquals(BinaryOperator.AND, assertInstanceOf(Binary.class, deferral.getGuard()).getOperator());
	}

	@Test
	void declaredFindingsCompileToWhatTheyName() throws Exception {
		Procedure procedure = language.compile(SMC + """
				option o { a, b }
				expect dead step 2b when o = a "only a retransmission"
				expect dead step 2 otherwise
				expect unhandled Reject on nas at MME when o = b
				expect bounds violated
				""");
		List<FindingExpectation> expectations = procedure.getFindingExpectations();
		assertEquals(4, expectations.size());
		assertEquals(FindingKind.DEAD_STEP, expectations.get(0).getKind());
		assertEquals("2b", expectations.get(0).getTransition().getName());
		assertEquals(1, expectations.get(0).getConditions().size());
		assertEquals(TransitionKind.OTHERWISE, expectations.get(1).getTransition().getKind());
		assertEquals(FindingKind.UNHANDLED, expectations.get(2).getKind());
		assertEquals("MME", expectations.get(2).getRole().getName());
		assertEquals("Reject", expectations.get(2).getReceive().getMessage().getName());
		assertEquals(FindingKind.BOUNDS, expectations.get(3).getKind());
		assertNull(expectations.get(3).getTransition());
	}

	@Test
	void onAOneWayChannelTheReceiverOfAnExpectedUnhandledMessageIsImplied() throws Exception {
		Procedure procedure = language.compile("""
				procedure P clause "1"
				role A { var x : bool = false }
				role B { var y : bool = false }
				channel c : A -> B
				message M
				step 1 clause "1": A shall when not x { x := true  send M on c }
				expect unhandled M on c
				""");
		assertEquals("B", procedure.getFindingExpectations().get(0).getRole().getName());
	}

	@Test
	void theNewWordsStayUsableAsNames() throws Exception {
		language.compile("""
				procedure P clause "1"
				role A { var ignore : bool = false  var defer : bool = false  var dead : 0..1 = 0 }
				role B { var unhandled : bool = false  var bounds : bool = false }
				channel c : A -> B
				message otherwise
				step otherwise clause "1": A shall when not ignore { ignore := true  send otherwise on c }
				step defer clause "2": B shall receive otherwise on c { unhandled := true }
				""");
	}

	@Test
	void anOtherwiseNeedsAReceivedMessage() throws Exception {
		Issue issue = language.single(language.parse(SMC.replace("step 1 clause \"5.4.3.2\": MME shall when not rejected { send Command(n = 1) on nas }",
				"step 1 clause \"5.4.3.2\": MME shall when not rejected { send Command(n = 1) on nas } otherwise { }")),
				IssueCodes.OTHERWISE);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertTrue(issue.getMessage().contains("step 1 receives nothing"), issue.getMessage());
	}

	@Test
	void aSecondOtherwiseForTheSameMessageIsRefused() throws Exception {
		Issue issue = language.single(language.parse(SMC.replace("again.n == seen { }", "again.n == seen { } otherwise { }")),
				IssueCodes.OTHERWISE);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertTrue(issue.getMessage().startsWith("A second otherwise for Command on nas at UE (step 2 has one)"), issue
				.getMessage());
	}

	@Test
	void anIgnoreBesideAnOtherwiseNeverApplies() throws Exception {
		Issue issue = language.single(language.parse(SMC + "ignore Command on nas at UE when phase == done\n"), IssueCodes.NEVER_APPLIES);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertTrue(issue.getMessage().startsWith("This ignore never applies: the otherwise of step 2"), issue.getMessage());
		Issue defer = language.single(language.parse(SMC + "defer Command on nas at UE\n"), IssueCodes.NEVER_APPLIES);
		assertTrue(defer.getMessage().startsWith("This defer never applies"), defer.getMessage());
	}

	@Test
	void aHandlerWithoutAGuardMakesAnOtherwiseDeadAWarning() throws Exception {
		Issue issue = language.single(language.parse(SMC.replace("when phase == busy and again.n == seen", "")), IssueCodes.NEVER_APPLIES);
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertEquals("This otherwise never runs: step 2b takes every Command on nas", issue.getMessage());
	}

	@Test
	void anIgnoreMustBeOnAChannelItsRoleReceivesOn() throws Exception {
		ShallFile file = language.parse("""
				procedure P clause "1"
				role A { var x : bool = false }
				role B { var y : bool = false }
				channel c : A -> B
				message M
				step 1 clause "1": A shall when not x { x := true  send M on c }
				ignore M on c at A
				""");
		Issue issue = language.single(file, IssueCodes.CHANNEL_ENDPOINT);
		assertTrue(issue.getMessage().startsWith("A cannot receive on c"), issue.getMessage());
	}

	@Test
	void anExpectedUnhandledMessageOnATwoWayChannelNamesItsReceiver() throws Exception {
		Issue issue = language.single(language.parse(SMC + "expect unhandled Reject on nas\n"), IssueCodes.FINDING_EXPECTATION);
		assertTrue(issue.getMessage().startsWith("nas carries messages both ways: say at which role"), issue.getMessage());
	}

	@Test
	void anExpectedDeadOtherwiseNeedsTheBlock() throws Exception {
		Issue issue = language.single(language.parse(SMC + "expect dead step 3 otherwise\n"), IssueCodes.FINDING_EXPECTATION);
		assertEquals("Step 3 has no otherwise block", issue.getMessage());
	}

	@Test
	void anExpectedDeadIgnoreNeedsTheIgnore() throws Exception {
		Issue issue = language.single(language.parse(SMC + "expect dead ignore Reject on nas at MME\n"), IssueCodes.FINDING_EXPECTATION);
		assertEquals("No ignore of Reject on nas at MME is declared", issue.getMessage());
	}

	@Test
	void theConditionOfAnIgnoreIsACondition() throws Exception {
		ShallFile file = language.parse(SMC.replace("} otherwise { send Reject on nas }", "}")
				+ "ignore Command on nas at UE when seen\n");
		assertTrue(validation.validate(file).stream().anyMatch(i -> i.getSeverity() == Severity.ERROR && i.getMessage()
				.contains("condition of ignore")), () -> validation.validate(file).toString());
	}
}
