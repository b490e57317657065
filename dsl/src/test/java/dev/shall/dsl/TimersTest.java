package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.shall.dsl.shall.ShallPackage;
import dev.shall.dsl.shall.Step;
import dev.shall.dsl.shall.TimerState;
import dev.shall.dsl.tests.ShallInjectorProvider;
import dev.shall.dsl.validation.IssueCodes;
import dev.shall.model.Assignment;
import dev.shall.model.Binary;
import dev.shall.model.BinaryOperator;
import dev.shall.model.EnumConstant;
import dev.shall.model.EnumDecl;
import dev.shall.model.EnumLiteral;
import dev.shall.model.EnumType;
import dev.shall.model.Invariant;
import dev.shall.model.Procedure;
import dev.shall.model.Role;
import dev.shall.model.StateVariable;
import dev.shall.model.Strength;
import dev.shall.model.Timer;
import dev.shall.model.Transition;
import dev.shall.model.Unary;
import dev.shall.model.VariableRef;

/**
 * Timers (semantics §3.5, ADR 0012): the syntax, one validation rule per test with its issue code,
 * and the translation into the core model that both semantics execute.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ShallInjectorProvider.class)
class TimersTest {

	private static final ShallPackage P = ShallPackage.eINSTANCE;

	/** An MME that sends a command and retransmits it on expiry of T3460, and a UE that answers. */
	private static final String SMC = """
			procedure Smc spec "TS 24.301" clause "5.4.3"
			role MME { var sent : 0..4 = 0  var done : bool = false }
			role UE { var seen : bool = false }
			timer T3460 at MME "SMC supervision" clause "10.2"
			channel nas : MME <-> UE faults lossy capacity 5
			message Command
			message Complete
			step 1 clause "5.4.3.2": MME shall when not done and sent == 0 {
			  sent := 1  send Command on nas  start T3460
			}
			step 2 clause "5.4.3.3": UE shall receive Command on nas { seen := true  send Complete on nas }
			step 3 clause "5.4.3.4": MME shall receive Complete on nas when T3460 is running { stop T3460  done := true }
			step 5b clause "5.4.3.7 b)": MME shall "retransmit" on expiry of T3460 when sent < 4 {
			  sent := sent + 1  send Command on nas  start T3460
			}
			step 5c clause "5.4.3.7 b)": MME shall on expiry of T3460 when sent == 4 { done := true }
			property stopped clause "5.4.3.4": never MME.done and MME.T3460 is running
			property expires clause "5.4.3.7": never T3460 is expired
			  expect violated
			""";

	@Inject
	private LanguageFixture language;

	@Inject
	private ValidationTestHelper validation;

	// ------------------------------------------------------------------ syntax

	@Test
	void timersParseAndValidateInEveryPosition() throws Exception {
		ShallFile file = language.parse(SMC);
		validation.assertNoIssues(file);
		Step retransmit = (Step) file.getProcedure().getMembers().stream()
				.filter(m -> m instanceof Step s && "5b".equals(s.getName())).findFirst().orElseThrow();
		assertEquals("T3460", retransmit.getExpiry().getTimer().getName());
		assertNull(retransmit.getReceive());
		assertEquals("retransmit", retransmit.getDescription());
	}

	@Test
	void theWordsOfTimersStayUsableAsNames() throws Exception {
		// step start, a variable running, literals stopped and expired: valid before timers, valid now
		ShallFile file = language.parse("""
				procedure Words clause "1"
				enum Phase { stopped, expired }
				role A { var running : bool = false  var phase : Phase = stopped  var timer : 0..1 = 0 }
				timer start at A
				step start clause "1": A shall when not running { running := true  phase := expired  start start }
				step stop clause "2": A shall on expiry of start { timer := 1 }
				property p clause "1": step start leads to step stop
				property q clause "1": never A.start is expired and A.phase == stopped
				""");
		validation.assertNoErrors(file);
	}

	@Test
	void aTimerTestBindsTighterThanNotAndAnd() throws Exception {
		Procedure procedure = language.compile(SMC.replace("when T3460 is running", "when not T3460 is stopped and T3460 is running"));
		Binary guard = assertInstanceOf(Binary.class, procedure.getTransitions().get(2).getGuard());
		assertEquals(BinaryOperator.AND, guard.getOperator());
		Unary not = assertInstanceOf(Unary.class, guard.getLeft());
		assertEquals(BinaryOperator.EQ, assertInstanceOf(Binary.class, not.getOperand()).getOperator());
	}

	// ------------------------------------------------------------------ validation, one rule per test

	@Test
	void startingATimerOfAnotherRoleIsAnError() throws Exception {
		ShallFile file = language.parse(SMC.replace("seen := true  send", "seen := true  start T3460  send"));
		Issue issue = language.single(file, IssueCodes.TIMER_ROLE);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertEquals(11, issue.getLineNumber());
		assertEquals("T3460 runs at MME; a step of UE cannot start it (a role sees only its own timers)",
				issue.getMessage());
	}

	@Test
	void stoppingATimerOfAnotherRoleIsAnError() throws Exception {
		ShallFile file = language.parse(SMC + "event reset at UE { stop MME.T3460 }\n");
		validation.assertError(file, P.getStopTimer(), IssueCodes.TIMER_ROLE, "a step of UE cannot stop it");
	}

	@Test
	void handlingTheExpiryOfAnotherRolesTimerIsAnError() throws Exception {
		ShallFile file = language.parse(SMC + "step 9 clause \"9\": UE shall on expiry of T3460 { seen := false }\n");
		validation.assertError(file, P.getExpiry(), IssueCodes.TIMER_ROLE, "a step of UE cannot handle its expiry");
	}

	@Test
	void readingATimerOfAnotherRoleIsAnError() throws Exception {
		ShallFile file = language.parse(SMC.replace("UE shall receive Command on nas {", "UE shall receive Command on nas when T3460 is running {"));
		validation.assertError(file, P.getTimerTest(), IssueCodes.TIMER_ROLE, "a step of UE cannot read it");
	}

	@Test
	void anExpiryStepWrittenMayIsAnError() throws Exception {
		ShallFile file = language.parse(SMC.replace("MME shall on expiry of T3460 when sent == 4", "MME may on expiry of T3460 when sent == 4"));
		Issue issue = language.single(file, IssueCodes.EXPIRY_STRENGTH);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertTrue(issue.getMessage().startsWith("A running timer expires: write shall"), issue.getMessage());
	}

	@Test
	void aTimerNamedAsAVariableOfItsRoleIsADuplicate() throws Exception {
		ShallFile file = language.parse(SMC.replace("var done : bool = false", "var done : bool = false  var T3460 : bool = false"));
		Issue issue = language.single(file, IssueCodes.DUPLICATE_NAME);
		assertTrue(issue.getMessage().startsWith("The timer T3460 is state of MME, which already has a variable T3460"),
				issue.getMessage());
	}

	@Test
	void twoTimersWithOneNameAreADuplicate() throws Exception {
		ShallFile file = language.parse(SMC.replace("timer T3460 at MME", "timer T3460 at UE\ntimer T3460 at MME"));
		validation.assertError(file, P.getTimer(), IssueCodes.DUPLICATE_NAME, "declared twice");
	}

	@Test
	void aTimerIsStateSoAPropertyReadingOnlyATimerIsNotConstant() throws Exception {
		ShallFile file = language.parse(SMC);
		assertTrue(validation.validate(file).stream().noneMatch(i -> IssueCodes.CONSTANT_PROPERTY.equals(i.getCode())));
	}

	@Test
	void aTimerUsedAsAValueSaysHowToReadIt() throws Exception {
		ShallFile file = language.parse(SMC.replace("when T3460 is running", "when T3460 == true"));
		Issue issue = language.single(file, IssueCodes.UNDEFINED_NAME);
		assertEquals("'T3460' is a timer; read its state as T3460 is running (or stopped, expired)", issue.getMessage());
	}

	@Test
	void anInitialValueCannotReadATimer() throws Exception {
		ShallFile file = language.parse(SMC.replace("var seen : bool = false", "var seen : bool = T3460 is running"));
		Issue issue = language.single(file, IssueCodes.UNDEFINED_NAME);
		assertEquals("No timer named 'T3460'", issue.getMessage());
	}

	@Test
	void aRuleBodySeesNoTimers() throws Exception {
		ShallFile file = language.parse("rules Lib rule r(c: condition): never T3460 is running\n");
		language.single(file, IssueCodes.UNDEFINED_NAME);
	}

	// ------------------------------------------------------------------ translation (semantics §3.5)

	@Test
	void aTimerIsAVariableOfItsRoleOverTheTimerStatesInitiallyStopped() throws Exception {
		Procedure procedure = language.compile(SMC.replace("timer T3460 at MME", "timer T3470 at UE\ntimer T3460 at MME"));
		Role mme = procedure.getRoles().get(0);
		StateVariable variable = mme.getVariables().get(2);
		assertEquals("T3460", variable.getName(), "declared variables first, then the role's timers");
		EnumDecl states = assertInstanceOf(EnumType.class, variable.getType()).getDecl();
		assertEquals(List.of("stopped", "running", "expired"), states.getLiterals().stream().map(EnumLiteral::getName).toList());
		assertEquals(List.of(TimerState.STOPPED, TimerState.RUNNING, TimerState.EXPIRED).stream()
				.map(TimerState::getLiteral).toList(), states.getLiterals().stream().map(EnumLiteral::getName).toList());
		assertEquals("stopped", assertInstanceOf(EnumConstant.class, variable.getInitial()).getLiteral().getName());
		assertEquals(List.of(states), procedure.getEnums().stream().filter(e -> e.getName().equals("timer")).toList(),
				"one enumeration of timer states for all timers");
		StateVariable t3470 = procedure.getRoles().get(1).getVariables().get(1);
		assertSame(states, ((EnumType) t3470.getType()).getDecl());

		Timer timer = procedure.getTimers().get(1);
		assertEquals("T3460", timer.getName());
		assertSame(mme, timer.getRole());
		assertSame(variable, timer.getVariable());
		assertEquals("SMC supervision", timer.getDescription());
		assertEquals("10.2", timer.getClause());
		assertEquals("TS 24.301", timer.getSpec());
		assertEquals(List.of("5b", "5c"), timer.getExpiries().stream().map(Transition::getName).toList());
	}

	@Test
	void startAndStopAssignRunningAndStopped() throws Exception {
		Procedure procedure = language.compile(SMC);
		StateVariable t3460 = procedure.getTimers().get(0).getVariable();
		Assignment start = assertInstanceOf(Assignment.class, procedure.getTransitions().get(0).getBody().get(2));
		assertSame(t3460, start.getVariable());
		assertEquals("running", ((EnumConstant) start.getValue()).getLiteral().getName());
		Assignment stop = assertInstanceOf(Assignment.class, procedure.getTransitions().get(2).getBody().get(0));
		assertSame(t3460, stop.getVariable());
		assertEquals("stopped", ((EnumConstant) stop.getValue()).getLiteral().getName());
		assertEquals(12, stop.getLocation().getLine(), "the assignment points at the stop statement");
	}

	@Test
	void anExpiryStepIsAFairStepGuardedByRunningThatFirstMakesTheTimerExpired() throws Exception {
		Procedure procedure = language.compile(SMC);
		Timer timer = procedure.getTimers().get(0);
		Transition retransmit = procedure.getTransitions().get(3);
		assertSame(timer, retransmit.getExpiry());
		assertEquals(Strength.SHALL, retransmit.getStrength());
		assertNull(retransmit.getReceive());
		Binary guard = assertInstanceOf(Binary.class, retransmit.getGuard());
		assertEquals(BinaryOperator.AND, guard.getOperator());
		assertTimerIs(guard.getLeft(), timer, "running");
		assertEquals(BinaryOperator.LT, assertInstanceOf(Binary.class, guard.getRight()).getOperator(),
				"then the step's own guard");
		Assignment expired = assertInstanceOf(Assignment.class, retransmit.getBody().get(0));
		assertSame(timer.getVariable(), expired.getVariable());
		assertEquals("expired", ((EnumConstant) expired.getValue()).getLiteral().getName());
		assertEquals(4, retransmit.getBody().size(), "T := expired, then the three statements written");
		assertEquals("running", ((EnumConstant) ((Assignment) retransmit.getBody().get(3)).getValue()).getLiteral()
				.getName(), "a retransmission restarts the timer");
		assertNull(procedure.getTransitions().get(0).getExpiry());
	}

	@Test
	void anExpiryStepWithoutAGuardIsGuardedByRunningAlone() throws Exception {
		Procedure procedure = language.compile(SMC.replace(" when sent == 4 {", " {"));
		assertTimerIs(procedure.getTransitions().get(4).getGuard(), procedure.getTimers().get(0), "running");
	}

	@Test
	void aTimerTestComparesTheTimersVariableWithAState() throws Exception {
		Procedure procedure = language.compile(SMC);
		Invariant expires = assertInstanceOf(Invariant.class, procedure.getProperties().get(1));
		Unary never = assertInstanceOf(Unary.class, expires.getCondition());
		assertTimerIs(never.getOperand(), procedure.getTimers().get(0), "expired");
	}

	private static void assertTimerIs(dev.shall.model.Expression expression, Timer timer, String state) {
		Binary test = assertInstanceOf(Binary.class, expression);
		assertEquals(BinaryOperator.EQ, test.getOperator());
		assertSame(timer.getVariable(), assertInstanceOf(VariableRef.class, test.getLeft()).getVariable());
		assertEquals(state, assertInstanceOf(EnumConstant.class, test.getRight()).getLiteral().getName());
	}
}
