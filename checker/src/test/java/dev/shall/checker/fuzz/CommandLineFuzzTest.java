package dev.shall.checker.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.shall.checker.cli.ShallCommand;

/**
 * Fuzzing the command line as users break it (issue 12): the bundled examples and the reported
 * cases, mutated by deleting, duplicating, truncating, nesting and swapping spans and by
 * inserting keywords, huge numbers and control characters. Whatever the input, {@code shall
 * check} must give an exit code in {0, 1, 2, 3}, only its report on stdout, no stack trace,
 * every diagnostic inside the file (line and column from 1), and an answer within its budget.
 *
 * <p>In every build, {@link #mutantsFromAFixedSeed()} checks {@value #BUILD_MUTANTS} mutants drawn
 * from a fixed seed ({@code -Dshall.fuzz.mutants=N} for more, {@code -Dshall.fuzz.seed=S} for
 * others) and prints its figures. {@link JazzerFuzzTest} draws the same mutations from Jazzer's
 * coverage-guided fuzzing.
 */
class CommandLineFuzzTest {

	/** The budget each run gets, and the grace beyond it a run may take (JVM and front end). */
	private static final int TOTAL_SECONDS = 10;
	private static final int GRACE_SECONDS = 20;
	private static final int BUILD_MUTANTS = 30;

	private static final Map<String, String> SEEDS = seeds();

	private static final List<String> TOKENS = List.of("procedure", "role", "step", "event", "shall", "may",
			"when", "receive", "send", "on", "either", "or", "if", "else", "property", "always", "never", "expect",
			"violated", "holds", "option", "instances", "channel", "message", "key", "kdf", "import", "fresh", "leads",
			"to", "var", "bool", "true", "false", "none", "delete", "{", "}", "(", ")", "[", "]", ":", "..", "=", ":=",
			"==", "!=", "<", "<=", "+", "-", "*", ".", ",", "\"", "\"unterminated", "0", "1", "65536", "2147483647",
			"-2147483648", "2147483648", "99999999999999999999", "1e9", "0..2147483647", "A", "B", "x", "n",
			"\u001b[31m", "\u0000", "\r", "\r\n", "\uFEFF", "\u202E", "é", "\n", "\t", "//", "/*", "*/",
			"import \"/dev/zero\"", "import \"/etc\"", "import \"http://example.org/x.shall\"", "timer", "start",
			"stop", "on expiry of", "is", "running", "expired", "stopped");

	private static int runs;
	private static final int[] EXIT_CODES = new int[5];
	private static double slowest;
	private static String slowestMutant = "";
	private static int diagnostics;

