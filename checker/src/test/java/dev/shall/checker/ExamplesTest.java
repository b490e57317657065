package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.RunReport;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * The README's example has the verdicts it declares. The bundled examples ({@code examples/}) are
 * checked, each once per build, by {@code FrontDoorsAgreeTest}: every verdict as declared, none
 * unknown, every violation certified, every trace read back, and the
 * editor's quick check agreeing with the command line.
 */
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
}
