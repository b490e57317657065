package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.shall.checker.sat.CadicalSolver;
import dev.shall.checker.sat.SatBackend;

/**
 * {@code shall check --sat}: SAT4J by name, a backend that does not exist or cannot be loaded is
 * exit code 3 with the reason (never a silent fall-back), {@code auto} always runs, the choice is
 * the command's own (not left behind in the JVM), and with the library the native backend gives
 * SAT4J's verdicts with every engine.
 */
class SatOptionTest {

	private static Path handshake() throws Exception {
		return Path.of(SatOptionTest.class.getResource("/fixtures/handshake.shall").toURI());
	}

	private static int check(StringWriter err, String... sat) throws Exception {
		String[] arguments = new String[sat.length + 3];
		arguments[0] = "check";
		arguments[1] = "--quiet";
		System.arraycopy(sat, 0, arguments, 2, sat.length);
		arguments[arguments.length - 1] = handshake().toString();
		// the command's own messages go to System.err, picocli's to the writer given
		java.io.PrintStream saved = System.err;
		java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
		System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			return ShallCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), arguments);
		} finally {
			System.setErr(saved);
			err.write(captured.toString(java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	@Test
	void choosesTheBackendOrSaysWhyNot() throws Exception {
		String before = System.getProperty(SatBackend.PROPERTY);
		StringWriter err = new StringWriter();
		assertEquals(0, check(err, "--sat", "sat4j"), err.toString());
		assertEquals(before, System.getProperty(SatBackend.PROPERTY), "the command's choice ends with it");
		err = new StringWriter();
		assertEquals(3, check(err, "--sat", "minisat"));
		assertTrue(err.toString().contains("unknown SAT backend 'minisat'"), err.toString());
		err = new StringWriter();
		assertEquals(0, check(err, "--sat", "auto"), err.toString());
		if (!CadicalSolver.available()) {
			err = new StringWriter();
			assertEquals(3, check(err, "--sat", "cadical"));
			assertTrue(err.toString().contains("not available"), err.toString());
		}
		assertNull(before, "no backend chosen for the test JVM");
	}

	@TempDir
	Path folder;

	/** "question verdict" of each result of the JSON report. */
	private List<String> verdicts(String sat, String engine) throws Exception {
		Path out = folder.resolve(sat + "-" + engine + ".json");
		StringWriter err = new StringWriter();
		int code = check(err, "--sat", sat, "--engine", engine, "--out", "json=" + out);
		assertTrue(code == 0 || code == 2, sat + " " + engine + ": exit " + code + " " + err);
		List<String> verdicts = new ArrayList<>();
		for (var element : JsonParser.parseString(Files.readString(out)).getAsJsonObject().getAsJsonArray("results")) {
			JsonObject result = element.getAsJsonObject();
			verdicts.add(result.get("property").getAsString() + " " + result.get("verdict").getAsString());
		}
		return verdicts;
	}

	@Test
	void theNativeBackendGivesSat4jsVerdicts() throws Exception {
		assumeTrue(CadicalSolver.available(), () -> "CaDiCaL not available: " + CadicalSolver.unavailableReason());
		for (String engine : new String[] { "bmc", "kind", "ic3", "auto" }) {
			List<String> reference = verdicts("sat4j", engine);
			assertEquals(reference, verdicts("cadical", engine), engine);
			assertTrue(reference.stream().anyMatch(v -> !v.endsWith(" unknown")), engine + " decides something");
		}
	}
}
