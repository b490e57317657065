package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Deep and long input (issue 12): 2,000 nested {@code if}, 500 parentheses, 2,000- and 5,000-term
 * expressions once overflowed the stack (a Java stack trace, exit 1) or made Xtext log a validator
 * failure on standard output, corrupting {@code --format json}; 20 nested {@code either} were
 * enumerated as 2^20 moves and hung. They are ordinary procedures: they must be checked, with
 * nothing on standard output but the report.
 */
class DeepInputTest {

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(strings = { "soe-deep-if-2000.shall", "soe-deep-parens-500.shall", "soe-long-and-2000.shall",
			"soe-long-sum-2000.shall", "evalidator-0-0-long-sum-5000.shall", "hang-deep-either-20.shall" })
	void deepInputIsCheckedWithACleanStandardOutput(String name) throws Exception {
		Path input = Path.of(DeepInputTest.class.getResource("/cases/robustness/" + name).toURI());
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		int code;
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			code = ShallCommand.execute("check", "--format", "json", "--timeout", "30", input.toString());
		} finally {
			System.setOut(original);
		}
		String stdout = captured.toString(StandardCharsets.UTF_8);
		JsonObject report = JsonParser.parseString(stdout).getAsJsonObject();
		assertEquals(0, report.getAsJsonArray("diagnostics").size(), stdout);
		assertTrue(report.getAsJsonArray("results").size() >= 3, stdout);
		assertTrue(code == 0 || code == 1, "a verdict, not a failure: exit " + code);
	}

	@Test
	void anInternalFailureIsOneLineAndExitFour() {
		StringWriter text = new StringWriter();
		int code = ShallCommand.internalFailure(new IllegalStateException("engine failure", new StackOverflowError()),
				new PrintWriter(text), false);
		assertEquals(ShallCommand.INTERNAL_FAILURE, code);
		String message = text.toString();
		assertEquals(1, message.lines().count(), message);
		assertTrue(message.startsWith("shall: internal error: out of stack"), message);
	}
}
