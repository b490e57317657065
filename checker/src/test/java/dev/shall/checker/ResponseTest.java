package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.ExplicitLiveness;
import dev.shall.checker.engine.LassoBmc;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * "A leads to B" under weak fairness of shall steps: a shall receive answers the trigger; a may
 * receive need never happen (the run may stop there); a receive that another shall step keeps
 * enabling and disabling may starve forever (a fair cycle: 2 steps, then 2 repeated).
 */
class ResponseTest {

	@TempDir
	Path folder;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"the receiver shall receive | shall | false | holds | -1",
			"the receiver may receive   | may   | false | violated | 1",
			"enabled only now and then  | shall | true  | violated | 4" })
	void responseUnderWeakFairness(String name, String strength, boolean toggles, String verdict, int length)
			throws Exception {
		String text = """
				procedure R clause "t"
				enum P { idle, sent }
				role A { var p : P = idle }
				role B { var got : bool = false  var ready : bool = %s }
				channel c : A -> B reliable capacity 1
				message M
				step offer clause "1": A shall when p == idle { send M on c  p := sent }
				step take clause "2": B %s receive M on c when ready { got := true }
				%s
				property answered clause "r": step offer leads to B.got
				""".formatted(!toggles, strength, toggles ? "step flip clause \"3\": B shall { ready := not ready }" : "");
		Procedure procedure = Fixtures.load(Files.writeString(folder.resolve("r.shall"), text));
		Layout layout = new Layout(procedure);
		CheckRequest request = new CheckRequest(layout, OptionAssignment.all(procedure).get(0), 1, Obligation.of(
				procedure.getProperties().get(0)));
		CheckResult result = Fixtures.certified(new ExplicitLiveness(10_000), request, Budget.of(10, Duration
				.ofSeconds(30)));
		assertEquals(Verdict.valueOf(verdict.toUpperCase()), result.verdict(), () -> name + ": " + result.reason());
		CheckResult lasso = Fixtures.certified(new LassoBmc(), request, Budget.of(10, Duration.ofSeconds(30)));
		if (result.verdict() == Verdict.VIOLATED) {
			assertTrue(result.certified(), "the lasso replays and closes");
			assertEquals(length, result.moves().size(), result::reason);
			assertEquals(Verdict.VIOLATED, lasso.verdict(), "the SAT lasso search finds it too");
			assertTrue(lasso.certified(), "and its lasso replays and closes");
		} else {
			assertEquals(Verdict.UNKNOWN, lasso.verdict(), "the SAT lasso search never proves, and finds nothing");
		}
	}
}
