package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import dev.shall.model.Procedure;

/** The questions of semantics §7, by kind and by the name reports give them. */
class ObligationTest {

	private static final Procedure PROCEDURE = Procedures.compile("""
			procedure Questions clause "t"
			role A { var n : 0..1 = 0 }
			step 1a clause "1": A shall when n == 0 { n := 1 }
			event reset at A when n == 1 { n := 0 }
			property once clause "p": never A.n == 1
			""");

	// semantics §7.1
	@Test
	void aPropertyIsAskedByItsName() {
		Obligation obligation = Obligation.of(Procedures.property(PROCEDURE, "once"));
		assertEquals(Obligation.Kind.PROPERTY, obligation.kind());
		assertSame(Procedures.property(PROCEDURE, "once"), obligation.property());
		assertNull(obligation.transition());
		assertEquals("once", obligation.name());
	}

	// semantics §7.3: steps and events alike
	@Test
	void whetherAStepOrEventCanHappen() {
		Obligation step = Obligation.reach(Procedures.transition(PROCEDURE, "1a"));
		assertEquals(Obligation.Kind.REACHABILITY, step.kind());
		assertNull(step.property());
		assertEquals("step 1a can happen", step.name());
		assertEquals("event reset can happen", Obligation.reach(Procedures.transition(PROCEDURE, "reset")).name());
		assertEquals(step, Obligation.reach(Procedures.transition(PROCEDURE, "1a")), "a value: equal questions are equal");
	}

	// semantics §3.5, §7.3: a step that handles a timer's expiry says so in its question
	@Test
	void anExpiryStepIsNamedWithItsTimer() {
		Procedure timed = Procedures.compile("""
				procedure Timed clause "t"
				role A { var n : 0..1 = 0 }
				timer T1 at A
				step go clause "1": A shall when n == 0 { n := 1  start T1 }
				step retry clause "2": A shall on expiry of T1 { n := 0 }
				property once clause "p": never A.n == 1
				""");
		assertEquals("step retry (on expiry of T1) can happen", Obligation.reach(Procedures.transition(timed, "retry"))
				.name());
		assertEquals("step go", Obligation.subject(Procedures.transition(timed, "go")));
	}

	// semantics §7.2
	@Test
	void theBoundsQuestion() {
		assertEquals(Obligation.Kind.BOUNDS, Obligation.bounds().kind());
		assertEquals("within declared bounds", Obligation.bounds().name());
		assertEquals(Obligation.bounds(), Obligation.bounds());
	}
}
