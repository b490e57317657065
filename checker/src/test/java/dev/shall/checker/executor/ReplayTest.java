package dev.shall.checker.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.cli.ShallCommand;

/**
 * {@code shall replay}: the engine's counterexamples shown with real bytes, a hand-written trace,
 * and the contradiction check (bytes that do not show what the engine claimed).
 */
class ReplayTest {

	@TempDir
	Path folder;

	private record Run(int code, String out, String err) {
	}

	/** The repository: the reports and traces lie in a temporary folder, the models they name in here. */
	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static Run shall(String... arguments) {
		String[] args = arguments;
		if (args[0].equals("replay")) {
			args = java.util.Arrays.copyOf(arguments, arguments.length + 2);
			args[arguments.length] = "--root";
			args[arguments.length + 1] = ROOT.toString();
		}
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	private static Path seed003() {
		return Path.of("../examples/seeds/003-smc-vs-inter-mme-handover.shall");
	}

	private Path checkToJson(Path model, String... options) {
		Path report = folder.resolve("report.json");
		String[] args = new String[5 + 2 * options.length];
		args[0] = "check";
		args[1] = "--format";
		args[2] = "json";
		args[3] = "--out=" + report;
		for (int i = 0; i < options.length; i++) {
			args[4 + 2 * i] = "--option";
			args[5 + 2 * i] = options[i];
		}
		args[args.length - 1] = model.toString();
		assertEquals(0, ShallCommand.execute(args));
		return report;
	}

	@Test
	void smcAbortedBeforeTheHandoverEndsInARealMacFailure() {
		Path report = checkToJson(seed003(), "restrainedSmc=newKasme", "completion=anyEnd");
		Run run = shall("replay", report.toString(), "--property", "kasmeAgreedAfterHandover");
		assertEquals(0, run.code(), run.err());
		assertTrue(run.out().contains("UE.kasme := KASME.new = "), run.out());
		assertTrue(run.out().contains("TargetMME.kasme := KASME.old = "), run.out());
		assertTrue(run.out().contains("— MAC FAILURE"), run.out());
		assertTrue(run.out().contains("The concrete run confirms the checker's verdict."), run.out());
	}

	@Test
	void boundBytesAreUsedAndTheSameRunGivesTheSameBytes() {
		Path report = checkToJson(seed003(), "restrainedSmc=newKasme", "completion=anyEnd");
		String old = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
		Run first = shall("replay", report.toString(), "--property", "kasmeAgreedAfterHandover", "--bind",
				"KASME.old=" + old, "--seed", "7");
		Run second = shall("replay", report.toString(), "--property", "kasmeAgreedAfterHandover", "--bind",
				"KASME.old=" + old, "--seed", "7");
		assertTrue(first.out().contains("KASME.old = " + old + " (bound on the command line)"), first.out());
		assertEquals(first.out(), second.out());
		Run otherSeed = shall("replay", report.toString(), "--property", "kasmeAgreedAfterHandover", "--seed", "8");
		assertTrue(!otherSeed.out().equals(first.out()));
	}

	@Test
	void bindingTwoAtomsToTheSameBytesContradictsTheCheckerAndExitsOne() {
		// distinct atoms are distinct keys for the checker; equal bytes void that, and the replay says so
		Path report = checkToJson(seed003(), "restrainedSmc=newKasme", "completion=anyEnd");
		String same = "aa".repeat(32);
		Run run = shall("replay", report.toString(), "--property", "kasmeAgreedAfterHandover", "--bind",
				"KASME.old=" + same, "--bind", "KASME.new=" + same);
		assertEquals(1, run.code(), run.out() + run.err());
		assertTrue(run.out().contains("ERROR OF THE CHECKER"), run.out());
		assertTrue(run.out().contains("— verified"), run.out());
	}

	@Test
	void freshnessViolationShowsTheRepeatedKeystream() throws Exception {
		Path model = Path.of(ReplayTest.class.getResource("/executor/keyed.shall").toURI());
		Run run = shall("replay", checkToJson(model).toString());
		assertEquals(0, run.code(), run.err());
		assertTrue(run.out().contains("ENB.skenb := SKeNB(KeNB.first, 0) = "), run.out());
		assertTrue(run.out().contains("KDF(KeNB.first, FC 0x1C, SCG Counter 0) (TS 33.401 A.15)"), run.out());
		assertTrue(run.out().contains("REPEATED KEYSTREAM"), run.out());
	}

	@Test
	void handWrittenTraceShowsTheMacFailureWhereTheCheckerDiscards() throws Exception {
		Path model = Path.of(ReplayTest.class.getResource("/executor/keyed.shall").toURI());
		Path trace = folder.resolve("trace.json");
		Files.writeString(trace, """
				{ "#meta": { "format": "shall-trace", "version": 1 },
				  "file": "%s", "procedure": "KeyedFixture", "instances": 1,
				  "steps": [
				    { "instance": 0, "role": "ENB", "step": "refresh" },
				    { "instance": 0, "role": "ENB", "step": "hello" },
				    { "instance": 0, "role": "rrc(ENB→UE)", "step": "integrity failure on rrc(ENB→UE)" } ] }
				""".formatted(model.toString().replace("\\", "\\\\")));
		Run run = shall("replay", trace.toString());
		assertEquals(0, run.code(), run.err());
		assertTrue(run.out().contains("ENB protects Hello (COUNT 0) with KeNB.second"), run.out());
		assertTrue(run.out().contains("UE verifies Hello with KeNB.first"), run.out());
		assertTrue(run.out().contains("— MAC FAILURE"), run.out());
	}

	@Test
	void aStepTheModelCannotTakeIsBadInputNamingTheStep() throws Exception {
		Path model = Path.of(ReplayTest.class.getResource("/executor/keyed.shall").toURI());
		Path trace = folder.resolve("trace.json");
		Files.writeString(trace, """
				{ "#meta": { "format": "shall-trace", "version": 1 }, "file": "%s",
				  "steps": [ { "instance": 0, "role": "UE", "step": "greet" } ] }
				""".formatted(model.toString().replace("\\", "\\\\")));
		Run run = shall("replay", trace.toString());
		assertEquals(3, run.code());
		assertTrue(run.err().contains("step 1 (instance 0, UE greet) cannot happen"), run.err());
		assertTrue(!run.err().contains("Exception"), run.err());
		Files.writeString(trace, "{ not json");
		assertEquals(3, shall("replay", trace.toString()).code());
		assertEquals(3, shall("replay", folder.resolve("missing.json").toString()).code());
	}
}
