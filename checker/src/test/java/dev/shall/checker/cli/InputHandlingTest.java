package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What a user gets for input that is not a plain .shall file (issue 12): an empty folder, a
 * misspelt option, an output folder that does not exist, a byte-order mark or CR-only line
 * endings, and imports that are missing, folders, pipes, URLs or outside the project.
 */
class InputHandlingTest {

	@TempDir
	Path folder;

	private static final String BODY = """
			procedure P clause "1"
			role A { var x : bool = false }
			step 1 clause "1": A shall when not x { x := true }
			property p clause "1": never A.x
			  expect violated
			""";

	private JsonObject check(String... args) throws Exception {
		Path out = folder.resolve("report.json");
		Files.deleteIfExists(out);
		String[] all = new String[args.length + 5];
		all[0] = "check";
		all[1] = "--format";
		all[2] = "json";
		all[3] = "--out";
		all[4] = out.toString();
		System.arraycopy(args, 0, all, 5, args.length);
		int code = ShallCommand.execute(all);
		JsonObject report = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
		report.addProperty("exit", code);
		return report;
	}

	private static JsonObject onlyError(JsonObject report) {
		JsonArray errors = new JsonArray();
		for (var d : report.getAsJsonArray("diagnostics")) {
			if (d.getAsJsonObject().get("severity").getAsString().equals("error")) {
				errors.add(d);
			}
		}
		assertEquals(1, errors.size(), report.toString());
		return errors.get(0).getAsJsonObject();
	}

	@Test
	void anEmptyFolderIsBadInput() throws Exception {
		Path empty = Files.createDirectory(folder.resolve("empty"));
		JsonObject report = check(empty.toString());
		assertEquals(3, report.get("exit").getAsInt());
		assertTrue(onlyError(report).get("message").getAsString().contains("no .shall file"));
	}

	@Test
	void anOptionNoProcedureHasIsBadInput() throws Exception {
		Path file = Files.writeString(folder.resolve("p.shall"), BODY);
		JsonObject report = check("--option", "nosuch=yes", file.toString());
		assertEquals(3, report.get("exit").getAsInt());
		assertEquals("shall.unknown-option", onlyError(report).get("code").getAsString());
	}

	@Test
	void anOutputIntoAMissingFolderIsRefusedBeforeTheRun() throws Exception {
		Path file = Files.writeString(folder.resolve("p.shall"), BODY);
		assertEquals(3, ShallCommand.execute("check", "--out", folder.resolve("no/such/r.json").toString(), file
				.toString()));
	}

	@Test
	void aByteOrderMarkAndCarriageReturnsAreText() throws Exception {
		byte[] text = ("\ufeff" + BODY.replace("\n", "\r") + "property q clause \"1\": never A.y\r")
				.getBytes(StandardCharsets.UTF_8);
		Path file = Files.write(folder.resolve("mac.shall"), text);
		JsonObject error = check(file.toString()).getAsJsonArray("diagnostics").get(0).getAsJsonObject();
		// the undefined name is on line 6, column 30, as an editor shows it
		assertEquals("shall.undefined-name", error.get("code").getAsString(), error.toString());
		assertEquals(6, error.get("line").getAsInt());
		assertEquals(30, error.get("column").getAsInt());
		JsonObject clean = check(Files.write(folder.resolve("bom.shall"), ("\ufeff" + BODY.replace("\n", "\r"))
				.getBytes(StandardCharsets.UTF_8)).toString());
		assertEquals(0, clean.get("exit").getAsInt(), clean.toString());
	}

	@Test
	void importsMustBeRegularLocalFilesInsideTheProject() throws Exception {
		Path project = Files.createDirectory(folder.resolve("project"));
		Files.createDirectory(project.resolve("folder"));
		Files.writeString(folder.resolve("outside.shall"), "rules Outside\n");
		new ProcessBuilder("mkfifo", project.resolve("pipe.shall").toString()).start().waitFor();
		String[][] cases = { { "missing.shall", "there is no file" }, { "folder", "is a folder" },
				{ "pipe.shall", "not a regular file" }, { "http://example.com/r.shall", "not a local file" },
				{ "../outside.shall", "outside the project folder" } };
		for (String[] c : cases) {
			Path file = Files.writeString(project.resolve("p.shall"), "import \"" + c[0] + "\"\n" + BODY);
			JsonObject report = check("--root", project.toString(), file.toString());
			JsonObject error = onlyError(report);
			assertEquals(3, report.get("exit").getAsInt(), c[0]);
			assertEquals("shall.bad-import", error.get("code").getAsString(), c[0]);
			assertEquals(1, error.get("line").getAsInt(), c[0]);
			assertEquals(8, error.get("column").getAsInt(), c[0]);
			assertTrue(error.get("message").getAsString().contains(c[1]), error.toString());
		}
		Path file = Files.writeString(project.resolve("p.shall"), "import \"../outside.shall\"\n" + BODY);
		assertEquals(0, check("--root", project.toString(), "--imports-anywhere", file.toString()).get("exit")
				.getAsInt());
	}
}
