package dev.shall.checker.executor;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

import dev.shall.checker.report.Escaping;
import dev.shall.model.frontend.Limits;

/**
 * Reads traces to replay, from a file that may be anything: every fault is a {@link BadTrace}
 * naming the file, the line and column where the offending JSON value starts, and its path.
 *
 * <p>The file is UTF-8 JSON (RFC 8259, strictly: no comments, single quotes or NaN) of at most
 * {@link #MAX_BYTES}: either the report of {@code shall check --format json}, whose
 * {@code results} with {@code "verdict": "violated"}, {@code "kind": "property"} and a
 * {@code trace} are replayed, or one result. A result:
 * <pre>
 * { "file": "model.shall",            the model; relative to the trace's folder, else to the working directory
 *   "procedure": "P", "property": "p", optional
 *   "options": { "NAME": "VALUE" },      optional: every option of the procedure, each a string
 *   "instances": 2,                      optional, 1 to 65,536 (default 1)
 *   "trace": { "steps": [
 *     { "instance": 0,                   optional, 0 to instances - 1 (default 0)
 *       "role": "UE", "step": "attach",  the acting role (or lane) and its step (or fault)
 *       "index": 1,                      optional, at least 1
 *       "message": "sent Hello on c",    optional: must match the step's messages
 *       "state": { "UE.k": "K.a" } } ] } } optional: must match the state after the step
 * </pre>
 * Other members are ignored; {@code null} is an optional member left out. A run is at most
 * {@link #MAX_STEPS} steps and {@link #MAX_RUN} instance-states (instances × (steps + 1)), which
 * bounds the memory and time a replay takes whatever the file says.
 *
 * <p>Positions: Gson's streaming reader tokenizes (no JSON is parsed here by hand); it keeps the
 * line and column of the character it reached but shows them only in {@link JsonReader#toString()}
 * and its exception messages ({@code at line L column C path P}), which are read for them. A value
 * starts one character before that after its first token is peeked (strings, objects, arrays,
 * names), or its length before it once consumed (numbers, {@code true}, {@code false}, {@code null}).
 * If a Gson version words it otherwise, errors lose their line and column, never their path.
 */
public final class TraceFile {

	/** The largest trace file read: as for source files, far beyond any run and read in a second. */
	public static final long MAX_BYTES = 16L << 20;

	/**
	 * The most steps a replayed run may have. The replay keeps every step with the acting
	 * instance's variables and the bytes it computed (about a kilobyte a step for a small model,
	 * more for a large one); 10,000 steps stay within a few hundred megabytes and seconds, and far
	 * beyond the counterexamples of {@code shall check} (at most {@code --depth} steps, 40 by
	 * default).
	 */
	public static final int MAX_STEPS = 10_000;

	/**
	 * The most instance-states a replayed run may have (instances × (steps + 1)). The replay keeps
	 * every state of the run, each with a row per instance, and each step costs the acting
	 * instance's moves times the instances; 2^20 keeps that within about 200 MB and 10 seconds.
	 */
	public static final int MAX_RUN = 1 << 20;

	/**
	 * Where a JSON value starts (1-based line and column; 0 when unknown) and its path, e.g.
	 * {@code results[0].trace.steps[3].instance}.
	 */
	public record Place(int line, int column, String path) {

		String prefix(Path file) {
			return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + (path.isEmpty() ? "" : clip(path, 120)
					+ ": ");
		}
	}

	/** The key in {@link Entry#places} of where a member's name is, before its path. */
	private static final String NAME = "name:";

