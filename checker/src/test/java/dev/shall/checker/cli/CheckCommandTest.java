package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The command line's contract: exit codes, and the JSON fields documented in the README. */
class CheckCommandTest {

	@TempDir
	Path folder;

	private static Path resource(String name) throws Exception {
		return Path.of(CheckCommandTest.class.getResource(name).toURI());
	}

	@Test
	void everyVerdictAsExpectedExitsZero() throws Exception {
		Path out = folder.resolve("report.json");
		int code = ShallCommand.execute("check", "--format", "json", "--out", out.toString(),
				resource("/fixtures/handshake.shall").toString());
		assertEquals(0, code);
		JsonObject report = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
		assertEquals("shall", report.getAsJsonObject("tool").get("name").getAsString());
		JsonArray results = report.getAsJsonArray("results");
		JsonObject violated = null;
		for (var element : results) {
			JsonObject result = element.getAsJsonObject();
			if (result.get("property").getAsString().equals("invariantViolated")) {
				violated = result;
			}
		}
		assertEquals("violated", violated.get("verdict").getAsString());
		assertEquals("violated", violated.get("expected").getAsString());
		assertTrue(violated.get("certified").getAsBoolean());
		JsonArray steps = violated.getAsJsonObject("trace").getAsJsonArray("steps");
		assertEquals(3, steps.size());
		JsonObject first = steps.get(0).getAsJsonObject();
		assertEquals("A", first.get("role").getAsString());
		assertEquals("1", first.get("step").getAsString());
		assertEquals("sent", first.getAsJsonArray("exchanges").get(0).getAsJsonObject().get("kind").getAsString());
		assertEquals("sent", first.getAsJsonObject("state").get("A.phase").getAsString());
	}

	/**
	 * A command's settings travel to the front end as shall.* system properties; the next command
	 * in the same JVM (a test, the language server after a check) must not inherit them.
	 */
	@Test
	void aCommandsSettingsDoNotOutliveIt() throws Exception {
		var before = ShallCommand.shallProperties();
		ShallCommand.execute("check", "--root", folder.toString(), "--max-combinations", "7", "--out", "json="
				+ folder.resolve("r.json"), resource("/fixtures/handshake.shall").toString());
		assertEquals(before, ShallCommand.shallProperties());
	}

	@Test
	void aVerdictThatDiffersFromItsExpectationExitsOne() throws Exception {
		assertEquals(1, ShallCommand.execute("check", resource("/cli/mismatch.shall").toString()));
	}

	@Test
	void anUnknownVerdictExitsTwo() throws Exception {
		// depth 0 and BMC alone cannot prove that x never reaches 3, nor refute it
		Path file = Files.writeString(folder.resolve("deep.shall"), """
				procedure Deep clause "t"
				role A { var x : 0..3 = 0  var y : bool = false }
				step 1 clause "1": A shall when x < 3 { x := x + 1 }
				step 2 clause "2": A shall { y := not y }
				property p clause "p": never A.x == 3
				""");
		assertEquals(2, ShallCommand.execute("check", "--engine", "bmc", "--depth", "1", file.toString()));
	}

	@Test
	void badInputExitsThreeWithFileLineAndColumn() throws Exception {
		Path out = folder.resolve("report.json");
		int code = ShallCommand.execute("check", "--format", "json", "--out", out.toString(),
				resource("/cli/broken.shall").toString());
		assertEquals(3, code);
		JsonObject diagnostic = JsonParser.parseString(Files.readString(out)).getAsJsonObject()
				.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
		assertEquals(3, diagnostic.get("line").getAsInt());
		assertEquals(35, diagnostic.get("column").getAsInt());
		assertEquals("shall.type-mismatch", diagnostic.get("code").getAsString());
	}

	@Test
	void severalFormatsInOneRunAndJUnitCounts() throws Exception {
		Path json = folder.resolve("r.json");
		Path junit = folder.resolve("r.xml");
		int code = ShallCommand.execute("check", "--out", "json=" + json, "--out", "junit=" + junit,
				resource("/cli/mismatch.shall").toString());
		assertEquals(1, code);
		assertTrue(Files.size(json) > 0);
		var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
		var suite = (org.w3c.dom.Element) document.getElementsByTagName("testsuite").item(0);
		// neverTwo, the bounds check and the reachability of step 1
		assertEquals("3", suite.getAttribute("tests"));
		assertEquals("1", suite.getAttribute("failures"));
		var failure = (org.w3c.dom.Element) document.getElementsByTagName("failure").item(0);
		assertEquals("neverTwo is violated, expected holds", failure.getAttribute("message"));
		assertTrue(failure.getTextContent().contains("1. A 1 (1)"), failure.getTextContent());
	}

	@Test
	void diffReportsWhatARevisionFixesAndBreaks() throws Exception {
		Path holds = Files.writeString(folder.resolve("v2.shall"), """
				procedure V clause "t"
				role A { var x : 0..2 = 0 }
				step 1 clause "1": A shall when x < 1 { x := x + 1 }
				property neverTwo clause "p": never A.x == 2
				""");
		Path violated = resource("/cli/mismatch.shall");
		assertEquals(0, ShallCommand.execute("diff", violated.toString(), holds.toString()), "a fix breaks nothing");
		assertEquals(1, ShallCommand.execute("diff", holds.toString(), violated.toString()), "the reverse breaks it");
		var old = new dev.shall.checker.pipeline.CheckRunner().run(java.util.List.of(violated), SETTINGS,
				dev.shall.model.frontend.ProcedureFrontEnd.find(), dev.shall.checker.pipeline.CheckRunner.Listener.NONE);
		var now = new dev.shall.checker.pipeline.CheckRunner().run(java.util.List.of(holds), SETTINGS,
				dev.shall.model.frontend.ProcedureFrontEnd.find(), dev.shall.checker.pipeline.CheckRunner.Listener.NONE);
		var entries = new dev.shall.checker.report.RevisionDiff().compare(old, now);
		assertEquals(dev.shall.checker.report.RevisionDiff.Change.FIXED, entries.stream().filter(e -> e.property()
				.equals("neverTwo")).findFirst().orElseThrow().change());
	}

	private static final dev.shall.checker.pipeline.CheckRunner.Settings SETTINGS =
			new dev.shall.checker.pipeline.CheckRunner.Settings(dev.shall.checker.pipeline.CheckRunner.EngineChoice.AUTO, 20, java.time.Duration.ofSeconds(30), null,
					java.util.Map.of());

	@Test
	void usageErrorsExitThree() {
		assertEquals(3, ShallCommand.execute("check", "--engine", "magic", "x.shall"));
		assertEquals(3, ShallCommand.execute("check"));
		assertEquals(3, ShallCommand.execute("check", folder.resolve("missing.shall").toString()));
	}
}
