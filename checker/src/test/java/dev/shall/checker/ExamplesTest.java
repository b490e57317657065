package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.JsonReport;
import dev.shall.checker.report.RunReport;
import dev.shall.checker.trace.TraceDocument;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.model.frontend.ProcedureFrontEnd;

/** The bundled examples: every verdict as their authors declared it, as `./shall check examples` reports. */
class ExamplesTest {

	@org.junit.jupiter.api.io.TempDir
	Path folder;

	@Test
	void theReadmeExampleHasTheVerdictsItDeclares() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("```\nprocedure SeNBAddition") + 4;
		Path example = Files.writeString(folder.resolve("readme.shall"), readme.substring(start, readme.indexOf("```",
				start)));
		RunReport report = new CheckRunner().run(List.of(example), new CheckRunner.Settings(CheckRunner.EngineChoice.AUTO, 40, Duration
				.ofSeconds(60), null, null), ProcedureFrontEnd.find(), CheckRunner.Listener.NONE);
		assertEquals(0, report.exitCode(), report.results().toString() + report.diagnostics());
		assertEquals(4, report.results().stream().filter(f -> f.kind() == Finding.Kind.PROPERTY || f.kind() == Finding.Kind.BOUNDS)
				.count());
		// semantics §7.4: every message of the example is handled
		assertTrue(report.results().stream().filter(f -> f.kind() == Finding.Kind.UNHANDLED).allMatch(f -> f
				.verdict() == Verdict.HOLDS), report.results()::toString);
	}

	@Test
	void everyExampleVerdictIsTheDeclaredOne() {
		Path examples = Path.of("..", "examples");
		assertTrue(Files.isDirectory(examples), "run from the checker module");
		RunReport report = new CheckRunner().run(List.of(examples), new CheckRunner.Settings(CheckRunner.EngineChoice.AUTO, 40, Duration
				.ofSeconds(60), null, null), ProcedureFrontEnd.find(), CheckRunner.Listener.NONE);
		assertTrue(report.diagnostics().stream().noneMatch(d -> d.severity().name().equals("ERROR")),
				report.diagnostics()::toString);
		String mismatches = report.results().stream().filter(f -> f.mismatch() || f.verdict() == Verdict.UNKNOWN)
				.map(f -> f.file() + " " + f.options() + " " + f.property() + ": " + f.verdict().label() + ", expected "
						+ f.expected() + (f.reason() == null ? "" : " (" + f.reason() + ")"))
				.collect(Collectors.joining("\n"));
		assertEquals("", mismatches);
		// an uncovered CR statement (ADR 0016) is a warning read from the model, not a verdict to certify
		assertTrue(report.results().stream().filter(f -> f.verdict() == Verdict.VIOLATED && f.kind() != Finding.Kind.DEAD_STEP
				&& f.kind() != Finding.Kind.UNCOVERED_STATEMENT).allMatch(Finding::certified), "every violation is certified");
		assertEquals(0, report.exitCode());
		tracesRoundTrip(report);
	}

	/**
	 * Every trace of the report, written in the trace format, reads back as the same document, and
	 * the JSON report, read as {@code shall replay} reads it, gives the traces of its violated
	 * properties (docs/trace-format.md).
	 */
	private static void tracesRoundTrip(RunReport report) {
		int traces = 0;
		for (Finding finding : report.results()) {
			if (finding.trace() != null) {
				TraceDocument document = finding.traceDocument();
				assertEquals(Optional.of(document), TraceFormat.parse(Path.of("trace.json"), TraceFormat.write(document))
						.get(0).document());
				traces++;
			}
		}
		assertTrue(traces >= 100, traces + " traces");
		StringWriter json = new StringWriter();
		new JsonReport().write(report, new PrintWriter(json));
		List<TraceDocument> violations = report.results().stream().filter(f -> f.trace() != null && f.verdict()
				== Verdict.VIOLATED && f.kind() == Finding.Kind.PROPERTY).map(Finding::traceDocument).toList();
		assertEquals(violations, TraceFormat.parse(Path.of("report.json"), json.toString()).stream().map(entry -> entry
				.document().orElseThrow()).toList());
	}
}
