package dev.shall.checker.cr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.shall.checker.cli.ShallCommand;
import dev.shall.model.Procedure;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * covers and out of scope from the language to the reports (ADR 0016): coverage of a small model,
 * the validator's errors, uncovered statements as warnings in JSON and SARIF located in the CR,
 * violations naming the statements their run crosses, shall diff of two CR revisions, and the
 * skeletons of the five seeds, which must parse and validate.
 */
class CoverageTest {

	@TempDir
	Path folder;

	static final String CR = """
			*** Begin Changes ***
			1.1\tTiny procedure
			1.
			The MME shall send the command to the UE.
			2.
			The UE shall set the key on receipt.
			Editor's Note: it is FFS whether the MME may retry.
			The MME shall log the exchange. The UE should report failures.
			*** End Changes ***
			""";

	static final String MODEL = """
			procedure Tiny spec "TS 99.999" clause "1.1" "tiny"
			cr "tiny.txt"
			option retry "Editor's Note: may the MME retry?" { yes, no } covers "1.1/e1"
			role UE { var key : bool = false }
			role MME { var sent : bool = false }
			channel nas : MME -> UE reliable capacity 1
			message Command
			step 1 clause "1.1 step 1": MME shall "send the command" when not sent {
			  send Command on nas
			  sent := true
			} covers "1.1/s1"
			step 2 clause "1.1 step 2": UE shall receive Command on nas { key := true } covers "1.1/s2"
			property keyNeverSet: never UE.key expect violated covers "1.1/s2", "1.1/s9"
			out of scope "1.1/s3" "the MME's log is not modelled"
			""";

