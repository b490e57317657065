package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * {@code shall check --help} prints every option cleanly: picocli formats descriptions with
 * {@code String.format}, so a bare {@code %} (as in "80%") made it warn on stderr and print the
 * raw text.
 */
class HelpTest {

	@Test
	void helpFormatsEveryDescriptionWithoutWarnings() throws Exception {
		PrintStream savedOut = System.out;
		PrintStream savedErr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code;
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			code = ShallCommand.execute("check", "--help");
		} finally {
			System.setOut(savedOut);
			System.setErr(savedErr);
		}
		String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, text);
		assertFalse(text.contains("WARN"), text);
		assertTrue(text.contains("80% (default: 85%)"), text);
		assertTrue(text.contains("--cache") && text.contains("--changed-since"), text);
	}
}
