package dev.shall.checker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.shall.checker.cli.ShallCommand;
import dev.shall.checker.ide.EditorQuickCheck;
import dev.shall.checker.trace.TraceDocument;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.model.Procedure;
import dev.shall.model.check.CheckMark;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * Every bundled example, checked once through each front door. Through the command line ({@code
 * shall check --out json=…}), as {@code ./shall check examples} checks it: every verdict the declared
 * one, none unknown, every violation certified, every trace read back. And the front doors agree:
 * for the same file, the command line's findings and the editor's marks (the quick check, as the
 * language server and the Eclipse plug-in get them) ask the same questions of the same option
 * combinations, with the same declared verdicts, and wherever both decided, decided the same way.
 */
class FrontDoorsAgreeTest {

	@TempDir
	Path folder;

	static Stream<Path> examples() throws IOException {
		try (Stream<Path> walk = Files.walk(Path.of("..", "examples"))) {
			return walk.filter(p -> p.toString().endsWith(".shall")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("examples")
	void editorMarksAgreeWithTheCommandLine(Path file) throws Exception {
		long started = System.nanoTime();
		Path json = folder.resolve("report.json");
		int exit = ShallCommand.execute("check", "--out", "json=" + json, file.toString());
		assertEquals(0, exit, "the examples' verdicts are the declared ones");
		String report = Files.readString(json);
		Map<String, JsonObject> commandLine = new HashMap<>();
		int violatedProperties = 0;
		for (JsonElement result : JsonParser.parseString(report).getAsJsonObject().getAsJsonArray("results")) {
			JsonObject finding = result.getAsJsonObject();
			String kind = finding.get("kind").getAsString();
			if (kind.equals("uncovered-statement")) {
				continue; // not a question (ADR 0016): the editor shows it as a diagnostic
			}
			// on the same run as the agreement below, so that the build checks each example once
			String verdict = finding.get("verdict").getAsString();
			assertTrue(!verdict.equals("unknown"), () -> file + ": " + finding);
			if (verdict.equals("violated") && !kind.equals("dead-step")) {
				assertTrue(finding.get("certified").getAsBoolean(), () -> file + ": not certified " + finding);
				violatedProperties += kind.equals("property") ? 1 : 0;
			}
			Map<String, String> options = new TreeMap<>();
			finding.getAsJsonObject("options").entrySet().forEach(e -> options.put(e.getKey(), e.getValue().getAsString()));
			commandLine.put(key(kind, finding.get("property").getAsString(), options),
					finding);
		}
		double cli = (System.nanoTime() - started) / 1e9;
		tracesRoundTrip(file, report, violatedProperties);

		started = System.nanoTime();
		Procedure procedure = ProcedureFrontEnd.find().load(List.of(file)).get(0).procedure().orElseThrow();
		List<CheckMark> marks = new EditorQuickCheck().check(procedure, file, Duration.ofSeconds(20), () -> false);
		double editor = (System.nanoTime() - started) / 1e9;
		int asked = 0;
		int settled = 0;
		int vacuousOnlyOnTheCommandLine = 0;
		for (CheckMark mark : marks) {
			if (mark.question() == CheckMark.Question.UNCOVERED_STATEMENT) {
				continue; // not a question (ADR 0016); checked by CoverageTest
			}
			String question = mark.question() == CheckMark.Question.DEAD_STEP ? mark.name() + " can happen" : mark.name();
			for (CheckMark.Verdict verdict : mark.verdicts()) {
				asked++;
				String key = key(mark.question().label(), question, new TreeMap<>(verdict.options()));
				JsonObject finding = commandLine.get(key);
				assertNotNull(finding, () -> key + " is not among the command line's findings " + commandLine.keySet());
				assertEquals(finding.get("expected").getAsString(), verdict.expected().label(), key);
				String decided = finding.get("verdict").getAsString();
				if (verdict.verdict() != CheckMark.Answer.UNKNOWN && !decided.equals("unknown")) {
					assertEquals(decided, verdict.verdict().label(), key + ": the editor says " + verdict.describe());
					settled++;
					// semantics §7.5: a vacuity both decided is decided alike (the editor marks only vacuous ones)
					if (verdict.vacuous()) {
						assertTrue(finding.has("vacuous") && (finding.get("vacuous").getAsBoolean() || finding.get(
								"vacuity").getAsString().startsWith("vacuity not decided")), key
										+ ": the editor says vacuous, the command line " + finding);
					} else if (finding.has("vacuous") && finding.get("vacuous").getAsBoolean()) {
						assertTrue(!verdict.vacuous(), key);
						vacuousOnlyOnTheCommandLine++;
					}
				}
			}
		}
		assertEquals(commandLine.size(), asked, "the editor asks every question the command line asks");
		System.out.printf("%s: %d questions, %d settled by both (command line %.1f s, editor %.1f s)%n", file
				.getFileName(), asked, settled, cli, editor);
		assertTrue(settled > 0, "the quick check settles some question of " + file);
		assertEquals(0, vacuousOnlyOnTheCommandLine, "a vacuity the command line proves, the quick check proves too "
				+ "on the examples (small state spaces)");
	}

	/**
	 * The JSON report of one file, read as {@code shall replay} reads it, gives a trace for each of
	 * its violated properties, and each trace, written in the trace format, reads back as the same
	 * document (docs/trace-format.md).
	 *
	 * @param violatedProperties the number of violated properties the report has
	 */
	private static void tracesRoundTrip(Path file, String jsonReport, int violatedProperties) {
		List<TraceDocument> traces = TraceFormat.parse(Path.of("report.json"), jsonReport).stream().map(entry -> entry
				.document().orElseThrow()).toList();
		assertEquals(violatedProperties, traces.size(), file + ": one trace per violated property");
		for (TraceDocument document : traces) {
			assertEquals(Optional.of(document), TraceFormat.parse(Path.of("trace.json"), TraceFormat.write(document)).get(0)
					.document(), file.toString());
		}
	}

	private static String key(String kind, String question, Map<String, String> options) {
		return kind + " | " + question + " | " + options;
	}
}
