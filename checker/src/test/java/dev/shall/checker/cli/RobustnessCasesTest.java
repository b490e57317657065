package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Inputs found by trying the tool as a new user would (issue 12) that once hung past the time
 * limit or gave no position: an empty file, a syntax error, a capacity of a million, a million
 * instances, twelve options (4,096 combinations). Each must end at once with exit 3 and its one
 * error at the construct, or — the valid one — check normally.
 */
class RobustnessCasesTest {

	@TempDir
	Path folder;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"empty.shall              | 3 | 1:1 shall.syntax",
			"syntax.shall             | 3 | 2:26 shall.syntax",
			"hang-capacity-1e6.shall  | 3 | 4:38 shall.limit-exceeded",
			"hang-instances-1e6.shall | 3 | 9:11 shall.limit-exceeded",
			"hang-options-12.shall    | 3 | 16:8 shall.limit-exceeded",
			"small-valid.shall        | 0 | none" })
	void endsAtOnceWithItsPositionedError(String name, int exit, String error) throws Exception {
		Path input = Path.of(RobustnessCasesTest.class.getResource("/cases/robustness/" + name).toURI());
		Path out = folder.resolve("r.json");
		int code = ShallCommand.execute("check", "--format", "json", "--out", out.toString(), "--timeout", "10", input
				.toString());
		JsonObject report = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
		List<String> errors = new ArrayList<>();
		for (var d : report.getAsJsonArray("diagnostics")) {
			JsonObject diagnostic = d.getAsJsonObject();
			if (diagnostic.get("severity").getAsString().equals("error")) {
				errors.add(diagnostic.get("line").getAsInt() + ":" + diagnostic.get("column").getAsInt() + " "
						+ diagnostic.get("code").getAsString());
			}
		}
		assertEquals(exit, code, report.toString());
		assertEquals(error.equals("none") ? List.of() : List.of(error), errors);
	}
}
