package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.RunReport;
import dev.shall.checker.trace.TraceDocument;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * The README's example has the verdicts it declares. The bundled examples ({@code examples/}) are
 * checked, each once per build, by {@code FrontDoorsAgreeTest}: every verdict as declared, none
 * unknown, every violation certified, every trace read back ({@link #tracesRoundTrip}), and the
 * editor's quick check agreeing with the command line.
 */
public class ExamplesTest {

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

	/**
	 * The JSON report of one file, read as {@code shall replay} reads it, gives a trace for each of
	 * its violated properties, and each trace, written in the trace format, reads back as the same
	 * document (docs/trace-format.md).
	 *
	 * @param violatedProperties the number of violated properties the report has
	 */
	public static void tracesRoundTrip(Path file, String jsonReport, int violatedProperties) {
		List<TraceDocument> traces = TraceFormat.parse(Path.of("report.json"), jsonReport).stream().map(entry -> entry
				.document().orElseThrow()).toList();
		assertEquals(violatedProperties, traces.size(), file + ": one trace per violated property");
		for (TraceDocument document : traces) {
			assertEquals(Optional.of(document), TraceFormat.parse(Path.of("trace.json"), TraceFormat.write(document)).get(0)
					.document(), file.toString());
		}
	}
}
