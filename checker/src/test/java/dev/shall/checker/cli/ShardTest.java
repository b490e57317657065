package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.RunReport;
import dev.shall.model.frontend.ProcedureFrontEnd;

/** {@code --shard K/N} and {@code shall merge}: the shards split the run, and their merged reports are the run's. */
class ShardTest {

	@TempDir
	Path folder;

	private static JsonSchema sarifSchema;

	@BeforeAll
	static void loadSchema() throws Exception {
		try (InputStream in = ShardTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
			sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
		}
	}

	private static Path fixtures() throws Exception {
		return Path.of(ShardTest.class.getResource("/fixtures").toURI());
	}

	/** What identifies a question: file, procedure, options, question. */
	private static String identity(Finding f) {
		return f.file() + " " + f.procedure() + " " + f.options() + " " + f.property();
	}

	// shallow questions: the split, not the verdicts, is under test
	private static final CheckRunner.Settings SHALLOW = new CheckRunner.Settings(CheckRunner.EngineChoice.BMC, 3,
			Duration.ofSeconds(20), null, Map.of());

	@Test
	void theShardsOfARunAreItsQuestionsEachOnceInTheRunsOrder() throws Exception {
		CheckCommand.importPolicy(null, true);
		RunReport whole = new CheckRunner().run(List.of(fixtures()), SHALLOW, ProcedureFrontEnd.find(),
				CheckRunner.Listener.NONE);
		List<String> all = whole.results().stream().map(ShardTest::identity).toList();
		assertTrue(all.size() > 20, "the fixtures ask enough questions to split: " + all.size());
		assertEquals(all.size(), Set.copyOf(all).size(), "a question's identity is unique in the run");
		for (int n : new int[] { 1, 2, 3, 7, all.size() + 1 }) {
			String[] byNumber = new String[all.size()];
			for (int k = 1; k <= n; k++) {
				int[] planned = { -1 };
				RunReport shard = new CheckRunner(null, new CheckRunner.Shard(k, n)).run(List.of(fixtures()), SHALLOW,
						ProcedureFrontEnd.find(), new CheckRunner.Listener() {
							@Override
							public void checking(String procedure, String obligation) {
							}

							@Override
							public void planned(int questions) {
								planned[0] = questions;
							}
						});
				assertEquals(shard.results().size(), planned[0], "the progress total is the shard's");
				assertEquals(k + "/" + n, shard.shard().toString());
				for (int i = 0; i < shard.results().size(); i++) {
					int number = shard.question(i);
					assertEquals(k - 1, number % n, "question " + number + " belongs to shard " + (number % n + 1));
					assertEquals(null, byNumber[number], "question " + number + " in two shards of " + n);
					byNumber[number] = identity(shard.results().get(i));
				}
			}
			assertEquals(all, List.of(byNumber), "the union of " + n + " shards, by number, is the whole run");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "sarif", "junit" })
	void mergedShardsAreTheUnshardedReport(String format) throws Exception {
		// a file with an error beside the fixtures: every shard reports its diagnostic, the merge once
		Path input = Files.createDirectories(folder.resolve("in"));
		Files.copy(fixtures().resolve("handshake.shall"), input.resolve("a.shall"));
		Files.copy(fixtures().resolve("vacuity.shall"), input.resolve("b.shall"));
		Files.writeString(input.resolve("c.shall"), "procedure Broken clause \"t\"\nrole A { var x : 0..3 = 0 }\n"
				+ "step 1 clause \"1\": A shall { y := 1 }\n");
		String fixtures = input.toString();
		Path whole = folder.resolve("whole." + format);
		// BMC alone, so that each run names the same engine (the portfolio's winner may differ), to a
		// depth it reaches long before the time limit even on a loaded machine: the runs compared must
		// end on the depth bound, never on the clock
		assertEquals(3, quietly(() -> ShallCommand.execute("check", "--engine", "bmc", "--depth", "12", "--timeout",
				"600", "--quiet", "--out", format + "=" + whole, fixtures)));
		// JUnit has no place for input diagnostics
		assertEquals(!format.equals("junit"), Files.readString(whole).contains("c.shall"), "the broken file's diagnostic");
		List<String> merge = new ArrayList<>(List.of("merge", "--format", format, "-o", folder.resolve("merged."
				+ format).toString()));
		for (int k = 3; k >= 1; k--) { // any order
			Path shard = folder.resolve("shard" + k + "." + format);
			String part = k + "/3";
			int code = quietly(() -> ShallCommand.execute("check", "--engine", "bmc", "--depth", "12", "--timeout", "600",
					"--quiet", "--shard", part, "--out", format + "=" + shard, fixtures));
			assertEquals(3, code, "every shard reports the input's errors");
			assertTrue(!normalise(Files.readString(shard)).equals(normalise(Files.readString(whole))));
			merge.add(shard.toString());
		}
		assertEquals(0, quietly(() -> ShallCommand.execute(merge.toArray(String[]::new))));
		String merged = Files.readString(folder.resolve("merged." + format), StandardCharsets.UTF_8);
		assertEquals(normalise(Files.readString(whole, StandardCharsets.UTF_8)), normalise(merged));
		if (format.equals("sarif")) {
			assertEquals(Set.of(), sarifSchema.validate(new ObjectMapper().readTree(merged)));
		}
	}

	@Test
	void badShardsAndIncompleteMergesExitThreeWithAMessage() throws Exception {
		String fixtures = fixtures().toString();
		for (String bad : List.of("0/2", "3/2", "1/0", "1/1001", "2", "a/b", "-1/2")) {
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int code = capturingErr(err, () -> ShallCommand.execute("check", "--quiet", "--shard", bad, fixtures));
			assertEquals(3, code, bad);
			assertTrue(err.toString(StandardCharsets.UTF_8).contains("--shard"), bad + ": " + err);
		}
		Path one = folder.resolve("1.json");
		quietly(() -> ShallCommand.execute("check", "--engine", "bmc", "--depth", "2", "--quiet", "--shard", "1/2",
				"--out", "json=" + one, fixtures));
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(3, capturingErr(err, () -> ShallCommand.execute("merge", "--format", "json", one.toString())));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("shard 2/2 missing"), err.toString());
		err.reset();
		assertEquals(3, capturingErr(err, () -> ShallCommand.execute("merge", "--format", "sarif", one.toString())));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("not the SARIF report of a shard"), err.toString());
	}

	private static String normalise(String report) {
		return report.replaceAll("\"seconds\": [0-9.E-]+", "\"seconds\": 0").replaceAll("time=\"[0-9.]+\"",
				"time=\"0\"");
	}

	private static int quietly(Callable<Integer> command) throws Exception {
		return capturingErr(new ByteArrayOutputStream(), command);
	}

	private static int capturingErr(ByteArrayOutputStream err, Callable<Integer> command) throws Exception {
		PrintStream before = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			return command.call();
		} finally {
			System.setErr(before);
		}
	}

}
