package dev.shall.checker.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.Fixtures;
import dev.shall.checker.cli.ShallCommand;
import dev.shall.checker.explicit.ResponseChecker;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceDocument;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.checker.trace.Traces;
import dev.shall.model.Procedure;

/**
 * {@code shall replay} of traces in the trace format that end in a cycle or a stop (semantics
 * §6.4): the replay marks the cycle, checks that it closes, and judges the end as the certificate
 * of a response violation does (§8.2); and the traces the HTML report writes beside it replay.
 */
class TraceReplayTest {

	@TempDir
	Path folder;

	private record Run(int code, String out, String err) {
	}

	private static Run shall(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	/** The model copied into the folder, and the trace of its response violation written beside it. */
	private Path responseTrace(Path source, String property, Trace.Ending replaced) throws Exception {
		Path model = Files.copy(source, folder.resolve(source.getFileName()));
		Procedure procedure = Fixtures.load(model);
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		ResponseChecker.Result result = new ResponseChecker().check(layout, options, 1, Obligation.of(procedure
				.getProperties().stream().filter(p -> p.getName().equals(property)).findFirst().orElseThrow()), 100_000,
				() -> null);
		Trace trace = Traces.of(layout, options, 1, result.path(), result.loopStart());
		if (replaced != null) {
			trace = new Trace(trace.initial(), trace.steps(), replaced);
		}
		Path file = folder.resolve("trace.json");
		Files.writeString(file, TraceFormat.write(new TraceDocument(model.getFileName().toString(), procedure.getName(),
				new TraceDocument.Question("property", property), options.byName(), 1, trace)));
		return file;
	}

	private static Path toggle() throws Exception {
		return Path.of(TraceReplayTest.class.getResource("/trace/toggle.shall").toURI());
	}

	@Test
	void aLassoReplaysWithItsFairCycleMarked() throws Exception {
		Run run = shall("replay", responseTrace(toggle(), "answered", null).toString());
		assertEquals(0, run.code(), run.err() + run.out());
		assertTrue(run.out().contains("    ↻ from here, steps "), run.out());
		assertTrue(run.out().contains("repeat forever, a fair cycle, with the trigger of answered unanswered for ever"),
				run.out());
		assertTrue(run.out().contains("The concrete run confirms the checker's verdict."), run.out());
	}

	@Test
	void anEndingThatIsNoViolationIsAnErrorOfTheChecker() throws Exception {
		// B shall flip for ever: stopping after the cycle's steps is not fair (semantics §5.3)
		Run run = shall("replay", responseTrace(toggle(), "answered", Trace.Ending.STOPS).toString());
		assertEquals(1, run.code(), run.err() + run.out());
		assertTrue(run.out().contains("ERROR OF THE CHECKER"), run.out());
		assertTrue(run.out().contains("the checker reported answered violated by this run, but its stop is not fair"),
				run.out());
	}

	@Test
	void aRunThatStopsReplaysWithItsStopMarked() throws Exception {
		Run run = shall("replay", responseTrace(Path.of("..", "examples", "more", "as-security-mode-command.shall"),
				"smcCompletes", null).toString());
		assertEquals(0, run.code(), run.err() + run.out());
		assertTrue(run.out().contains("lose on rrc(ENB→UE)"), "the loss is a step of the run: " + run.out());
		assertTrue(run.out().contains("    ■ after step "), run.out());
		assertTrue(run.out().contains("no shall step can change the state, so the run stops there, with the trigger of "
				+ "smcCompletes unanswered for ever"), run.out());
	}

	@Test
	void theTracesBesideTheHtmlReportReplay() throws Exception {
		// the example imports the repository's rules: it stays where it is, and the repository is the project
		Path model = Path.of("..", "examples", "seeds", "003-smc-vs-inter-mme-handover.shall");
		Path root = Path.of("..").toAbsolutePath().normalize();
		Path report = folder.resolve("report");
		assertEquals(0, ShallCommand.execute("check", "--option", "restrainedSmc=newKasme", "--option",
				"completion=anyEnd", "--report", report.toString(), "--out=" + folder.resolve("out.txt"),
				model.toString()));
		List<Path> traces;
		try (var files = Files.list(report.resolve("traces"))) {
			traces = files.sorted().toList();
		}
		assertTrue(!traces.isEmpty());
		for (Path trace : traces) {
			Run run = shall("replay", trace.toString(), "--root", root.toString());
			assertEquals(0, run.code(), trace + ": " + run.err() + run.out());
			assertTrue(run.out().contains("The concrete run confirms the checker's verdict."), run.out());
		}
	}
}
