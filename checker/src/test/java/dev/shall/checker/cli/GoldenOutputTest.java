package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports, byte for byte, against expected files under {@code src/test/resources/golden/}
 * (times and the checkout's folder blanked). A change of wording or of a field is a change of
 * the golden files: rerun with {@code -Dshall.golden.update=true} and review the diff.
 */
class GoldenOutputTest {

	@TempDir
	Path folder;

	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource({
		"handshake, text, 0, src/test/resources/fixtures/handshake.shall",
		"handshake, json, 0, src/test/resources/fixtures/handshake.shall",
		"handshake, junit, 0, src/test/resources/fixtures/handshake.shall",
		"vacuity, text, 0, src/test/resources/fixtures/vacuity.shall",
		"vacuity, json, 0, src/test/resources/fixtures/vacuity.shall",
		"vacuity, junit, 0, src/test/resources/fixtures/vacuity.shall",
		"vacuity, sarif, 0, src/test/resources/fixtures/vacuity.shall",
		"mismatch, text, 1, src/test/resources/cli/mismatch.shall",
		"broken, text, 3, src/test/resources/cli/broken.shall",
		"broken, json, 3, src/test/resources/cli/broken.shall",
	})
	void reportMatchesGoldenFile(String name, String format, int exitCode, String input) throws Exception {
		Path out = folder.resolve("out");
		// one engine, so that which engine answers first never changes the output
		int code = ShallCommand.execute("check", "--engine", "kind", "--format", format, "--out", out.toString(), input);
		assertEquals(exitCode, code);
		String actual = normalise(Files.readString(out, StandardCharsets.UTF_8));
		Path golden = Path.of("src/test/resources/golden", name + "." + format);
		if (Boolean.getBoolean("shall.golden.update")) {
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
		}
		assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
	}

	private static String normalise(String report) {
		String here = Path.of("").toAbsolutePath().toString();
		return report.replace(here + java.io.File.separator, "").replace(here, "")
				.replaceAll("\\d+\\.\\d+s\\b", "<t>s")
				.replaceAll("\"seconds\": [0-9.E-]+", "\"seconds\": 0")
				.replaceAll("time=\"[0-9.]+\"", "time=\"0\"")
				.replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"\"")
				// where the checkout was: SARIF's %SRCROOT% (the Git working tree above this folder)
				.replaceAll("(\"%SRCROOT%\": \\{\\s*\"uri\": \")[^\"]*\"", "$1<root>\"")
				.replace("\r\n", "\n");
	}
}
