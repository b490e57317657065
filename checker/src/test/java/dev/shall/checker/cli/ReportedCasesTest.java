package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.shall.checker.ide.EditorQuickCheck;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Summary;
import dev.shall.model.Procedure;
import dev.shall.model.check.CheckMark;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * Inputs on which the checker was once wrong or crashed (copied from the reports of users trying
 * it, under {@code src/test/resources/cases/}), each with the outcome it must have.
 */
class ReportedCasesTest {

	@TempDir
	Path folder;

	private static Path resource(String name) throws Exception {
		return Path.of(ReportedCasesTest.class.getResource("/cases/" + name).toURI());
	}

	/** Runs {@code shall check} with a JSON report; the exit code, the report and what went to stderr. */
	private record Run(int code, JsonObject report, String err) {
	}

	private Run check(String... arguments) throws Exception {
		Path out = folder.resolve("report-" + System.nanoTime() + ".json");
		String[] all = new String[arguments.length + 4];
		all[0] = "check";
		all[1] = "--format";
		all[2] = "json";
		all[3] = "--out=" + out;
		System.arraycopy(arguments, 0, all, 4, arguments.length);
		StringWriter err = new StringWriter();
		int code = ShallCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), all);
		JsonObject report = Files.exists(out) ? JsonParser.parseString(Files.readString(out)).getAsJsonObject() : null;
		return new Run(code, report, err.toString());
	}

	// ------------------------------------------------------------------ sizes beyond what the checker holds

	/**
	 * A huge range once overflowed {@code max - min + 1} into an empty domain (and "holds", certified),
	 * or ran out of memory; a huge capacity, instance count or key universe ended in an internal error
	 * without position. Each is now refused by validation, at the number, with exit code 3.
	 */
	@ParameterizedTest
	@CsvSource({
			"correctness/range-overflow.shall,            shall.range-too-large, 3, 18, 0..2147483647 has 2,147,483,648 values",
			"robustness/oom-range-2e9.shall,              shall.range-too-large, 2, 18, 0..2000000000 has 2,000,000,001 values",
			"robustness/internal-error-field-maxint.shall, shall.range-too-large, 5, 17, 0..2147483647 has 2,147,483,648 values",
			"robustness/internal-error-key-terms.shall,   shall.range-too-large, 7, 16, 0..1000000 has 1,000,001 values",
			"robustness/internal-error-capacity-2e9.shall, shall.limit-exceeded,  4, 38, capacity of 2,000,000,000 messages",
			"robustness/internal-error-instances-maxint.shall, shall.limit-exceeded, 9, 11, '2,147,483,647 instances of 2 action(s)'" })
	void aSizeBeyondWhatTheCheckerHoldsIsAPositionedError(String file, String code, int line, int column,
			String message) throws Exception {
		Run run = check(resource(file).toString());
		assertEquals(3, run.code(), run.err());
		assertFalse(run.err().contains("internal error"), run.err());
		assertEquals(0, run.report().getAsJsonArray("results").size(), "nothing is checked");
		JsonArray diagnostics = run.report().getAsJsonArray("diagnostics");
		assertEquals(1, diagnostics.size(), diagnostics::toString);
		JsonObject diagnostic = diagnostics.get(0).getAsJsonObject();
		assertEquals(code, diagnostic.get("code").getAsString());
		assertEquals("error", diagnostic.get("severity").getAsString());
		assertEquals(line, diagnostic.get("line").getAsInt());
		assertEquals(column, diagnostic.get("column").getAsInt());
		assertTrue(diagnostic.get("message").getAsString().contains(message), diagnostic.toString());
		assertTrue(diagnostic.get("file").getAsString().endsWith(file), diagnostic.toString());
	}

	@Test
	void instancesFromTheCommandLineAreCheckedAgainstTheActionsToo() throws Exception {
		// 2 actions: 32,768 instances make 65,536 moves, the most the checker numbers; 40,000 are too many
		Run run = check("--instances", "40000", resource("correctness/summary-count.shall").toString());
		assertEquals(3, run.code(), run.err());
		JsonObject diagnostic = run.report().getAsJsonArray("diagnostics").get(0).getAsJsonObject();
		assertEquals("shall.limit-exceeded", diagnostic.get("code").getAsString());
		assertTrue(diagnostic.get("message").getAsString().startsWith("--instances 40,000 of 3 action(s) each make "
				+ "120,000 possible moves"), diagnostic.toString());
		assertEquals(3, diagnostic.get("line").getAsInt(), "at the procedure");
		assertEquals(0, run.report().getAsJsonArray("results").size());

		assertEquals(3, ShallCommand.execute("check", "--instances", "2147483647", resource(
				"correctness/summary-count.shall").toString()), "beyond any procedure: a usage error");
		assertEquals(3, ShallCommand.execute("check", "--depth", "2147483647", resource(
				"correctness/summary-count.shall").toString()), "int depth loops would never end");
	}

	// ------------------------------------------------------------------ summary counts

	private static final Pattern SUMMARY = Pattern.compile("(\\d+) verdicts on properties and bounds: (-?\\d+) as "
			+ "expected, (-?\\d+) differ, (-?\\d+) unknown(?: \\(\\d+ holds? vacuously\\))?; (\\d+) dead steps?"
			+ "(?: \\(\\d+ declared\\))?(?:, (\\d+) steps? not known to be reachable)?; (\\d+) unhandled messages?"
			+ "(?: \\(\\d+ declared\\))?(?:, \\d+ message questions? not settled)?;(?: \\d+ declared findings? not found;)? (\\d+) errors? in the input");

	/**
	 * With two steps left unknown by a shallow BMC, the summary once counted them among the unknown
	 * verdicts but not in their total, and printed "-2 as expected". Counts add up in every report.
	 */
	@Test
	void summaryCountsAddUp() throws Exception {
		Path text = folder.resolve("report.txt");
		Path junit = folder.resolve("report.xml");
		Path html = folder.resolve("html");
		int code = ShallCommand.execute("check", "--engine", "bmc", "--depth", "1", "--out", "text=" + text, "--out",
				"junit=" + junit, "--report", html.toString(), resource("correctness/summary-count.shall").toString());
		assertEquals(2, code, "unknown verdicts, none differs");

		List<String> lines = Files.readAllLines(text);
		String summary = lines.get(lines.size() - 1);
		Matcher counts = SUMMARY.matcher(summary);
		assertTrue(counts.matches(), summary);
		long total = Long.parseLong(counts.group(1));
		long asExpected = Long.parseLong(counts.group(2));
		long differ = Long.parseLong(counts.group(3));
		long unknown = Long.parseLong(counts.group(4));
		assertEquals(2, total, "p and the bounds check");
		assertEquals(total, asExpected + differ + unknown, summary);
		assertEquals(0, asExpected, summary);
		assertEquals(2, unknown, summary);
		assertEquals("2", counts.group(6), "steps s2 and s3 are not reached within depth 1: " + summary);

		Summary parts = Summary.of(new CheckRunner().run(List.of(resource("correctness/summary-count.shall")),
				new CheckRunner.Settings(CheckRunner.EngineChoice.BMC, 1, Duration.ofSeconds(60), null, Map.of()), ProcedureFrontEnd.find(),
				CheckRunner.Listener.NONE));
		assertEquals(parts.verdicts(), parts.asExpected() + parts.differ() + parts.unknown());
		assertEquals(parts.steps(), parts.reachable() + parts.dead() + parts.stepsUnknown());
		assertEquals(3, parts.steps());
		assertEquals(1, parts.reachable());

		String index = Files.readString(html.resolve("index.html"));
		assertTrue(index.contains(summary), "the HTML report says the same as the text: " + summary);

		var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
		var suite = (org.w3c.dom.Element) document.getElementsByTagName("testsuite").item(0);
		int tests = Integer.parseInt(suite.getAttribute("tests"));
		int failures = Integer.parseInt(suite.getAttribute("failures"));
		int skipped = Integer.parseInt(suite.getAttribute("skipped"));
		assertEquals(5, tests);
		assertEquals(0, failures);
		assertEquals(4, skipped, "2 verdicts and 2 steps unknown");
		assertEquals(tests, document.getElementsByTagName("testcase").getLength());
	}

	// ------------------------------------------------------------------ names

	/** Inside A's step, {@code not up} is A's variable up, not the literal S.up (once a type mismatch). */
	@Test
	void aRolesOwnVariableWinsOverAnEnumLiteral() throws Exception {
		Run run = check(resource("correctness/enum-shadows-variable.shall").toString());
		assertEquals(0, run.report().getAsJsonArray("diagnostics").size(), run.report().toString());
		// the step sets up, so "never A.up" (declared to hold by default) is violated in one step
		assertEquals(1, run.code());
		JsonObject p = result(run.report(), "p");
		assertEquals("violated", p.get("verdict").getAsString());
		assertEquals(1, p.get("bound").getAsInt());
		assertEquals("holds", result(run.report(), "step 1 can happen").get("verdict").getAsString());
	}

	private static JsonObject result(JsonObject report, String property) {
		for (JsonElement element : report.getAsJsonArray("results")) {
			if (element.getAsJsonObject().get("property").getAsString().equals(property)) {
				return element.getAsJsonObject();
			}
		}
		throw new AssertionError("no result for " + property + " in " + report);
	}

	// ------------------------------------------------------------------ citations

	/**
	 * A property applying a library rule cites the library's spec with the rule's clause (seed 004
	 * once printed RFC 7296 1.4.1 as "TS 24.327 1.4.1"), in every report and in the editor's hover.
	 */
	@Test
	void aRulePropertyCitesItsLibrarysSpecEverywhere() throws Exception {
		Path file = resource("citation/child-sa.shall");
		Map<String, String> expected = Map.of("fromRule", "RFC 7296 1.4.1", "fromLibrary", "RFC 7296 2",
				"fromRuleSpec", "RFC 4301 4.4.2", "ownClause", "TS 24.327 5.x.2");

		Run run = check(file.toString());
		assertEquals(0, run.code(), run.report().toString());
		for (Map.Entry<String, String> entry : expected.entrySet()) {
			assertEquals(entry.getValue(), result(run.report(), entry.getKey()).get("clause").getAsString());
		}

		Path text = folder.resolve("r.txt");
		Path sarif = folder.resolve("r.sarif");
		Path html = folder.resolve("html");
		assertEquals(0, ShallCommand.execute("check", "--out", "text=" + text, "--out", "sarif=" + sarif, "--report",
				html.toString(), file.toString()));
		String textReport = Files.readString(text);
		String index = Files.readString(html.resolve("index.html"));
		Map<String, String> sarifRules = new HashMap<>();
		for (JsonElement rule : JsonParser.parseString(Files.readString(sarif)).getAsJsonObject().getAsJsonArray("runs")
				.get(0).getAsJsonObject().getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules")) {
			sarifRules.put(rule.getAsJsonObject().get("id").getAsString(), rule.getAsJsonObject()
					.getAsJsonObject("shortDescription").get("text").getAsString());
		}
		for (Map.Entry<String, String> entry : expected.entrySet()) {
			assertTrue(textReport.contains(entry.getKey() + "  [" + entry.getValue() + "]"), textReport);
			assertTrue(index.contains(entry.getValue()), entry.getValue());
			assertEquals("Property " + entry.getKey() + " (" + entry.getValue() + ")", sarifRules.get(entry.getKey()));
		}
		assertFalse(textReport.contains("TS 24.327 1.4.1"), textReport);

		Procedure procedure = ProcedureFrontEnd.find().load(List.of(file)).get(0).procedure().orElseThrow();
		List<CheckMark> marks = new EditorQuickCheck().check(procedure, file, Duration.ofSeconds(30), () -> false);
		for (Map.Entry<String, String> entry : expected.entrySet()) {
			CheckMark mark = marks.stream().filter(m -> m.subject().equals(entry.getKey())).findFirst().orElseThrow();
			assertTrue(mark.hover().startsWith("**" + entry.getKey() + "** — " + entry.getValue()), mark.hover());
		}
	}
}
