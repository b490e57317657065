package dev.shall.checker.trace;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

import dev.shall.model.frontend.Limits;

/**
 * Reads trace files ({@link TraceFormat#read}) from a file that may be anything: every fault is a
 * {@link BadTrace} naming the file, the line and column where the offending JSON value starts,
 * and its path.
 *
 * <p>Two passes over the text with Gson's streaming reader (no JSON is parsed here by hand). The
 * first finds the {@code "#meta"} of every trace, wherever it stands among the members, and checks
 * format and version, so that a trace of another version is refused as such and not for what
 * its members look like to this version. The second reads the traces.
 *
 * <p>Positions: Gson's reader keeps the line and column of the character it reached but shows them
 * only in {@link JsonReader#toString()} and its exception messages ({@code at line L column C path
 * P}), which are read for them. A value starts one character before that after its first token is
 * peeked (strings, objects, arrays, names), or its length before it once consumed (numbers,
 * {@code true}, {@code false}, {@code null}). If a Gson version words it otherwise, errors lose
 * their line and column, never their path.
 */
final class TraceReader {

	private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+) path ");

	private static final String OLD_FORMAT = "a trace in the format before version 1 (no \"#meta\"), as shall 0.1.0 "
			+ "wrote it: re-run shall check --format json to write it again (docs/trace-format.md describes the format)";

	private final Path file;
	private final String text;
	private JsonReader json;

	private TraceReader(Path file, String text) {
		this.file = file;
		this.text = text;
	}

	static List<TraceEntry> read(Path file) throws IOException {
		return parse(file, text(file));
	}

	static List<TraceEntry> parse(Path file, String text) {
		TraceReader reader = new TraceReader(file, text);
		try {
			boolean report = reader.scan();
			return reader.entries(report);
		} catch (MalformedJsonException | EOFException e) {
			throw syntaxError(file, e);
		} catch (IOException e) {
			throw new UncheckedIOException(e); // a StringReader does not fail
		}
	}

	/** The file as text: a regular file of at most {@link TraceFormat#MAX_BYTES}, UTF-8 (a byte-order mark dropped). */
	private static String text(Path file) throws IOException {
		Place whole = Place.FILE;
		if (!Files.exists(file)) {
			throw new BadTrace(file, whole, "there is no such file");
		} else if (Files.isDirectory(file)) {
			throw new BadTrace(file, whole, "is a folder, not a trace file");
		} else if (!Files.isRegularFile(file)) {
			throw new BadTrace(file, whole, "is not a regular file (a pipe or device would block the reader)");
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes((int) TraceFormat.MAX_BYTES + 1);
		}
		if (bytes.length > TraceFormat.MAX_BYTES) {
			throw new BadTrace(file, whole, "is larger than " + (TraceFormat.MAX_BYTES >> 20) + " MB, far beyond any trace");
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
		return text.startsWith("\ufeff") ? text.substring(1) : text;
	}

	/** Gson's account of a syntax error, with its line and column, in the words of this tool. */
	private static BadTrace syntaxError(Path file, IOException e) {
		String message = e.getMessage() == null ? "" : e.getMessage();
		Matcher at = LOCATION.matcher(message);
		Place place = Place.FILE;
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

	private void start() {
		json = new JsonReader(new StringReader(text));
		json.setStrictness(Strictness.STRICT);
	}

	// ------------------------------------------------------------------ pass 1: format and versions

	/**
	 * Checks the {@code "#meta"} of the trace, or of every trace of a report, before anything else
	 * is read; whether the file is a report.
	 */
	private boolean scan() throws IOException {
		if (text.isBlank()) {
			throw new BadTrace(file, Place.FILE, "is empty, not a JSON trace");
		}
		start();
		if (json.peek() != JsonToken.BEGIN_OBJECT) {
			throw wrong("", "a JSON object (a trace, or the report of shall check)");
		}
		Place root = open("");
		boolean meta = false;
		boolean results = false;
		while (json.hasNext()) {
			String name = json.nextName();
			if (name.equals("#meta") && !meta) {
				meta = true;
				meta("#meta");
			} else if (name.equals("results")) {
				// a report; a "results" that is no array is an error of the second pass, at its place
				results = true;
				if (json.peek() == JsonToken.BEGIN_ARRAY) {
					scanResults();
				} else {
					json.skipValue();
				}
			} else {
				json.skipValue();
			}
		}
		json.endObject();
		json.peek(); // a second value is a syntax error
		if (!meta && !results) {
			throw new BadTrace(file, root, OLD_FORMAT);
		}
		return !meta;
	}

	private void scanResults() throws IOException {
		json.beginArray();
		for (int i = 0; json.hasNext(); i++) {
			if (json.peek() != JsonToken.BEGIN_OBJECT) {
				json.skipValue();
				continue;
			}
			json.beginObject();
			while (json.hasNext()) {
				if (json.nextName().equals("trace") && json.peek() == JsonToken.BEGIN_OBJECT) {
					String path = "results[" + i + "].trace";
					Place trace = open(path);
					boolean meta = false;
					while (json.hasNext()) {
						if (json.nextName().equals("#meta") && !meta) {
							meta = true;
							meta(path + ".#meta");
						} else {
							json.skipValue();
						}
					}
					json.endObject();
					if (!meta) {
						throw new BadTrace(file, trace, OLD_FORMAT);
					}
				} else {
					json.skipValue();
				}
			}
			json.endObject();
		}
		json.endArray();
	}

	/** The format and version of {@code "#meta"}: {@value TraceFormat#FORMAT}, version {@value TraceFormat#VERSION}. */
	private void meta(String path) throws IOException {
		if (json.peek() != JsonToken.BEGIN_OBJECT) {
			throw wrong(path, "an object with the trace's \"format\" and \"version\"");
		}
		Place at = open(path);
		Located<String> format = null;
		String version = null;
		Place versionAt = null;
		Set<String> seen = new HashSet<>();
		while (json.hasNext()) {
			String name = name(path, seen);
			switch (name) {
			case "format" -> format = string(path + ".format", "the format's name, \"" + TraceFormat.FORMAT + "\"");
			case "version" -> {
				if (json.peek() != JsonToken.NUMBER) {
					throw wrong(path + ".version", "the format's version, an integer");
				}
				version = json.nextString();
				versionAt = consumed(path + ".version", version.length());
			}
			default -> json.skipValue();
			}
		}
		json.endObject();
		if (format == null) {
			throw new BadTrace(file, at, "lacks the member \"format\" (\"" + TraceFormat.FORMAT + "\")");
		}
		if (!format.value().equals(TraceFormat.FORMAT)) {
			throw new BadTrace(file, format.place(), "not a shall trace: the format is \"" + TraceFormat.clip(format
					.value(), 40) + "\", not \"" + TraceFormat.FORMAT + "\"");
		}
		if (version == null) {
			throw new BadTrace(file, at, "lacks the member \"version\" (" + TraceFormat.VERSION + ")");
		}
		Long number = TraceFormat.plainInteger(version);
		if (number == null || number < 1) {
			throw new BadTrace(file, versionAt, "expected the format's version, an integer from 1, found "
					+ TraceFormat.clip(version, 40));
		}
		if (number > TraceFormat.VERSION) {
			throw new BadTrace(file, versionAt, "trace format version " + number + " is newer than this shall reads "
					+ "(version " + TraceFormat.VERSION + "): read it with a newer shall, or write the trace again "
					+ "with this one");
		}
	}

	// ------------------------------------------------------------------ pass 2: the traces

	private List<TraceEntry> entries(boolean report) throws IOException {
		start();
		Place root = open("");
		Set<String> seen = new HashSet<>();
		List<TraceEntry> entries = new ArrayList<>();
		if (!report) {
			Document document = new Document("", root);
			while (json.hasNext()) {
				document.read(name("", seen));
			}
			entries.add(document.entry());
		} else {
			while (json.hasNext()) {
				if (name("", seen).equals("results")) {
					results("results", entries);
				} else {
					json.skipValue();
				}
			}
		}
		json.endObject();
		return entries;
	}

	/** The traces of the violated properties of a report. */
	private void results(String path, List<TraceEntry> entries) throws IOException {
		if (json.peek() != JsonToken.BEGIN_ARRAY) {
			throw wrong(path, "an array of results");
		}
		open(path);
		for (int i = 0; json.hasNext(); i++) {
			String at = path + "[" + i + "]";
			if (json.peek() != JsonToken.BEGIN_OBJECT) {
				throw wrong(at, "a result (an object)");
			}
			open(at);
			Set<String> seen = new HashSet<>();
			String kind = null;
			String verdict = null;
			TraceEntry trace = null;
			while (json.hasNext()) {
				switch (name(at, seen)) {
				case "kind" -> kind = optionalString(at + ".kind");
				case "verdict" -> verdict = optionalString(at + ".verdict");
				case "trace" -> {
					if (json.peek() != JsonToken.NULL) {
						if (json.peek() != JsonToken.BEGIN_OBJECT) {
							throw wrong(at + ".trace", "a trace (an object)");
						}
						Document document = new Document(at + ".trace", open(at + ".trace"));
						Set<String> members = new HashSet<>();
						while (json.hasNext()) {
							document.read(name(at + ".trace", members));
						}
						json.endObject();
						trace = document.entry();
					} else {
						json.nextNull();
					}
				}
				default -> json.skipValue();
				}
			}
			json.endObject();
			if (trace != null && "violated".equals(verdict) && "property".equals(kind)) {
				entries.add(trace);
			}
		}
		json.endArray();
	}

	private String optionalString(String path) throws IOException {
		return skipNull() ? null : string(path, "a string").value();
	}

	/** A trace as read, before it is checked as a whole; paths in {@link #places} are relative to it. */
	private final class Document {
		final String path;
		final Map<String, Place> places = new HashMap<>();
		String model;
		String procedure;
		TraceDocument.Question question;
		Map<String, String> options = new LinkedHashMap<>();
		Integer instances;
		Trace.Ending ending;
		List<Map<String, String>> initial;
		List<Step> steps;

		Document(String path, Place place) {
			this.path = path;
			places.put("", place);
		}

		private String at(String member) {
			return path.isEmpty() ? member : member.startsWith("[") ? path + member : path + "." + member;
		}

		private void record(String member, Place place) {
			places.put(member, place);
		}

		void read(String name) throws IOException {
			switch (name) {
			case "file" -> model = optional("file");
			case "procedure" -> procedure = optional("procedure");
			case "question" -> question();
			case "options" -> {
				if (!skipNull()) {
					options = strings("options", "an object of option names and values", "the option's value, a string");
				}
			}
			case "instances" -> {
				if (!skipNull()) {
					Located<Long> value = integer(at("instances"), 1, Limits.MAX_VALUES);
					record("instances", value.place());
					instances = value.value().intValue();
				}
			}
			case "ending" -> ending();
			case "initial" -> initial();
			case "steps" -> {
				if (!skipNull()) {
					steps();
				}
			}
			default -> json.skipValue(); // "#meta", read in the first pass, and members of later versions
			}
		}

		private String optional(String member) throws IOException {
			if (skipNull()) {
				return null;
			}
			Located<String> value = string(at(member), "a string");
			record(member, value.place());
			return value.value();
		}

		private Located<String> required(Map<String, Located<String>> members, String object, String member) {
			Located<String> value = members.get(member);
			if (value == null) {
				throw new BadTrace(file, places.get(object), "lacks the member \"" + member + "\"");
			}
			return value;
		}

		/** An object of string members, each recorded; those in {@code names} only, the others skipped. */
		private Map<String, Located<String>> fields(String member, String expected, Set<String> names)
				throws IOException {
			if (json.peek() != JsonToken.BEGIN_OBJECT) {
				throw wrong(at(member), expected);
			}
			record(member, open(at(member)));
			Map<String, Located<String>> values = new HashMap<>();
			Set<String> seen = new HashSet<>();
			while (json.hasNext()) {
				String name = name(at(member), seen);
				if (!names.contains(name)) {
					json.skipValue();
					continue;
				}
				if (skipNull()) {
					continue; // as if absent
				}
				Located<String> value = string(at(member + "." + name), "a string");
				record(member + "." + name, value.place());
				values.put(name, value);
			}
			json.endObject();
			return values;
		}

		private void question() throws IOException {
			if (skipNull()) {
				return;
			}
			Map<String, Located<String>> fields = fields("question", "an object with the question's \"kind\" and "
					+ "\"name\"", Set.of("kind", "name"));
			Located<String> kind = required(fields, "question", "kind");
			if (!TraceDocument.Question.KINDS.contains(kind.value())) {
				throw new BadTrace(file, kind.place(), "expected property, dead-step, bounds or unhandled-message, found \""
						+ TraceFormat.clip(kind.value(), 40) + "\"");
			}
			question = new TraceDocument.Question(kind.value(), required(fields, "question", "name").value());
		}

		private void ending() throws IOException {
			if (skipNull()) {
				return;
			}
			if (json.peek() != JsonToken.BEGIN_OBJECT) {
				throw wrong(at("ending"), "an object with the ending's \"kind\" (finite, stops or loop)");
			}
			record("ending", open(at("ending")));
			Located<String> kind = null;
			Located<Long> loopStart = null;
			Set<String> seen = new HashSet<>();
			while (json.hasNext()) {
				switch (name(at("ending"), seen)) {
				case "kind" -> {
					kind = string(at("ending.kind"), "finite, stops or loop");
					record("ending.kind", kind.place());
				}
				case "loopStart" -> {
					if (!skipNull()) {
						loopStart = integer(at("ending.loopStart"), 0, TraceFormat.MAX_STEPS - 1);
						record("ending.loopStart", loopStart.place());
					}
				}
				default -> json.skipValue();
				}
			}
			json.endObject();
			if (kind == null) {
				throw new BadTrace(file, places.get("ending"), "lacks the member \"kind\" (finite, stops or loop)");
			}
			Located<String> given = kind;
			Trace.Ending.Kind known = Arrays.stream(Trace.Ending.Kind.values()).filter(k -> k.label().equals(given
					.value())).findFirst().orElseThrow(() -> new BadTrace(file, given.place(), "expected finite, stops or "
							+ "loop, found \"" + TraceFormat.clip(given.value(), 40) + "\""));
			if (known == Trace.Ending.Kind.LOOP && loopStart == null) {
				throw new BadTrace(file, places.get("ending"), "a loop lacks the member \"loopStart\" (the index of the "
						+ "state where the cycle starts: 0 the initial state, k the state after step k)");
			}
			if (known != Trace.Ending.Kind.LOOP && loopStart != null) {
				throw new BadTrace(file, loopStart.place(), "only a loop has a \"loopStart\"; this run's ending is "
						+ known.label());
			}
			// checked against the number of steps once the whole trace is read
			ending = known == Trace.Ending.Kind.LOOP ? Trace.Ending.loop(loopStart.value().intValue())
					: known == Trace.Ending.Kind.STOPS ? Trace.Ending.STOPS : Trace.Ending.FINITE;
		}

		private void initial() throws IOException {
			if (skipNull()) {
				return;
			}
			if (json.peek() != JsonToken.BEGIN_ARRAY) {
				throw wrong(at("initial"), "an array of states, one per instance");
			}
			record("initial", open(at("initial")));
			initial = new ArrayList<>();
			while (json.hasNext()) {
				if (initial.size() >= TraceFormat.MAX_RUN) {
					throw new BadTrace(file, peeked(at("initial[" + initial.size() + "]")), "more initial states than "
							+ "a replay follows (" + Limits.format(TraceFormat.MAX_RUN) + ")");
				}
				initial.add(strings("initial[" + initial.size() + "]", "an object of variables (Role.variable) and "
						+ "values", "the variable's value, a string"));
			}
			json.endArray();
		}

		private void steps() throws IOException {
			if (json.peek() != JsonToken.BEGIN_ARRAY) {
				throw wrong(at("steps"), "an array of steps");
			}
			record("steps", open(at("steps")));
			steps = new ArrayList<>();
			while (json.hasNext()) {
				String member = "steps[" + steps.size() + "]";
				if (json.peek() != JsonToken.BEGIN_OBJECT) {
					throw wrong(at(member), "a step (an object with \"role\" and \"step\")");
				}
				Place place = open(at(member));
				if (steps.size() >= TraceFormat.MAX_STEPS) {
					throw new BadTrace(file, place, "the run has more than " + Limits.format(TraceFormat.MAX_STEPS)
							+ " steps, beyond what a replay follows");
				}
				record(member, place);
				steps.add(step(member, steps.size() + 1));
				json.endObject();
			}
			json.endArray();
		}

		private Step step(String member, int position) throws IOException {
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
					if (index.value() != position) {
						throw new BadTrace(file, index.place(), "expected " + position + ", the step's position in the "
								+ "run, found " + index.value());
					}
				}
				case "instance" -> {
					if (json.peek() != JsonToken.NUMBER) {
						throw wrong(at(field), "an integer (the acting instance, from 0)");
					}
					// checked against "instances" once the whole trace is read
					step.instance = json.nextString();
					record(field, consumed(at(field), step.instance.length()));
				}
				case "kind" -> {
					Located<String> kind = string(at(field), "the step's kind, a string");
					record(field, kind.place());
					step.kind = Arrays.stream(TraceStep.Kind.values()).filter(k -> k.label().equals(kind.value()))
							.findFirst().orElseThrow(() -> new BadTrace(file, kind.place(), "expected step, event, loss, "
									+ "duplicate, replay or discard, found \"" + TraceFormat.clip(kind.value(), 40) + "\""));
				}
				case "role", "step", "clause" -> {
					Located<String> value = string(at(field), "a string");
					record(field, value.place());
					switch (name) {
					case "role" -> step.role = value.value();
					case "step" -> step.step = value.value();
					default -> step.clause = value.value();
					}
				}
				case "source" -> source(step, field);
				case "entry" -> {
					// semantics §3.7: the session whose entry a lookup located; checked against the model on replay
					Located<Long> entry = integer(at(field), 0, Limits.MAX_VALUES);
					record(field, entry.place());
					step.entry = entry.value().intValue();
				}
				case "lane" -> {
					Map<String, Located<String>> lane = fields(field, "an object with the lane's \"channel\", \"from\" "
							+ "and \"to\"", Set.of("channel", "from", "to"));
					step.lane = new TraceStep.Lane(required(lane, field, "channel").value(), required(lane, field, "from")
							.value(), required(lane, field, "to").value());
				}
				case "exchanges" -> step.exchanges = exchanges(field);
				case "state" -> step.state = strings(field, "an object of variables (Role.variable) and values",
						"the variable's value, a string");
				default -> step.changed = changed(field);
				}
			}
			for (String required : List.of("role", "step")) {
				if ((required.equals("role") ? step.role : step.step) == null) {
					throw new BadTrace(file, places.get(member), "the step lacks the member \"" + required + "\"");
				}
			}
			if (step.changed != null && step.state != null) {
				for (int j = 0; j < step.changed.size(); j++) {
					if (!step.state.containsKey(step.changed.get(j))) {
						throw new BadTrace(file, places.get(member + ".changed[" + j + "]"), "\""
								+ TraceFormat.clip(step.changed.get(j), 60) + "\" is not a variable of the step's \"state\"");
					}
				}
			}
			return step;
		}

		private void source(Step step, String field) throws IOException {
			if (json.peek() != JsonToken.BEGIN_OBJECT) {
				throw wrong(at(field), "an object with the step's \"file\" and \"line\"");
			}
			record(field, open(at(field)));
			Set<String> seen = new HashSet<>();
			while (json.hasNext()) {
				switch (name(at(field), seen)) {
				case "file" -> {
					Located<String> value = string(at(field + ".file"), "a string");
					record(field + ".file", value.place());
					step.file = value.value();
				}
				case "line" -> {
					Located<Long> value = integer(at(field + ".line"), 0, Integer.MAX_VALUE);
					record(field + ".line", value.place());
					step.line = value.value().intValue();
				}
				default -> json.skipValue();
				}
			}
			json.endObject();
			if (step.file == null) {
				throw new BadTrace(file, places.get(field), "lacks the member \"file\"");
			}
		}

		private List<Exchange> exchanges(String field) throws IOException {
			if (json.peek() != JsonToken.BEGIN_ARRAY) {
				throw wrong(at(field), "an array of exchanges");
			}
			record(field, open(at(field)));
			List<Exchange> exchanges = new ArrayList<>();
			while (json.hasNext()) {
				String member = field + "[" + exchanges.size() + "]";
				Map<String, Located<String>> values = fields(member, "an exchange (an object with \"kind\", \"message\", "
						+ "\"channel\", \"from\" and \"to\")", EXCHANGE_MEMBERS);
				Located<String> kind = required(values, member, "kind");
				if (!Exchange.KINDS.contains(kind.value())) {
					throw new BadTrace(file, kind.place(), "expected sent, received, lost, discarded, duplicated or "
							+ "replayed, found \"" + TraceFormat.clip(kind.value(), 40) + "\"");
				}
				exchanges.add(new Exchange(kind.value(), required(values, member, "message").value(), required(values,
						member, "channel").value(), required(values, member, "from").value(), required(values, member,
								"to").value()));
			}
			json.endArray();
			return exchanges;
		}

		private List<String> changed(String field) throws IOException {
			if (json.peek() != JsonToken.BEGIN_ARRAY) {
				throw wrong(at(field), "an array of variable names (Role.variable)");
			}
			record(field, open(at(field)));
			List<String> names = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			while (json.hasNext()) {
				String member = field + "[" + names.size() + "]";
				Located<String> name = string(at(member), "a variable's name (Role.variable), a string");
				record(member, name.place());
				if (!seen.add(name.value())) {
					throw new BadTrace(file, name.place(), "the variable \"" + TraceFormat.clip(name.value(), 60)
							+ "\" is given twice");
				}
				names.add(name.value());
			}
			json.endArray();
			return names;
		}

		/** An object whose every member is a string, e.g. options or a state; names recorded for errors. */
		private Map<String, String> strings(String member, String expected, String valueExpected) throws IOException {
			if (json.peek() != JsonToken.BEGIN_OBJECT) {
				throw wrong(at(member), expected);
			}
			record(member, open(at(member)));
			Map<String, String> values = new LinkedHashMap<>();
			Set<String> seen = new HashSet<>();
			while (json.hasNext()) {
				Place namePlace = nextPlace(at(member));
				String name = name(at(member), seen);
				String entry = TraceFormat.member(member, name);
				record(TraceEntry.NAME + entry, new Place(namePlace.line(), namePlace.column(), at(entry)));
				Located<String> value = string(at(entry), valueExpected);
				record(entry, value.place());
				values.put(name, value.value());
			}
			json.endObject();
			return values;
		}

		/** The trace, checked as a whole. */
		TraceEntry entry() {
			if (steps == null) {
				throw new BadTrace(file, places.get(""), "lacks the member \"steps\" (the run)");
			}
			int count = instances == null ? 1 : instances;
			if (steps.isEmpty() && question == null) {
				throw new BadTrace(file, places.get("steps"), "an empty run with no \"question\" to show replays "
						+ "nothing");
			}
			long run = Limits.saturatedProduct(count, steps.size() + 1L);
			if (run > TraceFormat.MAX_RUN) {
				throw new BadTrace(file, places.getOrDefault("instances", places.get("steps")), Limits.format(count)
						+ " instances over " + Limits.format(steps.size()) + " steps make " + Limits.format(run)
						+ " instance-states; a replay follows at most " + Limits.format(TraceFormat.MAX_RUN));
			}
			if (initial != null && initial.size() != count) {
				throw new BadTrace(file, places.get("initial"), "expected one initial state per instance, " + count
						+ (instances == null ? " (the trace gives no \"instances\": 1)" : "") + ", found "
						+ initial.size());
			}
			Trace.Ending end = ending == null ? Trace.Ending.FINITE : ending;
			// semantics §6.4: a cycle has at least one step, from the state loopStart (0 the initial state)
			if (end.kind() == Trace.Ending.Kind.LOOP && end.loopStart() >= steps.size()) {
				throw new BadTrace(file, places.get("ending.loopStart"), "expected the state where the cycle starts, "
						+ "from 0 to " + (steps.size() - 1) + " (a cycle has at least one of the run's " + steps.size()
						+ " steps), found " + end.loopStart());
			}
			List<StatedStep> stated = new ArrayList<>();
			for (int k = 0; k < steps.size(); k++) {
				Step step = steps.get(k);
				int instance = 0;
				if (step.instance != null) {
					String member = "steps[" + k + "].instance";
					Long value = TraceFormat.plainInteger(step.instance);
					if (value == null || value < 0 || value >= count) {
						throw new BadTrace(file, places.get(member), "expected an integer from 0 to " + (count - 1)
								+ (instances == null ? " (the trace gives no \"instances\": 1)" : "") + ", found "
								+ TraceFormat.clip(step.instance, 40));
					}
					instance = value.intValue();
				}
				TraceStep complete = null;
				if (step.kind != null && step.exchanges != null && step.state != null && step.changed != null) {
					Map<String, String> changed = new LinkedHashMap<>();
					step.changed.forEach(name -> changed.put(name, step.state.get(name)));
					complete = new TraceStep(k + 1, instance, step.kind, step.role, step.step, step.clause, step.file,
							step.line, step.exchanges, step.state, changed, step.lane, step.entry);
				}
				stated.add(new StatedStep(k + 1, instance, step.role, step.step, step.exchanges, step.state, complete));
			}
			return new TraceEntry(file, model, procedure, question, options, count, initial, stated, end, places);
		}
	}

	private static final Set<String> STEP_MEMBERS = Set.of("index", "instance", "kind", "role", "step", "clause",
			"source", "lane", "entry", "exchanges", "state", "changed");

	private static final Set<String> EXCHANGE_MEMBERS = Set.of("kind", "message", "channel", "from", "to");

	/** A step as read; {@code instance} is the number as written, checked once "instances" is known. */
	private static final class Step {
		String instance;
		TraceStep.Kind kind;
		String role;
		String step;
		String clause;
		String file;
		int line;
		TraceStep.Lane lane;
		Integer entry;
		List<Exchange> exchanges;
		Map<String, String> state;
		List<String> changed;
	}

	private record Located<T>(T value, Place place) {
	}

	// ------------------------------------------------------------------ tokens, with their places

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
			throw new BadTrace(file, new Place(place.line(), place.column(), TraceFormat.member(path, name)),
					"the member \"" + TraceFormat.clip(name, 60) + "\" is given twice");
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
		String number = json.nextString();
		Place place = consumed(path, number.length());
		Long value = TraceFormat.plainInteger(number);
		if (value == null || value < min || value > max) {
			throw new BadTrace(file, place, "expected " + expected + ", found " + TraceFormat.clip(number, 40));
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
			found = "the string \"" + TraceFormat.clip(json.nextString(), 40) + "\"";
		}
		case NUMBER -> {
			String number = json.nextString();
			place = consumed(path, number.length());
			found = "the number " + TraceFormat.clip(number, 40);
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
