package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code --cache}: a second run reuses every result and says so; the cached report equals the
 * first but for engines and times; any change to the model, to a rule library it imports or to a
 * setting that changes verdicts is a miss. {@code --changed-since}: only the files Git reports
 * changed and those importing them; a clear error outside a Git working tree.
 */
class CacheTest {

	@TempDir
	Path folder;

	private Path model;
	private Path rules;

	private void project(Path where) throws Exception {
		Files.createDirectories(where);
		model = where.resolve("child-sa.shall");
		rules = where.resolve("ikev2-rules.shall");
		Files.copy(Path.of("src/test/resources/cases/citation/child-sa.shall"), model);
		Files.copy(Path.of("src/test/resources/cases/citation/ikev2-rules.shall"), rules);
	}

	private JsonArray check(String... extra) throws Exception {
		Path out = folder.resolve("out-" + System.nanoTime() + ".json");
		List<String> arguments = new ArrayList<>(List.of("check", "-q", "--root", folder.toString(), "--out", "json="
				+ out));
		arguments.addAll(List.of(extra));
		int code = ShallCommand.execute(arguments.toArray(String[]::new));
		assertTrue(code == 0 || code == 1, "exit code " + code);
		return JsonParser.parseString(Files.readString(out)).getAsJsonObject().getAsJsonArray("results");
	}

	private static long cached(JsonArray results) {
		long n = 0;
		for (JsonElement result : results) {
			n += result.getAsJsonObject().get("engine").getAsString().endsWith(" (cached)") ? 1 : 0;
		}
		return n;
	}

	/** The results without what a cache hit changes: the engine's mark and the time. */
	private static JsonArray comparable(JsonArray results) {
		JsonArray copy = results.deepCopy();
		for (JsonElement result : copy) {
			JsonObject object = result.getAsJsonObject();
			object.addProperty("engine", object.get("engine").getAsString().replace(" (cached)", ""));
			object.remove("seconds");
		}
		return copy;
	}

	@Test
	void aSecondRunIsCachedAndAChangedRuleLibraryIsNot() throws Exception {
		project(folder.resolve("specs"));
		String cache = folder.resolve("cache").toString();
		JsonArray first = check("--cache", cache, model.toString());
		assertEquals(0, cached(first));
		JsonArray second = check("--cache", cache, model.toString());
		assertEquals(first.size(), cached(second), "every result from the cache");
		assertEquals(comparable(first), comparable(second), "the same results, traces included");

		// a setting that changes verdicts is another key
		assertEquals(0, cached(check("--cache", cache, "--depth", "12", model.toString())));

		// the imported library changes: the rule's clause is now 1.4.2, and the report must say so
		Files.writeString(rules, Files.readString(rules).replace("clause \"1.4.1\"", "clause \"1.4.2\""),
				StandardCharsets.UTF_8);
		JsonArray third = check("--cache", cache, model.toString());
		assertEquals(0, cached(third), "a change in an imported rule file invalidates");
		assertTrue(third.toString().contains("RFC 7296 1.4.2"), third.toString());
		assertFalse(third.toString().contains("RFC 7296 1.4.1"), third.toString());
		assertEquals(third.size(), cached(check("--cache", cache, model.toString())));

		// the model itself changes
		Files.writeString(model, Files.readString(model) + "\n// edited\n", StandardCharsets.UTF_8);
		assertEquals(0, cached(check("--cache", cache, model.toString())));
	}

	@Test
	void aDamagedEntryIsAMiss() throws Exception {
		project(folder.resolve("specs"));
		Path cache = folder.resolve("cache");
		check("--cache", cache.toString(), model.toString());
		try (var files = Files.walk(cache)) {
			for (Path entry : files.filter(Files::isRegularFile).toList()) {
				Files.writeString(entry, "{\"findings\": [", StandardCharsets.UTF_8);
			}
		}
		assertEquals(0, cached(check("--cache", cache.toString(), model.toString())));
	}

	@Test
	void changedSinceChecksTheChangedFilesAndTheirImporters() throws Exception {
		Path repository = folder.resolve("repo");
		project(repository);
		Path other = repository.resolve("other.shall");
		Files.writeString(other, Files.readString(model).replace("import \"ikev2-rules.shall\"", "").replace(
				"procedure ChildSa", "procedure Other").replaceAll("(?s)property fromRule.*", "property p: never HA"
						+ ".undecryptable\n  expect violated\n"), StandardCharsets.UTF_8);
		git(repository, "init", "-q");
		git(repository, "add", ".");
		git(repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "models");
		assertEquals(0, check("--changed-since", "HEAD", repository.toString()).size(), "nothing changed");
		Files.writeString(rules, Files.readString(rules) + "\n// edited\n", StandardCharsets.UTF_8);
		JsonArray results = check("--changed-since", "HEAD", repository.toString());
		assertFalse(results.isEmpty());
		for (JsonElement result : results) {
			// the library changed: the procedure importing it is checked, the other one is not
			assertEquals("ChildSa", result.getAsJsonObject().get("procedure").getAsString());
		}
	}

	@Test
	void changedSinceOutsideGitIsAClearError() throws Exception {
		project(folder.resolve("plain"));
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		java.io.PrintStream saved = System.err;
		System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
		int code;
		try {
			code = ShallCommand.execute("check", "-q", "--changed-since", "HEAD", folder.resolve("plain").toString());
		} finally {
			System.setErr(saved);
		}
		assertEquals(3, code);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs a Git working tree"), err.toString(
				StandardCharsets.UTF_8));
	}

	private static void git(Path folder, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertEquals(0, process.waitFor());
	}
}
