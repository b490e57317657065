package dev.shall.checker.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.shall.checker.cli.ShallCommand;

/**
 * {@code shall replay} on malicious or broken trace files (issue 12): each is answered with exit 3
 * and one line {@code shall: FILE:LINE:COLUMN: PATH: message} at the offending JSON value — never
 * a stack trace, a hang or running out of memory. The expected line and column are computed from
 * where the offending text is in the trace, so a position off by one fails.
 */
class ReplayRobustnessTest {

	@TempDir
	Path folder;

	private Path trace;

	/** A valid trace of the keyed fixture, two instances; each case changes one thing in it. */
	private static final String VALID = """
			{ "file": "keyed.shall",
			  "procedure": "KeyedFixture",
			  "instances": 2,
			  "trace": { "steps": [
			    { "instance": 0, "role": "ENB", "step": "refresh" },
			    { "instance": 1, "role": "ENB", "step": "hello", "state": { "ENB.sent": "true" } } ] } }
			""";

	private record Run(int code, String out, String err) {
	}

	@BeforeEach
	void model() throws Exception {
		Files.copy(Path.of(ReplayRobustnessTest.class.getResource("/executor/keyed.shall").toURI()), folder.resolve(
				"keyed.shall"));
		trace = folder.resolve("trace.json");
	}

