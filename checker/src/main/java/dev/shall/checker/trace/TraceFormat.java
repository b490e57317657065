package dev.shall.checker.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.text.Escaping;

/**
 * The one trace format: a run as JSON, version {@value #VERSION}, specified in
 * {@code docs/trace-format.md} (ADR 0010). Every trace shall writes or reads goes through here:
 * the JSON report's and SARIF's {@code trace} members, the HTML report's {@code traces/N.json},
 * and {@code shall replay}.
 *
 * <p>A trace is one JSON object ({@link TraceDocument}):
 * <pre>
 * { "#meta": { "format": "shall-trace", "version": 1 },
 *   "file": "model.shall", "procedure": "P",
 *   "question": { "kind": "property", "name": "p" },
 *   "options": { "NAME": "VALUE" }, "instances": 1,
 *   "ending": { "kind": "loop", "loopStart": 2 },        or "finite", or "stops"
 *   "initial": [ { "UE.k": "K.a" } ],                   per instance
 *   "steps": [ { "index": 1, "instance": 0, "kind": "step", "role": "UE", "step": "attach",
 *                "clause": "5.3.2", "source": { "file": "model.shall", "line": 12 },
 *                "exchanges": [ { "kind": "sent", "message": "Hello(k=K.a)", "channel": "c",
 *                                 "from": "UE", "to": "MME" } ],
 *                "state": { "UE.k": "K.a" }, "changed": [ "UE.k" ] } ] }
 * </pre>
 * A fault step has {@code "kind": "loss"} ({@code duplicate}, {@code replay}, {@code discard}),
 * its lane as {@code role} and as {@code "lane": { "channel", "from", "to" }}.
 *
 * <p>Reading ({@link #read}) accepts such a trace, a trace written by hand with less (per step only
 * {@code role} and {@code step} are required), or the report of {@code shall check --format json},
 * whose results carry traces; it refuses a version it does not know, and the format before
 * version 1 (no {@code "#meta"}: shall 0.1.0's reports), with "re-run shall check": reading that
 * format too would keep a second grammar, and its robustness tests, for files that one command
 * writes again. Every fault of a file is a {@link BadTrace} at the line and column where the
 * offending value starts, with its JSON path. Limits: {@link #MAX_BYTES}, {@link #MAX_STEPS},
 * {@link #MAX_RUN}, and Gson's nesting limit (255).
 */
public final class TraceFormat {

	/** The value of {@code #meta.format}. */
	public static final String FORMAT = "shall-trace";

	/** The version written, and the only one read (version policy: {@code docs/trace-format.md}). */
	public static final int VERSION = 1;

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

	private TraceFormat() {
	}

	/** The trace as a JSON object, members in the order of the specification; absent values left out. */
	public static JsonObject toJson(TraceDocument document) {
		JsonObject root = new JsonObject();
		JsonObject meta = new JsonObject();
		meta.addProperty("format", FORMAT);
		meta.addProperty("version", VERSION);
		root.add("#meta", meta);
		if (document.file() != null) {
			root.addProperty("file", document.file());
		}
		if (document.procedure() != null) {
			root.addProperty("procedure", document.procedure());
		}
		if (document.question() != null) {
			JsonObject question = new JsonObject();
			question.addProperty("kind", document.question().kind());
			question.addProperty("name", document.question().name());
			root.add("question", question);
		}
		root.add("options", strings(document.options()));
		root.addProperty("instances", document.instances());
		Trace trace = document.trace();
		JsonObject ending = new JsonObject();
		ending.addProperty("kind", trace.ending().kind().label());
		if (trace.ending().kind() == Trace.Ending.Kind.LOOP) {
			ending.addProperty("loopStart", trace.ending().loopStart());
		}
		root.add("ending", ending);
		JsonArray initial = new JsonArray();
		trace.initial().forEach(state -> initial.add(strings(state)));
		root.add("initial", initial);
		JsonArray steps = new JsonArray();
		for (TraceStep step : trace.steps()) {
			steps.add(step(step));
		}
		root.add("steps", steps);
		return root;
	}

	private static JsonObject step(TraceStep step) {
		JsonObject s = new JsonObject();
		s.addProperty("index", step.index());
		s.addProperty("instance", step.instance());
		s.addProperty("kind", step.kind().label());
		s.addProperty("role", step.role());
		s.addProperty("step", step.step());
		if (step.clause() != null) {
			s.addProperty("clause", step.clause());
		}
		if (step.file() != null) {
			JsonObject source = new JsonObject();
			source.addProperty("file", step.file());
			source.addProperty("line", step.line());
			s.add("source", source);
		}
		if (step.entry() != null) {
			s.addProperty("entry", step.entry());
		}
		if (step.lane() != null) {
			JsonObject lane = new JsonObject();
			lane.addProperty("channel", step.lane().channel());
			lane.addProperty("from", step.lane().from());
			lane.addProperty("to", step.lane().to());
			s.add("lane", lane);
		}
		JsonArray exchanges = new JsonArray();
		for (Exchange exchange : step.exchanges()) {
			JsonObject e = new JsonObject();
			e.addProperty("kind", exchange.kind());
			e.addProperty("message", exchange.message());
			e.addProperty("channel", exchange.channel());
			e.addProperty("from", exchange.from());
			e.addProperty("to", exchange.to());
			exchanges.add(e);
		}
		s.add("exchanges", exchanges);
		s.add("state", strings(step.state()));
		JsonArray changed = new JsonArray();
		step.changed().keySet().forEach(changed::add);
		s.add("changed", changed);
		return s;
	}

	private static JsonObject strings(Map<String, String> values) {
		JsonObject object = new JsonObject();
		values.forEach(object::addProperty);
		return object;
	}

	/**
	 * The trace as a JSON text, pretty-printed, every control and bidirectional formatting
	 * character escaped ({@link Escaping#json}: the data are unchanged).
	 */
	public static String write(TraceDocument document) {
		return Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(
				document)));
	}

	/**
	 * The traces in the file: one, or those of the violated properties of a report of
	 * {@code shall check --format json}. Every fault of the file (not a regular file, too large,
	 * not UTF-8, not JSON, another format or version, a member of the wrong type or out of range, a
	 * step out of its instances, an empty run that shows nothing, a run too large) is a
	 * {@link BadTrace}.
	 */
	public static List<TraceEntry> read(Path file) throws IOException {
		return TraceReader.read(file);
	}

	/** As {@link #read(Path)}, of a text already read; {@code file} names it in errors. */
	public static List<TraceEntry> parse(Path file, String text) {
		return TraceReader.parse(file, text);
	}

	/** The text cut to {@code length} characters, with an ellipsis when cut. */
	public static String clip(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	/**
	 * A member name in a path: {@code .name} for an identifier ({@code #meta} included),
	 * {@code ["any name"]} otherwise.
	 */
	public static String member(String path, String name) {
		if (name.matches("#?[A-Za-z_][A-Za-z0-9_]*")) {
			return path.isEmpty() ? name : path + "." + name;
		}
		return path + "[\"" + clip(name, 60).replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
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