	private Path write(String name, String text) throws Exception {
		Path file = folder.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	private static LoadedFile load(Path file) {
		return ProcedureFrontEnd.find().load(List.of(file)).get(0);
	}

	/** Runs shall; its standard output (check writes its report to System.out itself) and its writer's. */
	private static String run(int expected, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
		java.io.PrintStream standardOut = System.out;
		System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
		int code;
		try {
			code = ShallCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		} finally {
			System.setOut(standardOut);
		}
		String all = captured.toString(java.nio.charset.StandardCharsets.UTF_8) + out;
		assertEquals(expected, code, () -> all + "\n" + err);
		return all;
	}

	@Test
	void coverageOfASmallModel() throws Exception {
		Path cr = write("tiny.txt", CR);
		Path model = write("tiny.shall", MODEL);
		LoadedFile loaded = load(model);
		assertTrue(loaded.diagnostics().stream().noneMatch(d -> d.severity() == SourceDiagnostic.Severity.ERROR), loaded
				.diagnostics()::toString);
		Procedure procedure = loaded.procedure().orElseThrow();
		assertEquals(cr.toAbsolutePath(), Coverage.crPath(procedure, model, null).toAbsolutePath());
		Coverage coverage = Coverage.of(procedure, model.toString(), StatementInventory.of(cr));
		assertEquals(List.of("1.1/s1 covered [step 1]", "1.1/s2 covered [step 2, property keyNeverSet]",
				"1.1/e1 covered [option retry]", "1.1/s3 out of scope []", "1.1/s4 uncovered []"), coverage.entries()
						.stream().map(e -> e.statement().id() + " " + e.state().label() + " " + e.elements()).toList());
		assertEquals(5, coverage.counted());
		assertEquals(0.75, coverage.figure(), 1e-9);
		assertEquals("3 of 4 statements in scope covered (75%), 1 out of scope, 1 uncovered", coverage.summary());
		// an id the CR does not have: a warning at the element that names it
		assertEquals(1, coverage.diagnostics().size());
		SourceDiagnostic unknown = coverage.diagnostics().get(0);
		assertEquals(Coverage.UNKNOWN_STATEMENT, unknown.code());
		assertEquals(13, unknown.line());
		assertTrue(unknown.message().contains("1.1/s9"), unknown.message());
		assertEquals(List.of("1.1/s4"), coverage.findings().stream().map(f -> f.property()).toList());
	}

	/**
	 * A CR checked in two files: a statement is covered when one of them covers it, out of scope when
	 * none covers it and one declares it out of scope; --fail-under judges the files together.
	 */
	@Test
	void filesOfOneCrAreMeasuredTogether() throws Exception {
		write("tiny.txt", CR);
		Path first = write("tiny.shall", MODEL);
		Path second = write("tiny-failures.shall", """
				procedure TinyFailures spec "TS 99.999" clause "1.1" "the UE's reports"
				cr "tiny.txt"
				role UE { var reported : bool = false }
				step report clause "1.1": UE may "report a failure" when not reported { reported := true } covers "1.1/s4"
				out of scope "1.1/s1" "the command: tiny.shall"
				""");
		StatementInventory inventory = StatementInventory.of(folder.resolve("tiny.txt"));
		Coverage together = Coverage.together(List.of(Coverage.of(load(first).procedure().orElseThrow(), "tiny.shall",
				inventory), Coverage.of(load(second).procedure().orElseThrow(), "tiny-failures.shall", inventory)));
		assertEquals(List.of("1.1/s1 covered [tiny.shall: step 1]", "1.1/s2 covered [tiny.shall: step 2, tiny.shall: "
				+ "property keyNeverSet]", "1.1/e1 covered [tiny.shall: option retry]", "1.1/s3 out of scope []",
				"1.1/s4 covered [tiny-failures.shall: step report]"), together.entries().stream().map(e -> e.statement()
						.id() + " " + e.state().label() + " " + e.elements()).toList());
		assertEquals("the MME's log is not modelled", together.entries().get(3).reason());
		assertEquals("4 of 4 statements in scope covered (100%), 1 out of scope, 0 uncovered", together.summary());
		assertThrows(IllegalArgumentException.class, () -> Coverage.together(List.of()));

		String text = run(0, "coverage", "--fail-under", "100", first.toString(), second.toString());
		assertTrue(text.contains("Tiny + TinyFailures  (2 files together)"), text);
		assertTrue(text.contains("1.1/s3       out of scope in every file: the MME's log is not modelled"), text);
		run(1, "coverage", "--fail-under", "100", first.toString());
		JsonObject json = JsonParser.parseString(run(0, "coverage", "--format", "json", first.toString(), second
				.toString())).getAsJsonObject();
		JsonObject joint = json.getAsJsonArray("together").get(0).getAsJsonObject();
		assertEquals(4, joint.get("covered").getAsInt());
		assertEquals(0, joint.get("uncovered").getAsInt());
	}

	@Test
	void theValidatorRefusesContradictionsAndMalformedIds() throws Exception {
		write("tiny.txt", CR);
		Path model = write("bad.shall", MODEL.replace("out of scope \"1.1/s3\"", "out of scope \"1.1/s1\"").replace(
				"covers \"1.1/e1\"", "covers \"e1\""));
		List<SourceDiagnostic> errors = load(model).diagnostics().stream().filter(d -> d.severity()
				== SourceDiagnostic.Severity.ERROR).toList();
		assertEquals(Set.of("shall.coverage-conflict", "shall.statement-id"), errors.stream().map(SourceDiagnostic::code)
				.collect(Collectors.toSet()), errors::toString);
		SourceDiagnostic conflict = errors.stream().filter(d -> d.code().equals("shall.coverage-conflict")).findFirst()
				.orElseThrow();
		assertEquals(14, conflict.line());
		assertTrue(conflict.message().contains("1.1/s1 is covered (line 11)"), conflict.message());
	}

	@Test
	void checkReportsUncoveredStatementsAndWhatARunCrosses() throws Exception {
		Path cr = write("tiny.txt", CR);
		Path model = write("tiny.shall", MODEL);
		JsonObject json = JsonParser.parseString(run(0, "check", "-q", "--format", "json", model.toString()))
				.getAsJsonObject();
		JsonObject uncovered = null;
		JsonObject property = null;
		for (JsonElement e : json.getAsJsonArray("results")) {
			JsonObject r = e.getAsJsonObject();
			if (r.get("kind").getAsString().equals("uncovered-statement")) {
				uncovered = r;
			}
			if (r.get("property").getAsString().equals("keyNeverSet")) {
				property = r;
			}
		}
		assertEquals("1.1/s4", uncovered.get("property").getAsString());
		assertEquals(cr.toString(), uncovered.get("file").getAsString());
		assertEquals(8, uncovered.get("line").getAsInt());
		assertEquals(33, uncovered.get("column").getAsInt());
		assertEquals("violated", property.get("verdict").getAsString());
		JsonArray crossed = property.getAsJsonArray("statements");
		assertEquals("[\"1.1/s1\",\"1.1/s2\"]", crossed.toString());
		assertTrue(json.getAsJsonArray("diagnostics").toString().contains("shall.unknown-statement"));

		JsonObject sarif = JsonParser.parseString(run(0, "check", "-q", "--format", "sarif", model.toString()))
				.getAsJsonObject();
		JsonObject result = null;
		for (JsonElement e : sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results")) {
			if (e.getAsJsonObject().get("ruleId").getAsString().equals("uncoveredStatement")) {
				result = e.getAsJsonObject();
			}
		}
		assertEquals("warning", result.get("level").getAsString());
		JsonObject location = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject(
				"physicalLocation");
		assertTrue(location.getAsJsonObject("artifactLocation").get("uri").getAsString().endsWith("tiny.txt"));
		assertEquals(8, location.getAsJsonObject("region").get("startLine").getAsInt());
		assertEquals(33, location.getAsJsonObject("region").get("startColumn").getAsInt());

		String text = run(0, "check", "-q", model.toString());
		assertTrue(text.contains("the run crosses 1.1/s1, 1.1/s2"), text);
		assertTrue(text.contains("UNCOVERED  1.1/s4"), text);
		assertTrue(text.contains("1 CR statement not covered by the model"), text);
		String junit = run(0, "check", "-q", "--format", "junit", model.toString());
		assertTrue(junit.contains("uncovered statement 1.1/s4"), junit);
		Path report = folder.resolve("report");
		run(0, "check", "-q", "--report", report.toString(), "--out", folder.resolve("out.txt").toString(), model
				.toString());
		String html = Files.readString(report.resolve("index.html"));
		assertTrue(html.contains("UNCOVERED — The UE should report failures."), html);
	}

	@Test
	void checkWithCrGivenOnTheCommandLine() throws Exception {
		Path cr = write("other.txt", CR);
		Path model = write("nocr.shall", MODEL.replace("cr \"tiny.txt\"\n", ""));
		String without = run(0, "check", "-q", model.toString());
		assertTrue(!without.contains("UNCOVERED"), without);
		String with = run(0, "check", "-q", "--cr", cr.toString(), model.toString());
		assertTrue(with.contains("UNCOVERED  1.1/s4"), with);
		// a CR that cannot be read is bad input at the procedure
		run(3, "check", "-q", "--cr", folder.resolve("missing.txt").toString(), model.toString());
	}

	@Test
	void coverageCommandOnSeed000() throws Exception {
		String text = run(0, "coverage", "../examples/seeds/000-senb-addition.shall");
		assertTrue(text.contains("4 of 4 statements in scope covered (100%), 0 out of scope, 0 uncovered"), text);
		assertTrue(text.contains("X.2.3/s3     covered by option algorithmToUe"), text);
		// seed 002's entry point covers every statement in scope, the access-control ones with its attacker
		// (issue 18); the releases (16.5, 16.6) are out of scope there, covered by its -release companion
		String lwip = run(0, "coverage", "--fail-under", "100", "../examples/seeds/002-lwip-revision-2.shall");
		assertTrue(lwip.contains("7 of 7 statements in scope covered (100%), 7 out of scope, 0 uncovered"), lwip);
		assertTrue(lwip.contains("16.2.2/s7    covered by option outsideTunnel, step forward, property accessControl"),
				lwip);
		// a figure below --fail-under exits 1
		write("tiny.txt", CR);
		String tiny = run(1, "coverage", "--fail-under", "90", write("tiny.shall", MODEL).toString());
		assertTrue(tiny.contains("3 of 4 statements in scope covered (75%), 1 out of scope, 1 uncovered"), tiny);
		assertTrue(tiny.contains("1.1/s4       UNCOVERED"), tiny);
		JsonObject json = JsonParser.parseString(run(0, "coverage", "--format", "json",
				"../examples/seeds/003-smc-vs-inter-mme-handover.shall")).getAsJsonObject();
		JsonObject procedure = json.getAsJsonArray("procedures").get(0).getAsJsonObject();
		// seed 003 models the algorithm-change SMC of 5.4.3.1/s1 (issue 18): covered, nothing out of scope
		assertEquals(0, procedure.get("outOfScope").getAsInt());
		assertEquals(1, procedure.get("covered").getAsInt());
		JsonObject statement = procedure.getAsJsonArray("statements").get(0).getAsJsonObject();
		assertEquals("covered", statement.get("state").getAsString());
		assertTrue(statement.getAsJsonArray("coveredBy").toString().contains("step smcAlgorithms"), statement
				.toString());
	}

	/** A statement out of scope, in JSON: its state and the reason (seed 003 used to show it; now the small model). */
	@Test
	void coverageJsonNamesAStatementOutOfScopeWithItsReason() throws Exception {
		write("tiny.txt", CR);
		Path model = write("tiny.shall", MODEL);
		JsonObject json = JsonParser.parseString(run(0, "coverage", "--format", "json", model.toString()))
				.getAsJsonObject();
		JsonObject procedure = json.getAsJsonArray("procedures").get(0).getAsJsonObject();
		assertEquals(1, procedure.get("outOfScope").getAsInt());
		JsonObject outOfScope = null;
		for (var element : procedure.getAsJsonArray("statements")) {
			if (element.getAsJsonObject().get("id").getAsString().equals("1.1/s3")) {
				outOfScope = element.getAsJsonObject();
			}
		}
		assertTrue(outOfScope != null, procedure.toString());
		assertEquals("out of scope", outOfScope.get("state").getAsString());
		assertEquals("the MME's log is not modelled", outOfScope.get("reason").getAsString());
	}

	/**
	 * Every seed is checked in several files (an entry point and companions that each check a
	 * part of the text, small enough to check in seconds): each file is at 100 % of what it keeps in
	 * scope, and together they cover every normative statement and Editor's Note of the CR — a
	 * statement one file declares out of scope is covered by another, or declared out of scope, with its
	 * reason, by every file (001's rate limitation, say).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "000-senb-addition", "001-lwip-revision-1", "002-lwip-revision-2", "003-smc-vs-inter-mme-handover",
			"004-dsmipv6-child-sa" })
	void theFilesOfASeedTogetherCoverEveryStatement(String seed) throws Exception {
		List<String> files;
		try (Stream<Path> list = Files.list(Path.of("..", "examples", "seeds"))) {
			files = list.map(Path::toString).filter(f -> Path.of(f).getFileName().toString().startsWith(seed)).sorted()
					.toList();
		}
		assertTrue(files.size() > 1 && files.contains(Path.of("..", "examples", "seeds", seed + ".shall").toString()),
				files.toString());
		String[] arguments = Stream.concat(Stream.of("coverage", "--format", "json", "--fail-under", "100"), files
				.stream()).toArray(String[]::new);
		JsonArray procedures = JsonParser.parseString(run(0, arguments)).getAsJsonObject().getAsJsonArray("procedures");
		assertEquals(files.size(), procedures.size());
		Set<String> counted = new java.util.TreeSet<>();
		Set<String> covered = new java.util.TreeSet<>();
		// a statement every file declares out of scope (with its reason) is left out of the seed as a whole
		Set<String> outOfScopeEverywhere = null;
		for (JsonElement procedure : procedures) {
			Set<String> outOfScope = new java.util.TreeSet<>();
			assertEquals(0, procedure.getAsJsonObject().get("uncovered").getAsInt(), procedure.toString());
			for (JsonElement element : procedure.getAsJsonObject().getAsJsonArray("statements")) {
				JsonObject statement = element.getAsJsonObject();
				String kind = statement.get("kind").getAsString();
				if (!kind.equals("possibility") && !kind.equals("note")) {
					counted.add(statement.get("id").getAsString());
				}
				if (statement.get("state").getAsString().equals("covered")) {
					covered.add(statement.get("id").getAsString());
				}
				if (statement.get("state").getAsString().equals("out of scope")) {
					outOfScope.add(statement.get("id").getAsString());
				}
			}
			if (outOfScopeEverywhere == null) {
				outOfScopeEverywhere = outOfScope;
			} else {
				outOfScopeEverywhere.retainAll(outOfScope);
			}
		}
		Set<String> left = outOfScopeEverywhere;
		assertTrue(!counted.isEmpty() && counted.stream().allMatch(id -> covered.contains(id) || left.contains(id)),
				"uncovered by every file: " + counted.stream().filter(id -> !covered.contains(id) && !left.contains(id))
						.toList());
		// the command says the same of the files together
		JsonObject together = JsonParser.parseString(run(0, arguments)).getAsJsonObject().getAsJsonArray("together").get(
				0).getAsJsonObject();
		long leftCounted = counted.stream().filter(id -> !covered.contains(id)).count();
		assertEquals(counted.size() - leftCounted, together.get("covered").getAsInt(), together.toString());
		assertEquals(leftCounted, together.get("outOfScope").getAsInt(), together.toString());
		assertEquals(0, together.get("uncovered").getAsInt());
	}

	@Test
	void diffOfTwoCrRevisionsNamesTheVerdictsThatChangedWithThem() throws Exception {
		write("old.txt", CR.replace("The UE shall set the key on receipt.", "The UE shall ignore the command on receipt."));
		write("new.txt", CR);
		Path old = write("old.shall", MODEL.replace("cr \"tiny.txt\"", "cr \"old.txt\"").replace("{ key := true }", "{ }")
				.replace(" expect violated", ""));
		Path now = write("new.shall", MODEL.replace("cr \"tiny.txt\"", "cr \"new.txt\"").replace(" expect violated", ""));
		String text = run(1, "diff", "--depth", "10", old.toString(), now.toString());
		assertTrue(text.contains("changed  1.1/s2"), text);
		assertTrue(text.contains("- The UE shall ignore the command on receipt."), text);
		assertTrue(text.contains("verdict property keyNeverSet {retry=yes}: broken (holds → violated)"), text);
		// two CRs alone: their statements only
		String crs = run(0, "diff", folder.resolve("old.txt").toString(), folder.resolve("new.txt").toString());
		assertTrue(crs.contains("1 differ") && crs.contains("changed  1.1/s2"), crs);
	}

	/**
	 * The language server's quick check (the QuickChecker service) warns of them at the procedure: seed
	 * 002 without the elements that cover its two access-control statements (16.2.2/s6, s7).
	 */
	@Test
	void theEditorWarnsOfUncoveredStatements() throws Exception {
		Path seed = Path.of("..", "examples", "seeds", "002-lwip-revision-2.shall");
		Files.createDirectories(folder.resolve("cr"));
		Files.copy(Path.of("..", "examples", "cr", "002-lwip-revision-2.txt"), folder.resolve("cr").resolve(
				"002-lwip-revision-2.txt"));
		List<String> lines = Files.readAllLines(seed).stream().map(line -> line.trim().startsWith("covers")
				? line.replace("\"16.2.2/s6\", ", "").replace(", \"16.2.2/s7\"", "").replace("\"16.2.2/s7\", ", "")
				: line).filter(line -> !line.trim().equals("covers \"16.2.2/s6\"") && !line.trim().equals(
						"covers \"16.2.2/s7\"")).toList();
		Files.createDirectories(folder.resolve("seeds"));
		Path model = Files.write(folder.resolve("seeds").resolve("002-lwip-revision-2.shall"), lines);
		Procedure procedure = load(model).procedure().orElseThrow();
		List<dev.shall.model.check.CheckMark> marks = new dev.shall.checker.ide.EditorQuickCheck().check(procedure, model,
				java.time.Duration.ofSeconds(20), () -> false);
		List<dev.shall.model.check.CheckMark> uncovered = marks.stream().filter(m -> m
				.question() == dev.shall.model.check.CheckMark.Question.UNCOVERED_STATEMENT).toList();
		assertEquals(2, uncovered.size(), marks::toString);
		assertEquals(dev.shall.model.check.CheckMark.Severity.WARNING, uncovered.get(0).severity());
		assertTrue(uncovered.get(0).message().startsWith("Statement 16.2.2/s6 of the CR is covered by no element"),
				uncovered.get(0).message());
		assertEquals(lines.indexOf(lines.stream().filter(l -> l.startsWith("procedure ")).findFirst().orElseThrow()) + 1,
				uncovered.get(0).line(), "at the procedure");
	}

	@ParameterizedTest
	@ValueSource(strings = { "000-senb-addition.txt", "001-lwip-revision-1.txt", "002-lwip-revision-2.txt",
			"003-smc-vs-inter-mme-handover.txt", "004-dsmipv6-child-sa.txt" })
	void skeletonsParseAndValidate(String seed) throws Exception {
		Path cr = Path.of("..", "examples", "cr", seed);
		Path out = folder.resolve("out");
		run(0, "import", "--out", out.toString(), cr.toString());
		Path skeleton = out.resolve(seed.replace(".txt", ".shall"));
		LoadedFile loaded = load(skeleton);
		assertEquals(List.of(), loaded.diagnostics().stream().filter(d -> d.severity() == SourceDiagnostic.Severity.ERROR)
				.toList());
		Procedure procedure = loaded.procedure().orElseThrow();
		StatementInventory inventory = StatementInventory.of(cr);
		assertEquals(inventory.roles().size(), procedure.getRoles().size());
		assertEquals(inventory.steps().size(), procedure.getTransitions().size());
		assertEquals(inventory.statements().stream().filter(s -> s.kind() == Statement.Kind.EDITORS_NOTE).count(),
				procedure.getOptions().size());
		// every statement is listed in the skeleton, and the cr line leads back to the CR
		String text = Files.readString(skeleton);
		assertTrue(inventory.statements().stream().allMatch(s -> text.contains("//   " + s.id() + "  ")));
		Coverage coverage = Coverage.of(procedure, skeleton.toString(), StatementInventory.of(Coverage.crPath(procedure,
				skeleton, null)));
		assertEquals(0, coverage.count(Coverage.State.COVERED));
		assertTrue(Files.exists(out.resolve(seed.replace(".txt", ".inventory.json"))));
		try (Stream<String> lines = Files.lines(out.resolve(seed.replace(".txt", ".inventory.json")))) {
			assertTrue(lines.anyMatch(l -> l.contains("\"statements\"")));
		}
	}
}
