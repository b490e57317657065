package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Engine;
import dev.shall.checker.engine.ExplicitSearch;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Transition;

/**
 * Engine × property kind: every property of the fixture is checked by BMC and by k-induction,
 * compared with its expected verdict and with the explicit-state reference. Violations must
 * replay in the interpreter; holds from k-induction must be re-proved by a fresh solver.
 */
class EngineMatrixTest {

	private static final Procedure HANDSHAKE = Fixtures.load("handshake.shall");
	/** Enough for BMC to find every violation here, and for k-induction to prove every property. */
	private static final int DEPTH = 40;

	static Stream<Arguments> obligations() {
		List<Arguments> cases = new ArrayList<>();
		for (Engine engine : List.of(new Bmc(), new KInduction(), new ExplicitSearch(100_000))) {
			for (Property property : HANDSHAKE.getProperties()) {
				cases.add(Arguments.of(engine, Obligation.of(property)));
			}
			for (Transition transition : HANDSHAKE.getTransitions()) {
				cases.add(Arguments.of(engine, Obligation.reach(transition)));
			}
			cases.add(Arguments.of(engine, Obligation.bounds()));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("obligations")
	void enginesAgreeWithTheReferenceAndCertifyTheirVerdicts(Engine engine, Obligation obligation) {
		Layout layout = new Layout(HANDSHAKE);
		OptionAssignment options = OptionAssignment.all(HANDSHAKE).get(0);
		ExplicitChecker.Result reference = new ExplicitChecker().check(layout, options, 1, obligation, 100_000);
		// the verdicts compared end on the depth bound, never on the clock: a time limit BMC never meets here,
		// even on a machine loaded many times over (60 s once cut BMC at depth 33 at a load of 10)
		CheckResult result = Fixtures.certified(engine, new CheckRequest(layout, options, 1, obligation), Budget.of(
				DEPTH, Duration.ofMinutes(10)));

		Verdict expected = reference.violated() ? Verdict.VIOLATED : Verdict.HOLDS;
		if (engine instanceof Bmc && expected == Verdict.HOLDS && result.verdict() == Verdict.UNKNOWN) {
			// this procedure runs forever, so BMC alone cannot prove; it must say how far it looked
			assertEquals(DEPTH, result.bound());
			assertEquals("depth bound " + DEPTH, result.reason());
			return;
		}
		assertEquals(expected, result.verdict(), () -> obligation.name() + ": " + result.reason());
		if (obligation.kind() == Obligation.Kind.PROPERTY) {
			assertEquals(options.expectedVerdict(obligation.property()).getLiteral(), expected.label(),
					"the fixture's declared expectation");
		}
		if (expected == Verdict.VIOLATED) {
			assertEquals(reference.path().size(), result.moves().size(), "BMC-style traces are shortest");
			assertTrue(result.certified(), "the trace replays in the interpreter (or, from breadth-first search, "
					+ "is accepted by the SAT encoding)");
		} else {
			assertTrue(result.certified(), "every holds is certified: re-proved by a fresh solver, or by a second method");
		}
	}
}
