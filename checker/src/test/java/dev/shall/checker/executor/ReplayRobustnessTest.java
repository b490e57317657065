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
import dev.shall.checker.trace.TraceFormat;

/**
 * {@code shall replay} on malicious or broken trace files (issue 12), in the trace format
 * ({@code docs/trace-format.md}): each is answered with exit 3
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
			{ "#meta": { "format": "shall-trace", "version": 1 },
			  "file": "keyed.shall",
			  "procedure": "KeyedFixture",
			  "instances": 2,
			  "ending": { "kind": "finite" },
			  "initial": [ { "ENB.kenb": "KeNB.first" }, { "UE.greeted": "false" } ],
			  "steps": [
			    { "index": 1, "instance": 0, "kind": "event", "role": "ENB", "step": "refresh" },
			    { "instance": 1, "role": "ENB", "step": "hello", "state": { "ENB.sent": "true" },
			      "exchanges": [ { "kind": "sent", "message": "Hello", "channel": "rrc", "from": "ENB", "to": "UE" } ],
			      "changed": [ "ENB.sent" ] } ] }
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
			"a string for a number | `\"instances\": 2` | `\"instances\": \"two\"` | `\"two\"`"
					+ " | instances | `expected an integer from 1 to 65,536, found the string \"two\"`",
			"1e400 | `\"instances\": 2` | `\"instances\": 1e400` | 1e400 | instances"
					+ " | expected an integer from 1 to 65,536, found 1e400",
			"2^63 | `\"instance\": 1` | `\"instance\": 9223372036854775808` | 9223372036854775808"
					+ " | steps[1].instance | expected an integer from 0 to 1, found 9223372036854775808",
			"2 billion instances | `\"instances\": 2` | `\"instances\": 2000000000` | 2000000000"
					+ " | instances | expected an integer from 1 to 65,536, found 2000000000",
			"an instance out of range | `\"instance\": 1` | `\"instance\": 2000000000` | 2000000000"
					+ " | steps[1].instance | expected an integer from 0 to 1, found 2000000000",
			"a negative instance | `\"instance\": 1` | `\"instance\": -1` | -1 | steps[1].instance"
					+ " | expected an integer from 0 to 1, found -1",
			"a fraction | `\"instance\": 1` | `\"instance\": 0.5` | 0.5 | steps[1].instance"
					+ " | expected an integer from 0 to 1, found 0.5",
			"a negative instance count | `\"instances\": 2` | `\"instances\": -3` | -3 | instances"
					+ " | expected an integer from 1 to 65,536, found -3",
			"an object for a string | `\"role\": \"ENB\", \"step\": \"hello\"`"
					+ " | `\"role\": {}, \"step\": \"hello\"` | `{}, \"step\": \"hello\"` | steps[1].role"
					+ " | expected a string, found an object",
			"a number for a string | `\"step\": \"refresh\"` | `\"step\": 7` | 7 | steps[0].step"
					+ " | expected a string, found the number 7",
			"null where a string is required | `\"step\": \"refresh\"` | `\"step\": null` | null"
					+ " | steps[0].step | expected a string, found null",
			"steps not an array | `\"steps\": [` | `\"steps\": true, \"x\": [` | true | steps"
					+ " | expected an array of steps, found true",
			"a step not an object | `{ \"index\": 1,` | `[], { \"index\": 1,` | `[]` | steps[0]"
					+ " | expected a step (an object",
			"a step lacking its role | `\"role\": \"ENB\", \"step\": \"refresh\"`"
					+ " | `\"step\": \"refresh\"` | `{ \"index\": 1` | steps[0]"
					+ " | the step lacks the member \"role\"",
			"an unknown role | `\"role\": \"ENB\", \"step\": \"refresh\"`"
					+ " | `\"role\": \"MME\", \"step\": \"refresh\"` | `\"MME\"` | steps[0].role"
					+ " | has no role or lane \"MME\" that acts (ENB, UE, rrc(ENB→UE))",
			"an unknown step | `\"step\": \"hello\"` | `\"step\": \"goodbye\"` | `\"goodbye\"`"
					+ " | steps[1].step | ENB has no step or fault \"goodbye\" (refresh, hello, derive)",
			"exchanges that do not match | `\"message\": \"Hello\"` | `\"message\": \"Bye\"`"
					+ " | `{ \"instance\": 1` | steps[1]"
					+ " | step 2 (instance 1, ENB hello) cannot happen at that point of the model with the exchanges and state the trace gives",
			"an unknown variable | `\"ENB.sent\"` | `\"ENB.gone\"` | `\"ENB.gone\"`"
					+ " | steps[1].state[\"ENB.gone\"] | the procedure has no variable ENB.gone",
			"a state that does not match | `\"ENB.sent\": \"true\"` | `\"ENB.sent\": \"false\"`"
					+ " | `{ \"instance\": 1` | steps[1]"
					+ " | cannot happen at that point of the model with the exchanges and state",
			"an empty run with no question | `\"steps\": [` | `\"steps\": [], \"old\": [`"
					+ " | `[], \"old\"` | steps | an empty run with no \"question\"",
			"another procedure | `\"KeyedFixture\"` | `\"Handshake\"` | `\"Handshake\"` | procedure"
					+ " | the model holds the procedure KeyedFixture, not Handshake",
			"an unknown property | `\"procedure\": \"KeyedFixture\",`"
					+ " | `\"question\": { \"kind\": \"property\", \"name\": \"nope\" },` | `\"nope\"`"
					+ " | question.name | the procedure KeyedFixture has no property nope",
			"a question of an unknown kind | `\"procedure\": \"KeyedFixture\",`"
					+ " | `\"question\": { \"kind\": \"liveness\", \"name\": \"x\" },` | `\"liveness\"`"
					+ " | question.kind | expected property, dead-step, bounds or unhandled-message, found \"liveness\"",
			"options not an object | `\"instances\": 2,` | `\"instances\": 2, \"options\": [\"a\"],`"
					+ " | `[\"a\"]` | options | expected an object of option names and values, found an array",
			"an unknown option | `\"instances\": 2,`"
					+ " | `\"instances\": 2, \"options\": { \"x\": \"y\" },` | `\"x\"` | options.x"
					+ " | the procedure KeyedFixture has no option x",
			"a member given twice | `\"instances\": 2,` | `\"instances\": 2, \"instances\": 3,`"
					+ " | `\"instances\": 3` | instances | the member \"instances\" is given twice",
			"a model outside the project | `\"keyed.shall\"` | `\"../elsewhere/keyed.shall\"`"
					+ " | `\"../elsewhere/keyed.shall\"` | file | lies outside the project folder",
			"an absolute model outside the project | `\"keyed.shall\"` | `\"/etc/hostname\"`"
					+ " | `\"/etc/hostname\"` | file | /etc/hostname lies outside the project folder",
			"a missing model | `\"keyed.shall\"` | `\"nope.shall\"` | `\"nope.shall\"` | file"
					+ " | there is no file",
			"a folder for a model | `\"keyed.shall\"` | `\".\"` | `\".\"` | file"
					+ " | is a folder, not a .shall file",
			"a NUL in a file name | `\"keyed.shall\"` | `\"a\\u0000b\"` | `\"a\\u0000b` | file"
					+ " | `\"a\\u0000b\" is not a file path`",
			"an escape sequence in a name | `\"step\": \"hello\"` | `\"step\": \"\\u001b[2J\"`"
					+ " | `\"\\u001b[2J\"` | steps[1].step | `ENB has no step or fault \"\\u001B[2J\"`",
			// the format and its version (docs/trace-format.md)
			"a newer version | `\"version\": 1` | `\"version\": 2` | 2 | #meta.version"
					+ " | trace format version 2 is newer than this shall reads (version 1)",
			"a version that is a string | `\"version\": 1` | `\"version\": \"1\"` | `\"1\"`"
					+ " | #meta.version | expected the format's version, an integer, found the string \"1\"",
			"version 0 | `\"version\": 1` | `\"version\": 0` | 0 | #meta.version"
					+ " | expected the format's version, an integer from 1, found 0",
			"another format | `\"shall-trace\"` | `\"ITF\"` | `\"ITF\"` | #meta.format"
					+ " | not a shall trace: the format is \"ITF\", not \"shall-trace\"",
			"#meta without a version | `, \"version\": 1` | `` | `{ \"format\"` | #meta"
					+ " | lacks the member \"version\" (1)",
			"#meta not an object | `{ \"format\": \"shall-trace\", \"version\": 1 }` | `[]` | `[]`"
					+ " | #meta | expected an object with the trace's \"format\" and \"version\", found an array",
			// the run as data
			"an index out of place | `\"index\": 1,` | `\"index\": 2,` | `2, \"instance\": 0`"
					+ " | steps[0].index | expected 1, the step's position in the run, found 2",
			"an unknown step kind | `\"kind\": \"event\"` | `\"kind\": \"fault\"` | `\"fault\"`"
					+ " | steps[0].kind"
					+ " | expected step, event, loss, duplicate, replay or discard, found \"fault\"",
			"an exchange lacking its channel | `\"channel\": \"rrc\", ` | `` | `{ \"kind\": \"sent\"`"
					+ " | steps[1].exchanges[0] | lacks the member \"channel\"",
			"an unknown exchange kind | `\"kind\": \"sent\"` | `\"kind\": \"posted\"` | `\"posted\"`"
					+ " | steps[1].exchanges[0].kind"
					+ " | expected sent, received, lost, discarded, duplicated or replayed, found \"posted\"",
			"a changed variable not in the state | `[ \"ENB.sent\" ]` | `[ \"ENB.kenb\" ]`"
					+ " | `\"ENB.kenb\" ]` | steps[1].changed[0]"
					+ " | \"ENB.kenb\" is not a variable of the step's \"state\"",
			"a variable changed twice | `[ \"ENB.sent\" ]` | `[ \"ENB.sent\", \"ENB.sent\" ]`"
					+ " | `\"ENB.sent\" ]` | steps[1].changed[1] | the variable \"ENB.sent\" is given twice",
			"an unknown ending | `\"finite\"` | `\"lasso\"` | `\"lasso\"` | ending.kind"
					+ " | expected finite, stops or loop, found \"lasso\"",
			"a loop without its start | `{ \"kind\": \"finite\" }` | `{ \"kind\": \"loop\" }`"
					+ " | `{ \"kind\": \"loop\"` | ending | a loop lacks the member \"loopStart\"",
			"a loop start of a finite run | `{ \"kind\": \"finite\" }`"
					+ " | `{ \"kind\": \"finite\", \"loopStart\": 0 }` | `0 }` | ending.loopStart"
					+ " | only a loop has a \"loopStart\"; this run's ending is finite",
			"a loop start beyond the run | `{ \"kind\": \"finite\" }`"
					+ " | `{ \"kind\": \"loop\", \"loopStart\": 2 }` | `2 }` | ending.loopStart"
					+ " | expected the state where the cycle starts, from 0 to 1",
			"a cycle that does not return | `{ \"kind\": \"finite\" }`"
					+ " | `{ \"kind\": \"loop\", \"loopStart\": 0 }` | `0 }` | ending.loopStart"
					+ " | the run does not return to the state where its cycle starts: instance 0: ENB.kenb is"
					+ " KeNB.first at the start, KeNB.second at the end",
			"an initial state per instance | `, { \"UE.greeted\": \"false\" } ]` | ` ]`"
					+ " | `[ { \"ENB.kenb\"` | initial | expected one initial state per instance, 2, found 1",
			"another initial state | `\"ENB.kenb\": \"KeNB.first\"` | `\"ENB.kenb\": \"KeNB.second\"`"
					+ " | `\"KeNB.second\"` | initial[0][\"ENB.kenb\"]"
					+ " | the model starts with ENB.kenb = KeNB.first, not KeNB.second",
			"an unknown initial variable | `\"UE.greeted\"` | `\"UE.gone\"` | `\"UE.gone\"`"
					+ " | initial[1][\"UE.gone\"] | the procedure has no variable UE.gone" })
	void aFaultOfTheTraceIsOneLineAtItsValue(String name, String replace, String with, String needle, String path,
			String says) throws Exception {
		assertTrue(VALID.contains(replace), replace);
		String text = VALID.replace(replace, with);
		Files.writeString(trace, text);
		refused(replay(), trace + ":" + at(text, needle) + ": " + path + ": ", says);
	}

	@Test
	void tooManyMovesAreRefusedAtTheInstances() throws Exception {
		String text = VALID.replace("\"instances\": 2", "\"instances\": 65536").replace(
				"\"initial\": [ { \"ENB.kenb\": \"KeNB.first\" }, { \"UE.greeted\": \"false\" } ],", "");
		Files.writeString(trace, text);
		refused(replay(), trace + ":" + at(text, "65536") + ": instances: ",
				"moves per step; the checker takes at most 65,536");
	}

	@Test
	void aFaultInAReportIsAtItsResult() throws Exception {
		String text = """
				{ "tool": { "name": "shall" },
				  "results": [
				    { "kind": "bounds", "verdict": "holds" },
				    { "kind": "property", "verdict": "violated",
				      "trace": { "#meta": { "format": "shall-trace", "version": 1 }, "file": "keyed.shall",
				                 "question": { "kind": "property", "name": "freshSKeNB" },
				                 "steps": [ { "instance": 1, "role": "ENB", "step": "derive" } ] } } ] }
				""";
		Files.writeString(trace, text);
		refused(replay(), trace + ":" + at(text, "1, \"role\"") + ": results[1].trace.steps[0].instance: ",
				"expected an integer from 0 to 0 (the trace gives no \"instances\": 1), found 1");
		Files.writeString(trace, text.replace("\"version\": 1", "\"version\": 3"));
		refused(replay(), trace + ":" + at(text, "1 }, \"file\"") + ": results[1].trace.#meta.version: ",
				"trace format version 3 is newer than this shall reads");
		Files.writeString(trace, "{ \"results\": 5 }");
		refused(replay(), trace + ":1:14: results: ", "expected an array of results, found the number 5");
	}

	@Test
	void theFormatBeforeVersionOneIsRefusedWithWhatToDo() throws Exception {
		// shall 0.1.0's hand-written trace: one result, its steps under "trace"
		String old = """
				{ "file": "keyed.shall", "procedure": "KeyedFixture",
				  "trace": { "steps": [ { "instance": 0, "role": "ENB", "step": "refresh" } ] } }
				""";
		Files.writeString(trace, old);
		refused(replay(), trace + ":1:1: ", "a trace in the format before version 1 (no \"#meta\"), as shall 0.1.0 "
				+ "wrote it: re-run shall check --format json to write it again");
		// and its report: the results' traces had no "#meta"
		String report = """
				{ "tool": { "name": "shall", "version": "0.1.0" },
				  "results": [ { "file": "keyed.shall", "kind": "property", "verdict": "violated",
				    "trace": { "initial": { "ENB.sent": "false" }, "steps": [] } } ] }
				""";
		Files.writeString(trace, report);
		refused(replay(), trace + ":" + at(report, "{ \"initial\"") + ": results[0].trace: ",
				"re-run shall check --format json");
	}

	@Test
	void theVersionIsJudgedFirstWhereverItStands() throws Exception {
		// a later version may change what steps look like: its steps are not judged by version 1
		String text = VALID.replace("{ \"#meta\": { \"format\": \"shall-trace\", \"version\": 1 },", "{").replace(
				"\"role\": \"ENB\", \"step\": \"refresh\"", "\"actor\": [\"ENB\"]").replace("] } ] }",
						"] } ], \"#meta\": { \"version\": 2, \"format\": \"shall-trace\" } }");
		Files.writeString(trace, text);
		refused(replay(), trace + ":" + at(text, "2, \"format\"") + ": #meta.version: ",
				"trace format version 2 is newer than this shall reads (version 1)");
		// and once the version is known, a version-1 trace's #meta may stand last
		Files.writeString(trace, VALID.replace("{ \"#meta\": { \"format\": \"shall-trace\", \"version\": 1 },", "{")
				.replace("] } ] }", "] } ], \"#meta\": { \"version\": 1, \"format\": \"shall-trace\" } }"));
		assertEquals(0, replay().code());
	}

	@Test
	void invalidJsonIsASyntaxErrorWithItsLine() throws Exception {
		Files.writeString(trace, "{ \"file\": \"keyed.shall\",\n  \"steps\": [ } }");
		refused(replay(), trace + ":2:", "not valid JSON (RFC 8259)");
		Files.writeString(trace, "{ 'file': 1 }");
		refused(replay(), trace + ":1:", "not valid JSON (RFC 8259)");
		Files.writeString(trace, VALID + "{}");
		refused(replay(), trace + ":12:", "not valid JSON (RFC 8259)");
		Files.writeString(trace, "{ \"file\": \"keyed.shall\", \"steps\": ");
		refused(replay(), trace + ":1:", "the JSON ends early");
		Files.writeString(trace, "[ { } ]");
		refused(replay(), trace + ":1:1: ", "expected a JSON object (a trace, or the report of shall check), "
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
		Files.write(trace, " ".repeat((int) TraceFormat.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
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
		String meta = "\"#meta\": { \"format\": \"shall-trace\", \"version\": 1 }, ";
		String step = "{ \"role\": \"ENB\", \"step\": \"derive\" }";
		String many = "{ " + meta + "\"file\": \"keyed.shall\", \"steps\": [" + (step + ",").repeat(
				TraceFormat.MAX_STEPS) + step + "] }";
		Files.writeString(trace, many);
		refused(replay(), trace + ":1:" + (many.lastIndexOf(step) + 1) + ": steps[10000]: ",
				"the run has more than 10,000 steps");
		String wide = "{ " + meta + "\"file\": \"keyed.shall\", \"instances\": 2000, \"steps\": [" + (step + ",")
				.repeat(600) + step + "] }";
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