	/** A fault of the trace file: {@code FILE:LINE:COLUMN: PATH: what is wrong}, one line, escaped. */
	public static final class BadTrace extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		BadTrace(Path file, Place place, String message) {
			super(Escaping.visible(place.prefix(file) + message));
		}
	}

	/**
	 * One trace and where it comes from. {@code model} is the {@code file} member as written (null
	 * when absent); {@code places} maps the paths of the result's members, relative to the result
	 * ({@code instances}, {@code options.NAME}, {@code trace.steps[3].role}, and {@code ""} for the
	 * result itself), to where they are.
	 */
	public record Entry(Path file, String model, String procedure, String property, Map<String, String> options,
			int instances, List<StatedStep> steps, Map<String, Place> places) {

		/** The place of a member, or of the nearest enclosing value the file has. */
		public Place place(String member) {
			for (String path = member;; path = parent(path)) {
				Place place = places.get(path);
				if (place != null || path.isEmpty()) {
					return place != null ? place : new Place(0, 0, "");
				}
			}
		}

		/** An error about the value at {@code member} (a path relative to the result). */
		public BadTrace error(String member, String message) {
			return new BadTrace(file, place(member), message);
		}

		/** An error about the name of the member {@code member} of an object (an option, a variable). */
		public BadTrace errorAtName(String member, String message) {
			Place name = places.get(NAME + member);
			return name != null ? new BadTrace(file, name, message) : error(member, message);
		}

		/**
		 * The model file the trace names, which must be a regular file inside {@code project}
		 * (symbolic links followed): a missing member, a path outside the project, a missing file, a
		 * folder, a pipe or device is a {@link BadTrace} at {@code file}.
		 */
		public Path modelFile(Path project) {
			if (model == null) {
				throw error("", "names no model (the member \"file\"); give it with --model");
			}
			Path path;
			try {
				path = Path.of(model);
			} catch (InvalidPathException e) {
				throw error("file", "\"" + clip(model, 80) + "\" is not a file path");
			}
			if (!path.isAbsolute()) {
				Path beside = file.toAbsolutePath().getParent().resolve(path);
				path = Files.exists(beside) || !Files.exists(path) ? beside : path.toAbsolutePath();
			}
			path = path.normalize();
			Path root = project.toAbsolutePath().normalize();
			if (!real(path).startsWith(real(root))) {
				throw error("file", path + " lies outside the project folder " + root
						+ " (--root sets the folder; --model names the model outright)");
			}
			if (!Files.exists(path)) {
				throw error("file", "there is no file " + path + "; give the model with --model");
			} else if (Files.isDirectory(path)) {
				throw error("file", path + " is a folder, not a .shall file");
			} else if (!Files.isRegularFile(path)) {
				throw error("file", path + " is not a regular file (a pipe or device would block the reader)");
			}
			return path;
		}

		private static Path real(Path path) {
			try {
				return path.toRealPath();
			} catch (IOException e) {
				return path; // not there: compared as written, and refused as missing after
			}
		}

		private static String parent(String path) {
			int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
			return cut < 0 ? "" : path.substring(0, cut);
		}
	}

	private TraceFile() {
	}

	/**
	 * The traces in the file, each as a result to replay; every fault of the file (not a regular
	 * file, too large, not UTF-8, not JSON, a member of the wrong type or out of range, a step out
	 * of its instances, an empty run with no property, a run too large) is a {@link BadTrace}.
	 */
	public static List<Entry> read(Path file) throws IOException {
		String text = text(file);
		JsonReader json = new JsonReader(new StringReader(text));
		json.setStrictness(Strictness.STRICT);
		try {
			return new Reading(file, json).document();
		} catch (MalformedJsonException | EOFException e) {
			throw syntaxError(file, e);
		}
	}

	/** The file as text: a regular file of at most {@link #MAX_BYTES}, UTF-8 (a byte-order mark dropped). */
	private static String text(Path file) throws IOException {
		Place whole = new Place(0, 0, "");
		if (!Files.exists(file)) {
			throw new BadTrace(file, whole, "there is no such file");
		} else if (Files.isDirectory(file)) {
			throw new BadTrace(file, whole, "is a folder, not a trace file");
		} else if (!Files.isRegularFile(file)) {
			throw new BadTrace(file, whole, "is not a regular file (a pipe or device would block the reader)");
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes((int) MAX_BYTES + 1);
		}
		if (bytes.length > MAX_BYTES) {
			throw new BadTrace(file, whole, "is larger than " + (MAX_BYTES >> 20) + " MB, far beyond any trace");
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			int line = 1;
			int lineStart = 0;
			for (int i = 0; i < offset; i++) {
				if (bytes[i] == '\n') {
					line++;
					lineStart = i + 1;
				}
			}
			int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
			throw new BadTrace(file, new Place(line, column, ""), "not UTF-8 text (RFC 8259 §8.1): byte 0x"
					+ String.format("%02x", bytes[offset] & 0xff) + " at offset " + offset);
		}
		decoder.flush(out);
		out.flip();
		String text = out.toString();
		text = text.startsWith("\ufeff") ? text.substring(1) : text;
		if (text.isBlank()) {
			throw new BadTrace(file, whole, "is empty, not a JSON trace");
		}
		return text;
	}

	private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+) path ");

	/** Gson's account of a syntax error, with its line and column, in the words of this tool. */
	private static BadTrace syntaxError(Path file, IOException e) {
		String message = e.getMessage() == null ? "" : e.getMessage();
		Matcher at = LOCATION.matcher(message);
		Place place = new Place(0, 0, "");
		if (at.find()) {
			place = new Place(saturated(at.group(1)), saturated(at.group(2)), "");
			message = message.substring(0, at.start());
		}
		if (e instanceof EOFException) {
			message = "the JSON ends early";
		} else if (message.startsWith("Use JsonReader.setStrictness")) {
			message = "a comment, single quote, unquoted name, NaN, trailing comma or second value";
		}
		return new BadTrace(file, place, "not valid JSON (RFC 8259): " + message);
	}

	private static int saturated(String digits) {
		try {
			return Integer.parseInt(digits);
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	static String clip(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	/** A member name in a path: {@code .name} for an identifier, {@code ["any name"]} otherwise. */
	static String member(String path, String name) {
		if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			return path.isEmpty() ? name : path + "." + name;
		}
		return path + "[\"" + clip(name, 60).replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
	}

	/** One pass over the document with Gson's streaming reader. */
	private static final class Reading {

		private final Path file;
		private final JsonReader json;

		Reading(Path file, JsonReader json) {
			this.file = file;
			this.json = json;
		}

		List<Entry> document() throws IOException {
			if (json.peek() != JsonToken.BEGIN_OBJECT) {
				throw wrong("", "a JSON object (the report of shall check, or one result)");
			}
			Result root = new Result("", open(""));
			List<Result> results = null;
			Set<String> seen = new HashSet<>();
			while (json.hasNext()) {
				String name = name("", seen);
				if (name.equals("results")) {
					results = results("results");
				} else {
					root.read(name);
				}
			}
			json.endObject();
			if (json.peek() != JsonToken.END_DOCUMENT) {
				throw new BadTrace(file, peeked(""), "a second JSON value after the first");
			}
			List<Entry> entries = new ArrayList<>();
			if (results == null) {
				entries.add(root.entry());
			} else {
				for (Result result : results) {
					if (result.trace != null && "violated".equals(result.verdict) && "property".equals(result.kind)) {
						entries.add(result.entry());
					}
				}
			}
			return entries;
		}

		private List<Result> results(String path) throws IOException {
			if (json.peek() != JsonToken.BEGIN_ARRAY) {
				throw wrong(path, "an array of results");
			}
			open(path);
			List<Result> results = new ArrayList<>();
			while (json.hasNext()) {
				String at = path + "[" + results.size() + "]";
				if (json.peek() != JsonToken.BEGIN_OBJECT) {
					throw wrong(at, "a result (an object)");
				}
				Result result = new Result(at, open(at));
				Set<String> seen = new HashSet<>();
				while (json.hasNext()) {
					result.read(name(at, seen));
				}
				json.endObject();
				results.add(result);
			}
			json.endArray();
			return results;
		}

		/** A result as read, before it is checked as a whole. */
		private final class Result {
			final String path;
			final Map<String, Place> places = new HashMap<>();
			String model;
			String procedure;
			String property;
			String verdict;
			String kind;
			Map<String, String> options = new LinkedHashMap<>();
			Integer instances;
			Place trace;
			List<Step> steps;

			Result(String path, Place place) {
				this.path = path;
				places.put("", place);
			}

			private String at(String member) {
				return path.isEmpty() ? member : path + "." + member;
			}

			private void record(String member, Place place) {
				places.put(member, place);
			}

			void read(String name) throws IOException {
				switch (name) {
				case "file" -> model = optionalString("file");
				case "procedure" -> procedure = optionalString("procedure");
				case "property" -> property = optionalString("property");
				case "verdict" -> verdict = optionalString("verdict");
				case "kind" -> kind = optionalString("kind");
				case "options" -> options();
				case "instances" -> {
					if (!skipNull()) {
						Located<Long> value = integer(at("instances"), 1, Limits.MAX_VALUES);
						record("instances", value.place());
						instances = value.value().intValue();
					}
				}
				case "trace" -> trace();
				default -> json.skipValue();
				}
			}

			private String optionalString(String member) throws IOException {
				if (skipNull()) {
					return null;
				}
				Located<String> value = string(at(member), "a string");
				record(member, value.place());
				return value.value();
			}

			private void options() throws IOException {
				if (skipNull()) {
					return;
				}
				if (json.peek() != JsonToken.BEGIN_OBJECT) {
					throw wrong(at("options"), "an object of option names and values");
				}
				record("options", open(at("options")));
				Set<String> seen = new HashSet<>();
				while (json.hasNext()) {
					Place namePlace = nextPlace(at("options"));
					String name = name(at("options"), seen);
					String member = member("options", name);
					record(NAME + member, new Place(namePlace.line(), namePlace.column(), at(member)));
					Located<String> value = string(at(member), "the option's value, a string");
					record(member, value.place());
					options.put(name, value.value());
				}
				json.endObject();
			}

			private void trace() throws IOException {
				if (skipNull()) {
					return;
				}
				if (json.peek() != JsonToken.BEGIN_OBJECT) {
					throw wrong(at("trace"), "an object with the run's \"steps\"");
				}
				trace = open(at("trace"));
				record("trace", trace);
				Set<String> seen = new HashSet<>();
				while (json.hasNext()) {
					String name = name(at("trace"), seen);
					if (name.equals("steps") && !skipNull()) {
						steps();
					} else if (!name.equals("steps")) {
						json.skipValue();
					}
				}
				json.endObject();
			}

			private void steps() throws IOException {
				if (json.peek() != JsonToken.BEGIN_ARRAY) {
					throw wrong(at("trace.steps"), "an array of steps");
				}
				record("trace.steps", open(at("trace.steps")));
				steps = new ArrayList<>();
				while (json.hasNext()) {
					String member = "trace.steps[" + steps.size() + "]";
					if (json.peek() != JsonToken.BEGIN_OBJECT) {
						throw wrong(at(member), "a step (an object with \"role\" and \"step\")");
					}
					Place place = open(at(member));
					if (steps.size() >= MAX_STEPS) {
						throw new BadTrace(file, place, "the run has more than " + Limits.format(MAX_STEPS)
								+ " steps, beyond what a replay follows");
					}
					record(member, place);
					steps.add(step(member));
					json.endObject();
				}
				json.endArray();
			}

			private Step step(String member) throws IOException {
				Step step = new Step();
				Set<String> seen = new HashSet<>();
				while (json.hasNext()) {
					String name = name(at(member), seen);
					String field = member + "." + name;
					if (!STEP_MEMBERS.contains(name)) {
						json.skipValue();
						continue;
					}
					if (!name.equals("role") && !name.equals("step") && skipNull()) {
						continue; // optional members may be null; the required ones must be strings
					}
					switch (name) {
					case "index" -> {
						Located<Long> index = integer(at(field), 1, Integer.MAX_VALUE);
						record(field, index.place());
						step.index = index.value().intValue();
					}
					case "instance" -> {
						if (json.peek() != JsonToken.NUMBER) {
							throw wrong(at(field), "an integer (the acting instance, from 0)");
						}
						// checked against "instances" once the whole result is read
						step.instance = json.nextString();
						record(field, consumed(at(field), step.instance.length()));
					}
					case "role", "step", "message" -> {
						Located<String> value = string(at(field), "a string");
						record(field, value.place());
						switch (name) {
						case "role" -> step.role = value.value();
						case "step" -> step.step = value.value();
						default -> step.message = value.value();
						}
					}
					default -> step.state = state(field);
					}
				}
				for (String required : List.of("role", "step")) {
					if ((required.equals("role") ? step.role : step.step) == null) {
						throw new BadTrace(file, places.get(member), "the step lacks the member \"" + required + "\"");
					}
				}
				return step;
			}

			private Map<String, String> state(String field) throws IOException {
				if (json.peek() != JsonToken.BEGIN_OBJECT) {
					throw wrong(at(field), "an object of variables (Role.variable) and values");
				}
				record(field, open(at(field)));
				Map<String, String> state = new LinkedHashMap<>();
				Set<String> seen = new HashSet<>();
				while (json.hasNext()) {
					Place namePlace = nextPlace(at(field));
					String name = name(at(field), seen);
					String variable = member(field, name);
					record(NAME + variable, new Place(namePlace.line(), namePlace.column(), at(variable)));
					Located<String> value = string(at(variable), "the variable's value, a string");
					record(variable, value.place());
					state.put(name, value.value());
				}
				json.endObject();
				return state;
			}

			/** The result as a trace to replay, checked as a whole. */
			Entry entry() {
				if (trace == null) {
					throw new BadTrace(file, places.get(""), "lacks the member \"trace\" (the run to replay, with its "
							+ "\"steps\")");
				}
				if (steps == null) {
					throw new BadTrace(file, trace, "lacks the member \"steps\"");
				}
				int count = instances == null ? 1 : instances;
				if (steps.isEmpty() && property == null) {
					throw new BadTrace(file, places.get("trace.steps"), "an empty run with no \"property\" to show "
							+ "replays nothing");
				}
				long run = Limits.saturatedProduct(count, steps.size() + 1L);
				if (run > MAX_RUN) {
					throw new BadTrace(file, places.getOrDefault("instances", places.get("trace.steps")), Limits.format(
							count) + " instances over " + Limits.format(steps.size()) + " steps make " + Limits.format(run)
							+ " instance-states; a replay follows at most " + Limits.format(MAX_RUN));
				}
				List<StatedStep> stated = new ArrayList<>();
				for (int k = 0; k < steps.size(); k++) {
					Step step = steps.get(k);
					int instance = 0;
					if (step.instance != null) {
						String member = "trace.steps[" + k + "].instance";
						Long value = plainInteger(step.instance);
						if (value == null || value < 0 || value >= count) {
							throw new BadTrace(file, places.get(member), "expected an integer from 0 to " + (count - 1)
									+ (instances == null ? " (the result gives no \"instances\": 1)" : "") + ", found "
									+ clip(step.instance, 40));
						}
						instance = value.intValue();
					}
					stated.add(new StatedStep(step.index != null ? step.index : k + 1, instance, step.role, step.step,
							step.message, step.state));
				}
				return new Entry(file, model, procedure, property, options, count, stated, places);
			}
		}

		private static final Set<String> STEP_MEMBERS = Set.of("index", "instance", "role", "step", "message", "state");

		/** A step as read; {@code instance} is the number as written, checked once "instances" is known. */
		private static final class Step {
			Integer index;
			String instance;
			String role;
			String step;
			String message;
			Map<String, String> state;
		}

		private record Located<T>(T value, Place place) {
		}

		/** Where the next member's name starts. */
		private Place nextPlace(String path) throws IOException {
			json.peek();
			return peeked(path);
		}

		/** The next member's name; a name given twice in one object is an error (RFC 8259 §4: SHOULD be unique). */
		private String name(String path, Set<String> seen) throws IOException {
			json.peek();
			Place place = peeked(path);
			String name = json.nextName();
			if (!seen.add(name)) {
				throw new BadTrace(file, new Place(place.line(), place.column(), member(path, name)),
						"the member \"" + clip(name, 60) + "\" is given twice");
			}
			return name;
		}

		/** Consumes a null and says so; anything else is left for the caller. */
		private boolean skipNull() throws IOException {
			if (json.peek() == JsonToken.NULL) {
				json.nextNull();
				return true;
			}
			return false;
		}

		private Located<String> string(String path, String expected) throws IOException {
			if (json.peek() != JsonToken.STRING) {
				throw wrong(path, expected);
			}
			Place place = peeked(path);
			return new Located<>(json.nextString(), place);
		}

		private Located<Long> integer(String path, long min, long max) throws IOException {
			String expected = "an integer from " + Limits.format(min) + " to " + Limits.format(max);
			if (json.peek() != JsonToken.NUMBER) {
				throw wrong(path, expected);
			}
			String text = json.nextString();
			Place place = consumed(path, text.length());
			Long value = plainInteger(text);
			if (value == null || value < min || value > max) {
				throw new BadTrace(file, place, "expected " + expected + ", found " + clip(text, 40));
			}
			return new Located<>(value, place);
		}

		/** Enters an object or array and returns where it starts. */
		private Place open(String path) throws IOException {
			JsonToken token = json.peek();
			Place place = peeked(path);
			if (token == JsonToken.BEGIN_OBJECT) {
				json.beginObject();
			} else {
				json.beginArray();
			}
			return place;
		}

		/** What was found where something else was expected, consumed so that its start is known. */
		private BadTrace wrong(String path, String expected) throws IOException {
			JsonToken token = json.peek();
			Place place;
			String found;
			switch (token) {
			case BEGIN_OBJECT -> {
				place = peeked(path);
				found = "an object";
			}
			case BEGIN_ARRAY -> {
				place = peeked(path);
				found = "an array";
			}
			case STRING -> {
				place = peeked(path);
				found = "the string \"" + clip(json.nextString(), 40) + "\"";
			}
			case NUMBER -> {
				String text = json.nextString();
				place = consumed(path, text.length());
				found = "the number " + clip(text, 40);
			}
			case BOOLEAN -> {
				boolean value = json.nextBoolean();
				place = consumed(path, value ? 4 : 5);
				found = Boolean.toString(value);
			}
			case NULL -> {
				json.nextNull();
				place = consumed(path, 4);
				found = "null";
			}
			default -> {
				place = peeked(path);
				found = "nothing";
			}
			}
			return new BadTrace(file, place, "expected " + expected + ", found " + found);
		}

		/** Where the value just peeked starts, when its first character is consumed by the peek. */
		private Place peeked(String path) {
			int[] at = location();
			return new Place(at[0], Math.max(at[1] - 1, at[0] == 0 ? 0 : 1), path);
		}

		/** Where the literal of {@code length} characters just consumed starts. */
		private Place consumed(String path, int length) {
			int[] at = location();
			return new Place(at[0], Math.max(at[1] - length, at[0] == 0 ? 0 : 1), path);
		}

		private int[] location() {
			Matcher at = LOCATION.matcher(json.toString());
			return at.find() ? new int[] { saturated(at.group(1)), saturated(at.group(2)) } : new int[] { 0, 0 };
		}
	}

	/** The value of an integer literal without fraction or exponent that fits a long; null otherwise. */
	static Long plainInteger(String text) {
		if (text.length() > 20 || !text.matches("-?(0|[1-9][0-9]*)")) {
			return null;
		}
		try {
			return Long.parseLong(text);
		} catch (NumberFormatException e) {
			return null; // beyond 2^63
		}
	}
}
