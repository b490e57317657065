package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The vocabulary depends only on the model (and the JDK and EMF): no arrow up to the semantics
 * that build on it ({@code explicit}, {@code encoding}) nor to anything else of the checker.
 */
class VocabularyDependenciesTest {

	private static final Path SOURCES = Path.of("src/main/java/dev/shall/checker/lowering");

	private static final Pattern CHECKER = Pattern.compile("dev\\.shall\\.checker\\.(?!lowering\\b)\\w+");

	private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

	@Test
	void loweringNamesNothingOfTheCheckerAboveIt() throws IOException {
		assertTrue(Files.isDirectory(SOURCES), "run from the checker module: " + SOURCES.toAbsolutePath());
		List<String> found = new ArrayList<>();
		int files = 0;
		try (Stream<Path> paths = Files.list(SOURCES)) {
			for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
				files++;
				String text = Files.readString(file);
				Matcher checker = CHECKER.matcher(text);
				while (checker.find()) {
					found.add(file.getFileName() + ": " + checker.group());
				}
				Matcher imports = IMPORT.matcher(text);
				while (imports.find()) {
					String name = imports.group(2);
					if (!(name.startsWith("java.") || name.startsWith("dev.shall.model.")
							|| name.startsWith("org.eclipse.emf.") || name.startsWith("dev.shall.checker.lowering."))) {
						found.add(file.getFileName() + ": imports " + name);
					}
				}
			}
		}
		assertTrue(files >= 10, "the vocabulary's sources: " + files);
		assertEquals(List.of(), found);
	}
}
