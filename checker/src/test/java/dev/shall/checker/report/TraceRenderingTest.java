package dev.shall.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import dev.shall.checker.Fixtures;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ResponseChecker;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.checker.trace.Traces;
import dev.shall.model.Procedure;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * How the reports show the end of a response counterexample (semantics §6.4): a lasso's cycle
 * marked where it starts (text, JUnit, HTML table, the chart's UML loop fragment, SARIF's nesting),
 * a run that stops marked where it stops, and the trace itself, in the trace format, in JSON, SARIF
 * and beside the HTML report, reading back as the same document.
 */
class TraceRenderingTest {

	private static JsonSchema sarifSchema;

	@TempDir
	Path folder;

	@BeforeAll
	static void loadSchema() throws Exception {
		try (InputStream in = TraceRenderingTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
			sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
		}
	}

	/** The response violation of a model, as the explicit state graph finds it, as a finding. */
	private static Finding response(Path model, String property, String expected) {
		Procedure procedure = Fixtures.load(model);
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		ResponseChecker.Result result = new ResponseChecker().check(layout, options, 1, Obligation.of(procedure
				.getProperties().stream().filter(p -> p.getName().equals(property)).findFirst().orElseThrow()), 100_000,
				() -> null);
		Trace trace = Traces.of(layout, options, 1, result.path(), result.loopStart());
		return new Finding(model.toString(), procedure.getName(), property, Finding.Kind.PROPERTY, null, "r",
				options.byName(), 1, Verdict.VIOLATED, expected, "explicit-liveness", trace.steps().size(),
				new dev.shall.checker.engine.Certificate.ReplayedLasso(trace.steps().size(), result.loopStart()), 0.1,
				ResponseChecker.describe(trace.steps().size(), result.loopStart()), trace, 3, 1);
	}

	private static Finding lasso(String expected) throws Exception {
		return response(Path.of(TraceRenderingTest.class.getResource("/trace/toggle.shall").toURI()), "answered",
				expected);
	}

	private static Finding stop() {
		return response(Path.of("..", "examples", "more", "as-security-mode-command.shall"), "smcCompletes",
				"violated");
	}

	private static RunReport report(Finding... findings) {
		return new RunReport(List.of(findings), List.<SourceDiagnostic>of());
	}

	@Test
	void theTextReportMarksWhereTheCycleStartsAndWhereARunStops() throws Exception {
		Finding lasso = lasso("violated");
		Trace.Ending ending = lasso.trace().ending();
		int length = lasso.trace().steps().size();
		StringWriter text = new StringWriter();
		new TextReport().write(report(lasso, stop()), new PrintWriter(text));
		String out = text.toString();
		String marker = "      ↻ from here, steps " + (ending.loopStart() + 1) + " to " + length + " repeat forever";
		assertTrue(out.contains(marker), out);
		// the marker stands right before the first step of the cycle
		String afterMarker = out.substring(out.indexOf(marker));
		assertTrue(afterMarker.split("\n")[1].matches(" +" + (ending.loopStart() + 1) + "\\. B +flip \\(3\\)"), out);
		assertTrue(out.contains("      ■ the run stops here: it stays in this state forever"), out);
	}

