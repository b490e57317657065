package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.certify.EncodingExploration;
import dev.shall.checker.engine.ExplicitLiveness;
import dev.shall.checker.engine.LassoBmc;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Response;

/**
 * Models on which the checker once gave wrong verdicts (issue 11; the inputs came from trying the
 * tool with small models taken from other model checkers' bug reports), each with its right
 * verdicts. Every property and the bounds question is checked through the whole pipeline, and
 * every response property also by each engine on its own — the explicit graph, the SAT lasso
 * search and the encoding's own graph — which must agree, certified.
 */
class CorrectnessCasesTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			// semantics §3.2: a step blocked by a declared bound is disabled, liveness included
			"blocked-by-range.shall        | finishes=violated, within declared bounds=violated",
			"blocked-by-guard.shall        | finishes=violated, within declared bounds=holds",
			// semantics §3.2, §5.3: the blocked sender is not forced; another role's loop does not help it
			"blocked-on-full-channel.shall | sendsTwice[looper=absent]=violated, sendsTwice[looper=present]=violated, "
					+ "within declared bounds[looper=absent]=violated, within declared bounds[looper=present]=violated",
			// semantics §5.2, §5.3: weak fairness over state-changing moves; a stutter does not satisfy it
			"fairness-and-stutter.shall    | reachesThree[form=f1]=holds, reachesThree[form=f2]=holds, "
					+ "within declared bounds[form=f1]=holds, within declared bounds[form=f2]=holds",
			// semantics §4.3: fault copies never count against the capacity nor block a send
			"replay-fills-capacity.shall   | sentTwice=holds, within declared bounds=holds",
			// semantics §2.4, §3.2: none is no integer; an integer outside the range blocks the step
			"none-is-no-integer.shall      | xNeverNone=holds, noneIsNotMinusOne=holds, within declared bounds=violated" })
	void rightVerdicts(String file, String expected) throws Exception {
		Path path = resource(file);
		Procedure procedure = Fixtures.load(path);
		List<Finding> findings = new CheckRunner().check(procedure, path, new CheckRunner.Settings(CheckRunner.EngineChoice.AUTO, 40, Duration
				.ofSeconds(60), null, Map.of()), CheckRunner.Listener.NONE, new ArrayList<>());
		Map<String, String> actual = new TreeMap<>();
		for (Finding finding : findings) {
			// the cases declare properties and bounds; dead steps and unhandled messages are other questions
			if (finding.kind() == Finding.Kind.PROPERTY || finding.kind() == Finding.Kind.BOUNDS) {
				String options = finding.options().isEmpty() ? "" : finding.options().toString().replace("{", "[")
						.replace("}", "]");
				actual.put(finding.property() + options, finding.verdict().name().toLowerCase());
				assertTrue(finding.verdict() == Verdict.UNKNOWN || finding.certified(), "certified: " + finding);
			}
		}
		Map<String, String> wanted = new TreeMap<>();
		for (String pair : expected.split(",")) {
			String[] parts = pair.trim().split("=(?=[a-z]+$)");
			wanted.put(parts[0], parts[1]);
		}
		assertEquals(wanted, actual);

		for (Property property : procedure.getProperties()) {
			if (property instanceof Response) {
				for (OptionAssignment options : OptionAssignment.all(procedure)) {
					engineAgreement(procedure, property, options);
				}
			}
		}
	}

	private static void engineAgreement(Procedure procedure, Property property, OptionAssignment options) {
		CheckRequest request = new CheckRequest(new Layout(procedure), options, 1, Obligation.of(property));
		CheckResult explicit = Fixtures.certified(new ExplicitLiveness(100_000), request, Budget.of(30, Duration
				.ofSeconds(30)));
		CheckResult lasso = Fixtures.certified(new LassoBmc(), request, Budget.of(30, Duration.ofSeconds(30)));
		EncodingExploration.Answer graph = new EncodingExploration(request, 100_000).response(Budget.of(0, Duration
				.ofSeconds(30)));
		String where = property.getName() + " " + options.byName();
		assertTrue(explicit.certified(), "explicit certified: " + where);
		if (explicit.verdict() == Verdict.VIOLATED) {
			assertEquals(Verdict.VIOLATED, lasso.verdict(), "lasso BMC finds it: " + where);
			assertTrue(lasso.certified(), "lasso certified: " + where);
			assertEquals(Verdict.VIOLATED, graph.verdict(), "the encoding's graph has it: " + where);
		} else {
			assertEquals(Verdict.HOLDS, explicit.verdict(), where);
			assertEquals(Verdict.UNKNOWN, lasso.verdict(), "no lasso: " + where);
			assertEquals(Verdict.HOLDS, graph.verdict(), "the encoding's graph agrees: " + where);
		}
	}

	private static Path resource(String name) throws URISyntaxException {
		return Path.of(CorrectnessCasesTest.class.getResource("/cases/correctness/" + name).toURI());
	}
}