	private static Map<String, String> seeds() {
		Map<String, String> seeds = new LinkedHashMap<>();
		for (Path root : List.of(Path.of("../examples"), Path.of("src/test/resources/cases"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".shall")).sorted().toList()) {
					String text = Files.readString(file, StandardCharsets.UTF_8);
					if (text.length() < 40_000) { // the 5,000-term sums are cases of their own
						seeds.put(root.relativize(file).toString(), text);
					}
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return seeds;
	}

	/** Where the choices of a mutation come from: a seeded random source, or Jazzer's fuzzed data. */
	interface Choices {
		int pick(int bound);

		double fraction();
	}

	enum Kind {
		DELETE, DUPLICATE, INSERT, TRUNCATE, NEST, SWAP_LINES
	}

	/** One edit; positions are fractions of the text's length, so an edit applies to any seed. */
	record Edit(Kind kind, double at, double length, String token, int depth) {
		String apply(String text) {
			int n = text.length();
			int from = Math.min(n, (int) (at * n));
			int to = Math.min(n, from + (int) (length * Math.min(n, 400)));
			return switch (kind) {
			case DELETE -> text.substring(0, from) + text.substring(to);
			case DUPLICATE -> text.substring(0, to) + text.substring(from, to) + text.substring(to);
			case INSERT -> text.substring(0, from) + " " + token + " " + text.substring(from);
			case TRUNCATE -> text.substring(0, from);
			case NEST -> text.substring(0, from) + "(".repeat(depth) + text.substring(from, to) + ")".repeat(depth)
					+ text.substring(to);
			case SWAP_LINES -> {
				String[] lines = text.split("\n", -1);
				int i = Math.min(lines.length - 1, (int) (at * lines.length));
				int j = Math.min(lines.length - 1, (int) (length * lines.length));
				String line = lines[i];
				lines[i] = lines[j];
				lines[j] = line;
				yield String.join("\n", lines);
			}
			};
		}
	}

	record Mutant(String seed, List<Edit> edits, String text) {
		@Override
		public String toString() {
			return seed + " with " + edits;
		}
	}

	static Mutant mutant(Choices choices) {
		List<String> names = List.copyOf(SEEDS.keySet());
		String seed = names.get(choices.pick(names.size()));
		List<Edit> edits = new ArrayList<>();
		int count = 1 + choices.pick(4);
		String text = SEEDS.get(seed);
		for (int e = 0; e < count; e++) {
			Edit edit = new Edit(Kind.values()[choices.pick(Kind.values().length)], choices.fraction(), choices
					.fraction(), TOKENS.get(choices.pick(TOKENS.size())), 1 + choices.pick(600));
			edits.add(edit);
			text = edit.apply(text);
		}
		return new Mutant(seed, edits, text);
	}

	@Test
	void mutantsFromAFixedSeed() throws Exception {
		Random random = new Random(Long.getLong("shall.fuzz.seed", 20261129L));
		Choices choices = new Choices() {
			@Override
			public int pick(int bound) {
				return random.nextInt(bound);
			}

			@Override
			public double fraction() {
				return random.nextDouble();
			}
		};
		int mutants = Integer.getInteger("shall.fuzz.mutants", BUILD_MUTANTS);
		// every mutant is checked; the failures are counted by kind and all reported at the end
		Map<String, List<String>> failures = new LinkedHashMap<>();
		for (int m = 0; m < mutants; m++) {
			Mutant mutant = mutant(choices);
			try {
				check(mutant);
			} catch (AssertionError failure) {
				String message = failure.getMessage() == null ? "" : failure.getMessage();
				String kind = message.startsWith("exit ") || message.startsWith("a stack trace") ? "crash"
						: message.startsWith("took ") ? "hang" : message.startsWith("no position")
								|| message.startsWith("line ") ? "missing position" : "other";
				failures.computeIfAbsent(kind, k -> new ArrayList<>()).add("mutant " + m + " (" + mutant + "): "
						+ message.lines().findFirst().orElse(""));
			}
		}
		System.out.printf("fuzz (seed %d): %d mutants; crashes %d, hangs %d, missing positions %d, other %d%n", Long
				.getLong("shall.fuzz.seed", 20261129L), mutants, count(failures, "crash"), count(failures, "hang"), count(
						failures, "missing position"), count(failures, "other"));
		assertTrue(failures.isEmpty(), () -> String.join("\n", failures.values().stream().flatMap(List::stream)
				.toList()));
	}

	private static int count(Map<String, List<String>> failures, String kind) {
		return failures.getOrDefault(kind, List.of()).size();
	}

	static void check(Mutant mutant) throws Exception {
		Path folder = Files.createTempDirectory("shall-fuzz");
		Path file = folder.resolve("mutant.shall");
		Files.writeString(file, mutant.text(), StandardCharsets.UTF_8);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		// logs and anything else written straight to the process's streams are caught too
		ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
		ByteArrayOutputStream rawErr = new ByteArrayOutputStream();
		PrintStream savedOut = System.out;
		PrintStream savedErr = System.err;
		int code;
		long started = System.nanoTime();
		try {
			System.setOut(new PrintStream(rawOut, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(rawErr, true, StandardCharsets.UTF_8));
			code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), "check", "--format", "json", "--out",
					folder.resolve("report.json").toString(), "--engine", "bmc", "--depth", "6", "--timeout", "3",
					"--total-timeout", Integer.toString(TOTAL_SECONDS), "--root", folder.toString(), file.toString());
		} finally {
			System.setOut(savedOut);
			System.setErr(savedErr);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		String errors = err + rawErr.toString(StandardCharsets.UTF_8);
		String stdout = out + rawOut.toString(StandardCharsets.UTF_8);
		synchronized (CommandLineFuzzTest.class) {
			runs++;
			if (seconds > slowest) {
				slowest = seconds;
				slowestMutant = mutant.toString();
			}
			if (code >= 0 && code < EXIT_CODES.length) {
				EXIT_CODES[code]++;
			}
		}
		assertTrue(Set.of(0, 1, 2, 3).contains(code), () -> "exit " + code + ": " + errors);
		assertFalse(errors.contains("\tat ") || errors.contains("Exception in thread"), () -> "a stack trace: "
				+ errors);
		assertTrue(stdout.isBlank(), () -> "stdout carries more than the report: " + stdout);
		assertTrue(seconds < TOTAL_SECONDS + GRACE_SECONDS, () -> "took " + seconds + " s");
		JsonObject report = JsonParser.parseString(Files.readString(folder.resolve("report.json"))).getAsJsonObject();
		long lines = mutant.text().lines().count() + 1;
		for (JsonElement element : report.getAsJsonArray("diagnostics")) {
			JsonObject d = element.getAsJsonObject();
			synchronized (CommandLineFuzzTest.class) {
				diagnostics++;
			}
			int line = d.get("line").getAsInt();
			int column = d.get("column").getAsInt();
			assertTrue(line >= 1 && column >= 1, () -> "no position: " + d);
			if (Path.of(d.get("file").getAsString()).equals(file)) {
				assertTrue(line <= lines, () -> "line " + line + " past the end of the file (" + lines + "): " + d);
			}
		}
		for (JsonElement element : report.getAsJsonArray("results")) {
			JsonObject result = element.getAsJsonObject();
			assertTrue(List.of("holds", "violated", "unknown").contains(result.get("verdict").getAsString()), result
					::toString);
		}
		deleteAll(folder);
	}

	@AfterAll
	static void figures() {
		System.out.printf("fuzz: %d runs; exit codes 0:%d 1:%d 2:%d 3:%d 4:%d; %d diagnostics; slowest %.1f s (%s)%n",
				runs, EXIT_CODES[0], EXIT_CODES[1], EXIT_CODES[2], EXIT_CODES[3], EXIT_CODES[4], diagnostics, slowest,
				slowestMutant);
	}

	private static void deleteAll(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
