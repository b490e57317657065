package dev.shall.checker.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads traces to replay: the report of {@code shall check --format json} (every violated result
 * with a trace), or one result object, possibly written by hand with only {@code instance},
 * {@code role} and {@code step} per step.
 */
public final class TraceFile {

	/** One trace and where it comes from. */
	public record Entry(Path model, String procedure, String property, Map<String, String> options, int instances,
			List<StatedStep> steps) {
	}

	private TraceFile() {
	}

	/** The traces in the file; an unreadable file or a missing field is an {@link IllegalArgumentException}. */
	public static List<Entry> read(Path file) throws IOException {
		JsonElement root;
		try {
			root = JsonParser.parseString(Files.readString(file));
		} catch (JsonParseException e) {
			throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage());
		}
		if (!root.isJsonObject()) {
			throw new IllegalArgumentException(file + ": expected a JSON object (a report or one result)");
		}
		List<Entry> entries = new ArrayList<>();
		JsonObject object = root.getAsJsonObject();
		if (object.has("results")) {
			for (JsonElement result : object.getAsJsonArray("results")) {
				JsonObject r = result.getAsJsonObject();
				if (r.has("trace") && "violated".equals(string(r, "verdict", file)) && "property".equals(string(r, "kind", file))) {
					entries.add(entry(r, file));
				}
			}
		} else {
			entries.add(entry(object, file));
		}
		return entries;
	}

	private static Entry entry(JsonObject result, Path file) {
		Path model = Path.of(string(result, "file", file));
		if (!model.isAbsolute() && !Files.exists(model) && file.toAbsolutePath().getParent() != null) {
			model = file.toAbsolutePath().getParent().resolve(model);
		}
		Map<String, String> options = new LinkedHashMap<>();
		if (result.has("options")) {
			result.getAsJsonObject("options").entrySet().forEach(e -> options.put(e.getKey(), e.getValue().getAsString()));
		}
		int instances = result.has("instances") ? result.get("instances").getAsInt() : 1;
		JsonObject trace = result.has("trace") && result.get("trace").isJsonObject() ? result.getAsJsonObject("trace") : null;
		if (trace == null || !trace.has("steps")) {
			throw new IllegalArgumentException(file + ": the result has no trace with steps");
		}
		List<StatedStep> steps = new ArrayList<>();
		JsonArray array = trace.getAsJsonArray("steps");
		for (int k = 0; k < array.size(); k++) {
			JsonObject s = array.get(k).getAsJsonObject();
			Map<String, String> state = null;
			if (s.has("state")) {
				state = new LinkedHashMap<>();
				for (Map.Entry<String, JsonElement> e : s.getAsJsonObject("state").entrySet()) {
					state.put(e.getKey(), e.getValue().getAsString());
				}
			}
			steps.add(new StatedStep(s.has("index") ? s.get("index").getAsInt() : k + 1,
					s.has("instance") ? s.get("instance").getAsInt() : 0, string(s, "role", file), string(s, "step", file),
					s.has("message") ? s.get("message").getAsString() : null, state));
		}
		return new Entry(model, result.has("procedure") ? result.get("procedure").getAsString() : null,
				result.has("property") ? result.get("property").getAsString() : null, options, instances, steps);
	}

	private static String string(JsonObject object, String field, Path file) {
		if (!object.has(field) || !object.get(field).isJsonPrimitive()) {
			throw new IllegalArgumentException(file + ": a result or step lacks the field '" + field + "'");
		}
		return object.get(field).getAsString();
	}
}
