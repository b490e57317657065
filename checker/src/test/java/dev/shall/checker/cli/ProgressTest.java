package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress on stderr: the mode chosen, the line format CI logs show, and --quiet. */
class ProgressTest {

	@TempDir
	Path folder;

	private static Path resource(String name) throws Exception {
		return Path.of(ProgressTest.class.getResource(name).toURI());
	}

	@Test
	void theOverrideChoosesTheModeAndQuietWinsOverIt() {
		assertEquals(Progress.Mode.LINES, Progress.choose(false, Map.of("SHALL_PROGRESS", "lines")));
		assertEquals(Progress.Mode.BAR, Progress.choose(false, Map.of("SHALL_PROGRESS", "BAR")));
		assertEquals(Progress.Mode.NONE, Progress.choose(false, Map.of("SHALL_PROGRESS", "none")));
		assertEquals(Progress.Mode.NONE, Progress.choose(true, Map.of("SHALL_PROGRESS", "lines")));
		// CI (GitHub Actions and GitLab set CI) and dumb terminals get lines, never a carriage-return bar
		assertEquals(Progress.Mode.LINES, Progress.choose(false, Map.of("CI", "true")));
		assertEquals(Progress.Mode.LINES, Progress.choose(false, Map.of("TERM", "dumb", "SHALL_PROGRESS", "bogus")));
	}

	@Test
	void linesCountEveryQuestionAgainstTheTotalKnownUpFront() throws Exception {
		StringWriter err = new StringWriter();
		Path json = folder.resolve("r.json");
		int code = CheckCommand.withEnvironment(Map.of("SHALL_PROGRESS", "lines"), () -> ShallCommand.execute(
				new PrintWriter(new StringWriter()), new PrintWriter(err), "check", "--out", "json=" + json,
				resource("/fixtures/handshake.shall").toString()));
		assertEquals(0, code);
		List<String> counted = err.toString().lines().filter(l -> l.startsWith("[") && !l.startsWith("[vacuity]"))
				.toList();
		int results = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray(
				"results").size();
		assertEquals(results, counted.size());
		for (int i = 0; i < counted.size(); i++) {
			String line = counted.get(i);
			assertTrue(line.startsWith("[" + (i + 1) + "/" + results + "] "), line);
			assertTrue(line.matches("\\[\\d+/\\d+\\] \\S+handshake\\.shall Handshake .+: (holds|violated|unknown)"
					+ "( \\(expected \\w+\\))? \\(\\d+\\.\\d s\\)"), line);
		}
		assertTrue(counted.stream().anyMatch(l -> l.contains(" invariantViolated: violated (")), err.toString());
		// a property that holds is asked about its vacuity after the other questions
		assertTrue(err.toString().contains("[vacuity] "), err.toString());
		assertTrue(!err.toString().contains("\r"), "no carriage returns in a CI log");
	}

	@Test
	void quietWritesNothingOnStderrAndProgressLeavesStdoutAlone() throws Exception {
		String fixture = resource("/fixtures/handshake.shall").toString();
		// the two reports are compared: both runs end on the depth bound, which BMC reaches long before the
		// time limit even on a loaded machine, never on the clock
		StringWriter quietErr = new StringWriter();
		StringWriter quietOut = new StringWriter();
		CheckCommand.withEnvironment(Map.of("SHALL_PROGRESS", "lines"), () -> ShallCommand.execute(new PrintWriter(
				quietOut), new PrintWriter(quietErr), "check", "--engine", "bmc", "--depth", "12", "--timeout", "600", "--quiet", "--format", "json",
				"--out", folder.resolve("q.json").toString(), fixture));
		assertEquals("", quietErr.toString());
		StringWriter loudErr = new StringWriter();
		CheckCommand.withEnvironment(Map.of("SHALL_PROGRESS", "lines"), () -> ShallCommand.execute(new PrintWriter(
				new StringWriter()), new PrintWriter(loudErr), "check", "--engine", "bmc", "--depth", "12", "--timeout", "600", "--format", "json",
				"--out", folder.resolve("l.json").toString(), fixture));
		assertTrue(loudErr.toString().startsWith("[1/"), loudErr.toString());
		assertEquals(normalise(Files.readString(folder.resolve("q.json"), StandardCharsets.UTF_8)), normalise(Files
				.readString(folder.resolve("l.json"), StandardCharsets.UTF_8)));
	}

	// the portfolio's winner may differ from run to run; BMC alone answers the same way each time
	private static String normalise(String report) {
		return report.replaceAll("\"seconds\": [0-9.E-]+", "\"seconds\": 0");
	}
}
