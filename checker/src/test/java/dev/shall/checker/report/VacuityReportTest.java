package dev.shall.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * A property that holds only vacuously (semantics §7.5) is a warning with its reason in every
 * format, and never a mismatch: the exit code stays 0.
 */
class VacuityReportTest {

	private static RunReport report;

	@TempDir
	Path folder;

	@BeforeAll
	static void check() throws Exception {
		Path fixture = Path.of(VacuityReportTest.class.getResource("/fixtures/vacuity.shall").toURI());
		report = new CheckRunner().run(List.of(fixture), new CheckRunner.Settings(CheckRunner.EngineChoice.KIND, 40,
				Duration.ofSeconds(60), null, Map.of()), ProcedureFrontEnd.find(), CheckRunner.Listener.NONE);
	}

	private static String written(java.util.function.Consumer<PrintWriter> write) {
		StringWriter text = new StringWriter();
		write.accept(new PrintWriter(text));
		return text.toString();
	}

	@Test
	void theExitCodeIsUnchangedAndTheSummaryCountsTheWarnings() {
		assertEquals(0, report.exitCode());
		Summary summary = Summary.of(report);
		assertEquals(5, summary.vacuous());
		assertEquals(0, summary.differ());
		assertTrue(summary.text().contains("10 as expected, 0 differ, 0 unknown (5 hold vacuously)"), summary.text());
	}

	@Test
	void textSaysHoldsVacuousWithTheReasonIndented() {
		String text = written(out -> new TextReport().write(report, out));
		assertTrue(text.contains("  holds (vacuous) agreementVacuous  [a]"), text);
		assertTrue(text.contains("\n             warning: the agreement's condition \"step 3\" is true in no reachable"
				+ " state (proved by "), text);
		assertTrue(text.contains("  holds      agreementFires  [a]"), text);
		assertFalse(text.contains("vacuity not decided"), "undecided vacuity is for verbose and JSON only");
	}

	@Test
	void jsonCarriesVacuousAndVacuityOnEveryFindingAsked() {
		String json = written(out -> new JsonReport().write(report, out));
		Map<String, JsonObject> results = new java.util.HashMap<>();
		for (JsonElement element : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("results")) {
			results.put(element.getAsJsonObject().get("property").getAsString(), element.getAsJsonObject());
		}
		JsonObject vacuous = results.get("responseVacuous");
		assertTrue(vacuous.get("vacuous").getAsBoolean());
		assertTrue(vacuous.get("vacuity").getAsString().startsWith("the response's trigger \"A.resent\" is true in no"
				+ " reachable state"), vacuous.toString());
		assertFalse(results.get("responseFires").get("vacuous").getAsBoolean());
		assertFalse(results.get("plainNever").has("vacuous"), "no vacuity condition: no field");
		assertFalse(results.get("within declared bounds").has("vacuous"));
	}

	@Test
	void junitWritesAWarningLineNotAFailure() throws Exception {
		String xml = written(out -> new JUnitReport().write(report, out));
		var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
				new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		var suite = (org.w3c.dom.Element) document.getElementsByTagName("testsuite").item(0);
		assertEquals("0", suite.getAttribute("failures"));
		var cases = document.getElementsByTagName("testcase");
		int warnings = 0;
		for (int i = 0; i < cases.getLength(); i++) {
			var testCase = (org.w3c.dom.Element) cases.item(i);
			String out = testCase.getElementsByTagName("system-out").getLength() == 0 ? ""
					: testCase.getElementsByTagName("system-out").item(0).getTextContent();
			if (testCase.getAttribute("name").endsWith("Vacuous")) {
				assertTrue(out.startsWith("warning: holds vacuously: the "), out);
				warnings++;
			} else if (testCase.getAttribute("name").endsWith("Fires")) {
				assertEquals("", out);
			}
		}
		assertEquals(5, warnings);
	}

	@Test
	void sarifIsAWarningOfRuleVacuousPropertyAndValid() throws Exception {
		String sarif = written(out -> new SarifReport().write(report, out));
		try (InputStream in = VacuityReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
			assertEquals(Set.of(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in).validate(
					new ObjectMapper().readTree(sarif)));
		}
		JsonObject run = JsonParser.parseString(sarif).getAsJsonObject().getAsJsonArray("runs").get(0)
				.getAsJsonObject();
		int vacuous = 0;
		for (JsonElement element : run.getAsJsonArray("results")) {
			JsonObject result = element.getAsJsonObject();
			JsonObject properties = result.getAsJsonObject("properties");
			if (result.get("ruleId").getAsString().equals(SarifReport.VACUOUS_RULE)) {
				vacuous++;
				assertEquals("warning", result.get("level").getAsString());
				assertTrue(properties.get("property").getAsString().endsWith("Vacuous"), properties.toString());
				assertTrue(result.getAsJsonObject("message").get("text").getAsString().contains(", vacuously: the "),
						result.toString());
			} else if (result.get("ruleId").getAsString().equals("agreementFires")) {
				assertEquals("none", result.get("level").getAsString());
			}
		}
		assertEquals(5, vacuous);
	}

	@Test
	void htmlMarksTheRowWithItsOwnClassAndTheReason() throws Exception {
		new HtmlReport().write(report, folder);
		String html = Files.readString(folder.resolve("index.html"));
		assertTrue(html.contains(".vacuous{"), "a style of its own");
		assertEquals(5, html.split("<tr class=\"vacuous\">", -1).length - 1, html);
		assertTrue(html.contains("holds (vacuous) — the freshness condition &quot;step 3&quot; is true in no reachable")
				|| html.contains("holds (vacuous) — the freshness condition \"step 3\" is true in no reachable"), html);
	}

	@Test
	void theDiffSaysWhichPropertiesHoldOnlyVacuously() {
		List<RevisionDiff.Entry> entries = new RevisionDiff().compare(report, report);
		assertEquals(5, entries.stream().filter(RevisionDiff.Entry::vacuousAfter).count());
		String summary = RevisionDiff.summary(entries);
		assertTrue(summary.contains("5 hold only vacuously in the new revision: agreementVacuous;"), summary);
		String text = written(out -> new DiffReport("a", "b", report, entries).write("text", out));
		assertTrue(text.contains("holds (vacuous) → holds (vacuous)"), text);
		String json = written(out -> new DiffReport("a", "b", report, entries).write("json", out));
		assertTrue(json.contains("\"newVacuous\": true"), json);
		String sarif = written(out -> new DiffReport("a", "b", report, entries).write("sarif", out));
		int matched = 0;
		for (JsonElement element : JsonParser.parseString(sarif).getAsJsonObject().getAsJsonArray("runs").get(0)
				.getAsJsonObject().getAsJsonArray("results")) {
			JsonObject result = element.getAsJsonObject();
			if (result.get("ruleId").getAsString().equals(SarifReport.VACUOUS_RULE) && result.getAsJsonObject(
					"properties").has("change")) {
				matched++;
			}
		}
		assertEquals(5, matched, "every vacuous result of the SARIF diff is matched to its entry");
	}
}