	@Test
	void aJUnitFailureCarriesTheCycle() throws Exception {
		StringWriter xml = new StringWriter();
		new JUnitReport().write(report(lasso("holds")), xml);
		assertTrue(xml.toString().contains("from here, steps "), xml.toString());
		DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml
				.toString())));
	}

	@Test
	void theHtmlReportFramesTheCycleAndWritesTheTraceBeside() throws Exception {
		Finding lasso = lasso("violated");
		Finding stop = stop();
		new HtmlReport().write(report(lasso, stop), folder);
		String html = Files.readString(folder.resolve("index.html"));
		assertTrue(html.contains("<tr class=\"loop\"><td colspan=\"7\">↻ from here, steps "), html);
		assertTrue(html.contains("<tr class=\"cycle\">"), html);
		assertTrue(html.contains("■ the run stops here"), html);
		assertTrue(html.contains("href=\"traces/Toggle-answered.json\""), html);
		String chart = Files.readString(folder.resolve("charts/Toggle-answered.svg"));
		DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(chart)));
		assertTrue(chart.contains("<g class=\"loop\">"), chart);
		assertTrue(chart.contains("loop: steps " + (lasso.trace().ending().loopStart() + 1) + "–" + lasso.trace()
				.steps().size() + " repeat forever (back to the state after step " + lasso.trace().ending().loopStart()
				+ ")"), chart);
		String stopChart = Files.readString(folder.resolve("charts/AsSecurityModeCommand-smcCompletes.svg"));
		assertFalse(stopChart.contains("<g class=\"loop\">"), stopChart);
		assertTrue(stopChart.contains("the run stops here"), stopChart);
		// the traces beside the report are the findings' traces, in the trace format
		assertEquals(Optional.of(lasso.traceDocument()), TraceFormat.read(folder.resolve("traces/Toggle-answered.json")).get(0)
				.document());
		assertEquals(Optional.of(stop.traceDocument()), TraceFormat.read(folder.resolve("traces/AsSecurityModeCommand-smcCompletes.json")).get(0)
				.document());
	}

	/**
	 * The lasso's chart, byte for byte: a change to the layout shows here as a diff to review
	 * ({@code -Dshall.golden.update=true} rewrites it; render it with rsvg-convert and look).
	 */
	@Test
	void theLassoChartMatchesItsGolden() throws Exception {
		Finding lasso = lasso("violated");
		Procedure procedure = Fixtures.load(Path.of(TraceRenderingTest.class.getResource("/trace/toggle.shall").toURI()));
		String svg = SequenceChart.render(lasso.trace(), "violates answered [r]", 1, ChartNotes.of(procedure),
				"answered") + "\n";
		Path golden = Path.of("src/test/resources/golden/toggle-answered.svg");
		if (Boolean.getBoolean("shall.golden.update")) {
			Files.writeString(golden, svg);
		}
		assertEquals(Files.readString(golden), svg);
	}

	@Test
	void sarifNestsTheCycleAndCarriesTheTrace() throws Exception {
		Finding lasso = lasso("violated");
		StringWriter out = new StringWriter();
		new SarifReport().write(report(lasso, stop()), new PrintWriter(out));
		String text = out.toString();
		assertEquals(java.util.Set.of(), sarifSchema.validate(new ObjectMapper().readTree(text)));
		JsonArray results = JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("runs").get(0)
				.getAsJsonObject().getAsJsonArray("results");
		JsonObject result = results.get(0).getAsJsonObject();
		JsonArray flow = result.getAsJsonArray("codeFlows").get(0).getAsJsonObject().getAsJsonArray("threadFlows").get(0)
				.getAsJsonObject().getAsJsonArray("locations");
		int loopStart = lasso.trace().ending().loopStart();
		for (JsonElement element : flow) {
			JsonObject location = element.getAsJsonObject();
			int order = location.get("executionOrder").getAsInt();
			assertEquals(order > loopStart, location.has("nestingLevel"), location::toString);
		}
		assertTrue(flow.get(loopStart).getAsJsonObject().getAsJsonObject("location").getAsJsonObject("message").get(
				"text").getAsString().contains("(the cycle starts here: steps "), flow::toString);
		String trace = result.getAsJsonObject("properties").getAsJsonObject("trace").toString();
		assertEquals(Optional.of(lasso.traceDocument()), TraceFormat.parse(Path.of("sarif"), trace).get(0).document());
		// the stop's run has a lost message: a fault step is in the flow (it has no line of its own)
		JsonArray stopFlow = results.get(1).getAsJsonObject().getAsJsonArray("codeFlows").get(0).getAsJsonObject()
				.getAsJsonArray("threadFlows").get(0).getAsJsonObject().getAsJsonArray("locations");
		assertEquals(stop().trace().steps().size(), stopFlow.size());
		assertTrue(stopFlow.toString().contains("lose on rrc(ENB→UE)"), stopFlow::toString);
	}

	@Test
	void theJsonReportCarriesEachTraceAsATraceDocument() throws Exception {
		Finding lasso = lasso("violated");
		StringWriter out = new StringWriter();
		new JsonReport().write(report(lasso), new PrintWriter(out));
		JsonObject trace = JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("results").get(0)
				.getAsJsonObject().getAsJsonObject("trace");
		assertEquals(TraceFormat.FORMAT, trace.getAsJsonObject("#meta").get("format").getAsString());
		assertEquals(TraceFormat.VERSION, trace.getAsJsonObject("#meta").get("version").getAsInt());
		assertEquals(Map.of("kind", "property", "name", "answered"), Map.of("kind", trace.getAsJsonObject("question")
				.get("kind").getAsString(), "name", trace.getAsJsonObject("question").get("name").getAsString()));
		// the report as shall replay reads it: its violated properties' traces
		assertEquals(Optional.of(lasso.traceDocument()), TraceFormat.parse(Path.of("report.json"), out.toString()).get(0)
				.document());
	}
}