	private Run replay(String... extra) {
		String[] args = new String[extra.length + 2];
		args[0] = "replay";
		args[1] = trace.toString();
		System.arraycopy(extra, 0, args, 2, extra.length);
		return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
			return new Run(code, out.toString(), err.toString());
		});
	}

	/** {@code LINE:COLUMN} of the first occurrence of {@code needle} (1-based, columns in characters). */
	private static String at(String text, String needle) {
		int index = text.indexOf(needle);
		assertTrue(index >= 0, needle);
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < index; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return line + ":" + (index - lineStart + 1);
	}

	/** Exit 3, nothing on stdout, one line on stderr starting with {@code prefix} and saying {@code says}. */
	private static void refused(Run run, String prefix, String says) {
		assertEquals(3, run.code(), run.err() + run.out());
		assertEquals("", run.out());
		assertEquals(1, run.err().lines().count(), run.err());
		assertTrue(run.err().startsWith("shall: " + prefix), "expected " + prefix + " in " + run.err());
		assertTrue(run.err().contains(says), "expected '" + says + "' in " + run.err());
		assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
	}

	@Test
	void theValidTraceReplays() throws Exception {
		Files.writeString(trace, VALID);
		Run run = replay();
		assertEquals(0, run.code(), run.err());
		assertTrue(run.out().contains(" 2. [1] ENB hello"), run.out());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			// case | replace | with | the value at fault | its path | what the error says
			"a string for a number | `\"instances\": 2` | `\"instances\": \"two\"` | `\"two\"` | instances"
					+ " | `expected an integer from 1 to 65,536, found the string \"two\"`",
			"1e400 | `\"instances\": 2` | `\"instances\": 1e400` | 1e400 | instances"
					+ " | expected an integer from 1 to 65,536, found 1e400",
			"2^63 | `\"instance\": 1` | `\"instance\": 9223372036854775808` | 9223372036854775808"
					+ " | trace.steps[1].instance | expected an integer from 0 to 1, found 9223372036854775808",
			"2 billion instances | `\"instances\": 2` | `\"instances\": 2000000000` | 2000000000 | instances"
					+ " | expected an integer from 1 to 65,536, found 2000000000",
			"an instance out of range | `\"instance\": 1` | `\"instance\": 2000000000` | 2000000000"
					+ " | trace.steps[1].instance | expected an integer from 0 to 1, found 2000000000",
			"a negative instance | `\"instance\": 1` | `\"instance\": -1` | -1 | trace.steps[1].instance"
					+ " | expected an integer from 0 to 1, found -1",
			"a fraction | `\"instance\": 1` | `\"instance\": 0.5` | 0.5 | trace.steps[1].instance"
					+ " | expected an integer from 0 to 1, found 0.5",
			"a negative instance count | `\"instances\": 2` | `\"instances\": -3` | -3 | instances"
					+ " | expected an integer from 1 to 65,536, found -3",
			"an object for a string | `\"role\": \"ENB\", \"step\": \"hello\"` | `\"role\": {}, \"step\": \"hello\"`"
					+ " | `{}, \"step\": \"hello\"` | trace.steps[1].role | expected a string, found an object",
			"a number for a string | `\"step\": \"refresh\"` | `\"step\": 7` | 7 | trace.steps[0].step"
					+ " | expected a string, found the number 7",
			"null where a string is required | `\"step\": \"refresh\"` | `\"step\": null` | null"
					+ " | trace.steps[0].step | expected a string, found null",
			"steps not an array | `\"steps\": [` | `\"steps\": true, \"x\": [` | true | trace.steps"
					+ " | expected an array of steps, found true",
			"a step not an object | `{ \"instance\": 0,` | `[], { \"instance\": 0,` | `[]` | trace.steps[0]"
					+ " | expected a step (an object",
			"a step lacking its role | `\"role\": \"ENB\", \"step\": \"refresh\"` | `\"step\": \"refresh\"`"
					+ " | `{ \"instance\": 0` | trace.steps[0] | the step lacks the member \"role\"",
			"an unknown role | `\"role\": \"ENB\", \"step\": \"refresh\"` | `\"role\": \"MME\", \"step\": \"refresh\"`"
					+ " | `\"MME\"` | trace.steps[0].role | has no role or lane \"MME\" that acts (ENB, UE, rrc(ENB→UE))",
			"an unknown step | `\"step\": \"hello\"` | `\"step\": \"goodbye\"` | `\"goodbye\"` | trace.steps[1].step"
					+ " | ENB has no step or fault \"goodbye\" (refresh, hello, derive)",
			"an unknown message | `\"step\": \"refresh\" }` | `\"step\": \"refresh\", \"message\": \"sent Bye on rrc\" }`"
					+ " | `{ \"instance\": 0` | trace.steps[0] | step 1 (instance 0, ENB refresh) cannot happen",
			"an unknown variable | `\"ENB.sent\"` | `\"ENB.gone\"` | `\"ENB.gone\"` | trace.steps[1].state[\"ENB.gone\"]"
					+ " | the procedure has no variable ENB.gone",
			"a state that does not match | `\"ENB.sent\": \"true\"` | `\"ENB.sent\": \"false\"` | `{ \"instance\": 1`"
					+ " | trace.steps[1] | cannot happen at that point of the model with the message and state",
			"an empty run with no property | `\"steps\": [` | `\"steps\": [], \"old\": [` | `[], \"old\"`"
					+ " | trace.steps | an empty run with no \"property\"",
			"another procedure | `\"KeyedFixture\"` | `\"Handshake\"` | `\"Handshake\"` | procedure"
					+ " | the model holds the procedure KeyedFixture, not Handshake",
			"an unknown property | `\"procedure\": \"KeyedFixture\",` | `\"property\": \"nope\",` | `\"nope\"`"
					+ " | property | the procedure KeyedFixture has no property nope",
			"options not an object | `\"instances\": 2,` | `\"instances\": 2, \"options\": [\"a\"],` | `[\"a\"]`"
					+ " | options | expected an object of option names and values, found an array",
			"an unknown option | `\"instances\": 2,` | `\"instances\": 2, \"options\": { \"x\": \"y\" },` | `\"x\"`"
					+ " | options.x | the procedure KeyedFixture has no option x",
			"a member given twice | `\"instances\": 2,` | `\"instances\": 2, \"instances\": 3,` | `\"instances\": 3`"
					+ " | instances | the member \"instances\" is given twice",
			"too many moves | `\"instances\": 2` | `\"instances\": 65536` | 65536 | instances"
					+ " | moves per step; the checker takes at most 65,536",
			"a model outside the project | `\"keyed.shall\"` | `\"../elsewhere/keyed.shall\"`"
					+ " | `\"../elsewhere/keyed.shall\"` | file | lies outside the project folder",
			"an absolute model outside the project | `\"keyed.shall\"` | `\"/etc/hostname\"` | `\"/etc/hostname\"`"
					+ " | file | /etc/hostname lies outside the project folder",
			"a missing model | `\"keyed.shall\"` | `\"nope.shall\"` | `\"nope.shall\"` | file | there is no file",
			"a folder for a model | `\"keyed.shall\"` | `\".\"` | `\".\"` | file | is a folder, not a .shall file",
			"a NUL in a file name | `\"keyed.shall\"` | `\"a\\u0000b\"` | `\"a\\u0000b` | file"
					+ " | `\"a\\u0000b\" is not a file path`",
			"an escape sequence in a name | `\"step\": \"hello\"` | `\"step\": \"\\u001b[2J\"` | `\"\\u001b[2J\"`"
					+ " | trace.steps[1].step | `ENB has no step or fault \"\\u001B[2J\"`" })
	void aFaultOfTheTraceIsOneLineAtItsValue(String name, String replace, String with, String needle, String path,
			String says) throws Exception {
		assertTrue(VALID.contains(replace), replace);
		String text = VALID.replace(replace, with);
		Files.writeString(trace, text);
		refused(replay(), trace + ":" + at(text, needle) + ": " + path + ": ", says);
	}

	@Test
	void aFaultInAReportIsAtItsResult() throws Exception {
		String text = """
				{ "tool": { "name": "shall" },
				  "results": [
				    { "kind": "bounds", "verdict": "holds" },
				    { "file": "keyed.shall", "kind": "property", "verdict": "violated", "property": "freshSKeNB",
				      "trace": { "steps": [ { "instance": 1, "role": "ENB", "step": "derive" } ] } } ] }
				""";
		Files.writeString(trace, text);
		refused(replay(), trace + ":" + at(text, "1, \"role\"") + ": results[1].trace.steps[0].instance: ",
				"expected an integer from 0 to 0 (the result gives no \"instances\": 1), found 1");
		Files.writeString(trace, "{ \"results\": 5 }");
		refused(replay(), trace + ":1:14: results: ", "expected an array of results, found the number 5");
	}

	@Test
	void invalidJsonIsASyntaxErrorWithItsLine() throws Exception {
		Files.writeString(trace, "{ \"file\": \"keyed.shall\",\n  \"trace\": { \"steps\": [ } }");
		refused(replay(), trace + ":2:", "not valid JSON (RFC 8259)");
		Files.writeString(trace, "{ 'file': 1 }");
		refused(replay(), trace + ":1:", "not valid JSON (RFC 8259)");
		Files.writeString(trace, VALID + "{}");
		refused(replay(), trace + ":7:", "not valid JSON (RFC 8259)");
		Files.writeString(trace, "{ \"file\": \"keyed.shall\", \"trace\": ");
		refused(replay(), trace + ":1:", "the JSON ends early");
		Files.writeString(trace, "[ { } ]");
		refused(replay(), trace + ":1:1: ", "expected a JSON object (the report of shall check, or one result), "
				+ "found an array");
	}

	@Test
	void deepNestingIsRefusedNotAStackOverflow() throws Exception {
		Files.writeString(trace, "{ \"x\": " + "[".repeat(100_000));
		refused(replay(), trace + ":1:", "Nesting limit");
	}

	@Test
	void theFileItselfMustBeASmallRegularUtf8File() throws Exception {
		refused(replay(), trace + ": ", "there is no such file");
		trace = folder;
		refused(replay(), folder + ": ", "is a folder");
		trace = folder.resolve("empty.json");
		Files.writeString(trace, "  \n");
		refused(replay(), trace + ": ", "is empty");
		trace = folder.resolve("latin1.json");
		Files.write(trace, "{ \"file\": \"k\u00e9yed.shall\" }".getBytes(StandardCharsets.ISO_8859_1));
		refused(replay(), trace + ":1:13: ", "not UTF-8 text (RFC 8259 §8.1): byte 0xe9");
		trace = folder.resolve("huge.json");
		Files.write(trace, " ".repeat((int) TraceFile.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
		refused(replay(), trace + ": ", "is larger than 16 MB");
	}

	@Test
	void aPipeIsRefusedWithoutBlocking() throws Exception {
		Path pipe = folder.resolve("pipe");
		Assumptions.assumeTrue(mkfifo(pipe), "mkfifo is not available");
		trace = pipe;
		refused(replay(), pipe + ": ", "is not a regular file (a pipe or device would block the reader)");
		trace = folder.resolve("trace.json");
		String text = VALID.replace("\"keyed.shall\"", "\"pipe\"");
		Files.writeString(trace, text);
		refused(replay(), trace + ":" + at(text, "\"pipe\"") + ": file: ", "is not a regular file");
	}

	@Test
	void runsBeyondTheLimitsAreRefusedBeforeTheyAreFollowed() throws Exception {
		String step = "{ \"role\": \"ENB\", \"step\": \"derive\" }";
		String many = "{ \"file\": \"keyed.shall\", \"trace\": { \"steps\": [" + (step + ",").repeat(TraceFile.MAX_STEPS)
				+ step + "] } }";
		Files.writeString(trace, many);
		refused(replay(), trace + ":1:" + (many.lastIndexOf(step) + 1) + ": trace.steps[10000]: ",
				"the run has more than 10,000 steps");
		String wide = "{ \"file\": \"keyed.shall\", \"instances\": 2000, \"trace\": { \"steps\": ["
				+ (step + ",").repeat(600) + step + "] } }";
		Files.writeString(trace, wide);
		refused(replay(), trace + ":1:" + (wide.indexOf("2000") + 1) + ": instances: ",
				"2,000 instances over 601 steps make 1,204,000 instance-states; a replay follows at most 1,048,576");
	}

	@Test
	void rootAndModelLetAModelFromElsewhereIn() throws Exception {
		Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
		Path project = Files.createDirectories(folder.resolve("project"));
		Files.copy(folder.resolve("keyed.shall"), elsewhere.resolve("keyed.shall"));
		trace = project.resolve("trace.json");
		Files.writeString(trace, VALID.replace("\"keyed.shall\"", "\"../elsewhere/keyed.shall\""));
		assertEquals(3, replay().code());
		Run rooted = replay("--root", folder.toString());
		assertEquals(0, rooted.code(), rooted.err());
		Run named = replay("--model", elsewhere.resolve("keyed.shall").toString());
		assertEquals(0, named.code(), named.err());
	}

	private static boolean mkfifo(Path path) {
		try {
			return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
		} catch (Exception e) {
			return false;
		}
	}
}
