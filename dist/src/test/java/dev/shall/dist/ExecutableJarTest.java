package dev.shall.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution runs alone: {@code java -jar shall.jar check} from an empty folder holding only
 * the jar and the models, with nothing on the class path, no Maven repository and an environment
 * reduced to {@code PATH} — the language found through the merged {@code META-INF/services}, the
 * EMF packages registered, the import of a rule library resolved.
 */
class ExecutableJarTest {

	@TempDir
	Path folder;

	@Test
	void checksExamplesFromAnEmptyFolderWithOnlyAJdk() throws Exception {
		Path jar = Path.of("target", "shall.jar").toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "built in the package phase: " + jar);
		Files.copy(jar, folder.resolve("shall.jar"));
		Path examples = Files.createDirectories(folder.resolve("examples/seeds"));
		Path rules = Files.createDirectories(folder.resolve("rules"));
		Files.copy(Path.of("../examples/seeds/000-senb-addition.shall"), examples.resolve("000-senb-addition.shall"));
		Files.copy(Path.of("../rules/key-lifecycle.shall"), rules.resolve("key-lifecycle.shall"));
		// the model's cr line names its CR text (issue 17): it travels with the model
		Path crs = Files.createDirectories(folder.resolve("examples/cr"));
		Files.copy(Path.of("../examples/cr/000-senb-addition.txt"), crs.resolve("000-senb-addition.txt"));

		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString()));
		if (Runtime.version().feature() >= 24) {
			command.add("--sun-misc-unsafe-memory-access=allow"); // as the README says, for Guice under Xtext
		}
		command.addAll(List.of("-jar", "shall.jar", "check", "--format", "json", "examples"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
		Map<String, String> environment = builder.environment();
		String path = environment.get("PATH");
		environment.clear();
		environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
		environment.put("HOME", folder.toString());
		builder.redirectError(folder.resolve("err.txt").toFile());
		builder.redirectOutput(folder.resolve("out.json").toFile());
		Process process = builder.start();
		assertTrue(process.waitFor(10, TimeUnit.MINUTES), "finished");
		String out = Files.readString(folder.resolve("out.json"), StandardCharsets.UTF_8);
		String err = Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8);
		assertEquals(0, process.exitValue(), "exit code; stderr: " + err + "\nstdout: " + out);
		assertTrue(out.contains("\"procedure\": \"SeNBAddition\""), out);
		assertTrue(out.contains("\"property\": \"sameSKeNB\""), out);
		assertTrue(!err.contains("Exception") && !err.contains("WARNING"), err);
	}

	/**
	 * The jar holds the modules' classes as they were just compiled. Without {@code forceCreation}
	 * the jar plugin kept the last shaded jar (dist has no classes: nothing looked newer), shade
	 * merged the modules into it keeping the first, old copy of each class, and {@code ./shall}
	 * (which prefers the jar when it is newer than the classes) ran stale code after every rebuild.
	 */
	@Test
	void holdsTheClassesJustCompiled() throws Exception {
		Path jar = Path.of("target", "shall.jar").toAbsolutePath();
		int compared = 0;
		List<String> stale = new ArrayList<>();
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
			for (String module : List.of("model", "dsl", "checker")) {
				Path classes = Path.of("..", module, "target", "classes");
				try (var files = Files.walk(classes)) {
					for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
						String entry = classes.relativize(file).toString().replace('\\', '/');
						var inJar = zip.getEntry(entry);
						if (inJar == null || !java.util.Arrays.equals(Files.readAllBytes(file), zip.getInputStream(inJar)
								.readAllBytes())) {
							stale.add(module + ": " + entry);
						}
						compared++;
					}
				}
			}
		}
		assertTrue(compared > 500, "classes compared: " + compared);
		assertTrue(stale.isEmpty(), () -> stale.size() + " classes differ from the modules' own, e.g. " + stale.subList(
				0, Math.min(5, stale.size())));
	}
}
