package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * The oracles of the differential test ({@link FairResponseOracle}, {@link BoundsOracle}) give the
 * intended verdicts on the small procedures that showed the faults they are there to catch: a step
 * blocked by a range or by a full lane is disabled, a stutter does not satisfy weak fairness, fault
 * copies do not overflow a lane. These pass on the current code: they test the oracles, not the
 * checker.
 */
class DefinitionOraclesTest {

	@TempDir
	Path folder;

	private static final String BLOCKED_BY_RANGE = """
			procedure RangeBlocks clause "minimal"
			role A { var n : 0..1 = 0  var done : bool = false }
			step emit clause "s": A shall when not done { n := n + 1 }
			step finish clause "f": A may when n == 1 { done := true }
			property finishes clause "p": A.n == 0 leads to A.done
			""";

	private static final String BLOCKED_BY_GUARD = """
			procedure GuardBlocks clause "minimal"
			role A { var n : 0..1 = 0  var done : bool = false }
			step emit clause "s": A shall when not done and n < 1 { n := n + 1 }
			step finish clause "f": A may when n == 1 { done := true }
			property finishes clause "p": A.n == 0 leads to A.done
			""";

	private static final String BLOCKED_ON_FULL_CHANNEL = """
			procedure BlockedOnFullChannel clause "Spin#79"
			option looper "Whether another role loops forever" { absent, present }
			role Sender { var n : 0..2 = 0 }
			role Reader { var got : 0..2 = 0 }
			role Looper { var flip : bool = false }
			channel c : Sender -> Reader reliable capacity 1
			message M
			step emit clause "send": Sender shall "send M" when n < 2 { n := n + 1  send M on c }
			step read clause "receive": Reader may "read M" receive M on c { if got < 2 { got := got + 1 } }
			step spin clause "loop": Looper shall "loop" when looper == present { flip := not flip }
			property sendsTwice clause "progress": Sender.n == 0 leads to Sender.n == 2
			""";

	private static final String FAIRNESS_AND_STUTTER = """
			procedure StutterFairness clause "tla-rs#63"
			option form "F1 or F2" { f1, f2 }
			role P { var x : 0..3 = 0 }
			step grow clause "F1 Grow": P shall "grow, or not" when form == f1 and x < 3 {
			  either { x := x + 1 } or { }
			}
			step inc clause "F2 Inc": P shall "grow" when form == f2 and x < 3 { x := x + 1 }
			step idle clause "F2 Idle": P may "stay" when form == f2 and x < 3 { }
			property reachesThree clause "<>(x = 3)": P.x == 0 leads to P.x == 3
			""";

	private static final String REPLAY_FILLS_CAPACITY = """
			procedure ReplayFillsCapacity clause "minimal"
			role A { var n : 0..2 = 0 }
			role B { var got : 0..2 = 0 }
			channel c : A -> B faults replaying capacity 2
			message M
			step emit clause "s": A shall when n < 2 { n := n + 1  send M on c }
			step recv clause "r": B shall receive M on c { if got < 2 { got := got + 1 } }
			property sentTwice clause "p": A.n == 0 leads to A.n == 2
			""";

	private static final String SENDS_TWICE_ON_FULL_LANE = """
			procedure Overflow clause "minimal"
			role A { var n : 0..2 = 0 }
			role B { var got : 0..2 = 0 }
			channel c : A -> B faults replaying capacity 1
			message M
			step emit clause "s": A shall when n < 2 { n := n + 1  send M on c }
			step recv clause "r": B may receive M on c { if got < 2 { got := got + 1 } }
			property sentTwice clause "p": A.n == 0 leads to A.n == 2
			""";

	@ParameterizedTest(name = "{0} ({1}, {2} instance(s))")
	@CsvSource(delimiter = '|', value = {
			"BLOCKED_BY_RANGE        |           | 1 | violated",
			"BLOCKED_BY_GUARD        |           | 1 | violated",
			"BLOCKED_BY_RANGE        |           | 2 | violated",
			"BLOCKED_ON_FULL_CHANNEL | absent    | 1 | violated",
			"BLOCKED_ON_FULL_CHANNEL | present   | 1 | violated",
			"FAIRNESS_AND_STUTTER    | f1        | 1 | holds",
			"FAIRNESS_AND_STUTTER    | f2        | 1 | holds",
			"FAIRNESS_AND_STUTTER    | f1        | 2 | holds" })
	void theResponseOracleFollowsTheDefinition(String name, String option, int instances, String verdict)
			throws Exception {
		Procedure procedure = load(name);
		Layout layout = new Layout(procedure);
		OptionAssignment options = options(procedure, option);
		FairResponseOracle oracle = new FairResponseOracle(layout, options, instances, Obligation.of(procedure
				.getProperties().get(0)));
		FairResponseOracle.Result result = oracle.check(10_000);
		assertEquals(verdict.equals("violated"), result.violated(), name);
		if (result.violated()) {
			assertTrue(oracle.confirms(result), "the witness replays: " + result);
		}
	}

	@Test
	void theBoundsOracleTellsFaultCopiesFromTheProceduresSends() throws Exception {
		Procedure replays = load("REPLAY_FILLS_CAPACITY");
		Layout layout = new Layout(replays);
		BoundsOracle.Result copies = new BoundsOracle(layout, options(replays, null), 1).check(10_000);
		assertEquals(false, copies.violated(), "only replayed copies fill the lane");
		// semantics §4.3: fault copies travel beside the capacity; they once blocked the send here
		assertEquals(0, copies.blockedByCopies(), "and they never block a send of the procedure");
		Procedure overflow = load("SENDS_TWICE_ON_FULL_LANE");
		BoundsOracle.Result own = new BoundsOracle(new Layout(overflow), options(overflow, null), 1).check(10_000);
		assertEquals(true, own.violated(), "the procedure's second send overflows a lane its reader may leave full");
		Procedure range = load("BLOCKED_BY_RANGE");
		assertEquals(true, new BoundsOracle(new Layout(range), options(range, null), 1).check(10_000).violated(),
				"a value outside its range");
	}

	private Procedure load(String name) throws Exception {
		String text = (String) DefinitionOraclesTest.class.getDeclaredField(name).get(null);
		return Fixtures.load(Files.writeString(folder.resolve(name + ".shall"), text));
	}

	private static OptionAssignment options(Procedure procedure, String value) {
		for (OptionAssignment options : OptionAssignment.all(procedure)) {
			if (value == null || options.byName().containsValue(value)) {
				return options;
			}
		}
		throw new IllegalArgumentException("no option value " + value);
	}
}
