package dev.shall.checker.ide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A client of the language server at the level of bytes: it frames whatever body it is given
 * with a {@code Content-Length} header (LSP 3.17, "Base Protocol"), so it can send malformed
 * JSON, and it reads every message the server sends as a JSON object, so that a test sees the
 * raw error responses (LSP4J's own client would swallow those without a matching request id).
 */
final class RawLspClient implements AutoCloseable {

	/** How long a test waits for a message: generous, as the machine may be busy; speed is for benchmarks. */
	static final long TIMEOUT_SECONDS = 60;

	private final OutputStream out;
	/** The messages received and not yet awaited, in order; guarded by this. */
	private final List<JsonObject> unclaimed = new ArrayList<>();
	/** Every message received, for the failure messages and for the checks over all of them; guarded by this. */
	private final List<JsonObject> all = new ArrayList<>();
	private final Thread reader;

	RawLspClient(InputStream in, OutputStream out) {
		this.out = out;
		reader = new Thread(() -> read(in), "raw LSP client");
		reader.setDaemon(true);
		reader.start();
	}

	/** Sends the body as one message, whatever it is. */
	void sendRaw(String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		synchronized (out) {
			out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
		}
	}

	void request(Object id, String method, JsonElement params) throws IOException {
		JsonObject message = new JsonObject();
		message.addProperty("jsonrpc", "2.0");
		if (id instanceof Number number) {
			message.addProperty("id", number);
		} else {
			message.addProperty("id", String.valueOf(id));
		}
		message.addProperty("method", method);
		if (params != null) {
			message.add("params", params);
		}
		sendRaw(message.toString());
	}

	void notify(String method, JsonElement params) throws IOException {
		JsonObject message = new JsonObject();
		message.addProperty("jsonrpc", "2.0");
		message.addProperty("method", method);
		if (params != null) {
			message.add("params", params);
		}
		sendRaw(message.toString());
	}

	/** The response to the request with this id (a number, a string, or null for "id": null). */
	JsonObject response(Object id) throws InterruptedException {
		return await("the response to request " + id, m -> !m.has("method") && m.has("id") && sameId(m.get("id"), id));
	}

	/** The next error response to the request with this id; fails if it is a result. */
	JsonObject error(Object id) throws InterruptedException {
		JsonObject response = response(id);
		if (!response.has("error")) {
			throw new AssertionError("expected an error for request " + id + ", got " + response);
		}
		return response.getAsJsonObject("error");
	}

	/** The result of the request with this id; fails if it is an error. */
	JsonElement result(Object id) throws InterruptedException {
		JsonObject response = response(id);
		if (!response.has("result")) {
			throw new AssertionError("expected a result for request " + id + ", got " + response);
		}
		return response.get("result");
	}

	/** The next notification of the method whose params satisfy the predicate. */
	JsonObject notification(String method, Predicate<JsonObject> params) throws InterruptedException {
		return await("a '" + method + "' notification as wanted", m -> method.equals(stringOr(m, "method"))
				&& !m.has("id") && m.get("params").isJsonObject() && params.test(m.getAsJsonObject("params")))
				.getAsJsonObject("params");
	}

	/** The diagnostics of the next publication for the document that satisfies the predicate. */
	JsonObject diagnostics(String uri, Predicate<List<JsonObject>> wanted) throws InterruptedException {
		return notification("textDocument/publishDiagnostics", p -> uri.equals(p.get("uri").getAsString())
				&& wanted.test(diagnosticsOf(p)));
	}

	static List<JsonObject> diagnosticsOf(JsonObject publication) {
		List<JsonObject> diagnostics = new ArrayList<>();
		publication.getAsJsonArray("diagnostics").forEach(d -> diagnostics.add(d.getAsJsonObject()));
		return diagnostics;
	}

	/** Every message received so far. */
	synchronized List<JsonObject> all() {
		return List.copyOf(all);
	}

	/**
	 * Claims the first message received, or to be received within {@link #TIMEOUT_SECONDS}, that
	 * satisfies the predicate; the others stay for later claims.
	 */
	synchronized JsonObject await(String what, Predicate<JsonObject> wanted) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (true) {
			for (Iterator<JsonObject> i = unclaimed.iterator(); i.hasNext();) {
				JsonObject message = i.next();
				if (wanted.test(message)) {
					i.remove();
					return message;
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("no " + what + " within " + TIMEOUT_SECONDS + " s; last received: "
						+ all.subList(Math.max(0, all.size() - 10), all.size()));
			}
			wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
		}
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

	private static boolean sameId(JsonElement id, Object wanted) {
		if (wanted == null) {
			return id.isJsonNull();
		}
		if (!id.isJsonPrimitive()) {
			return false;
		}
		return wanted instanceof Number number ? id.getAsJsonPrimitive().isNumber()
				&& id.getAsLong() == number.longValue() : id.getAsString().equals(wanted.toString());
	}

	private static String stringOr(JsonObject message, String member) {
		return message.has(member) && message.get(member).isJsonPrimitive() ? message.get(member).getAsString() : null;
	}

	private void read(InputStream in) {
		try {
			while (true) {
				int length = -1;
				String line;
				while (!(line = headerLine(in)).isEmpty()) {
					if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
						length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
					}
				}
				byte[] body = in.readNBytes(length);
				if (body.length < length) {
					return;
				}
				JsonObject message = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
				synchronized (this) {
					all.add(message);
					unclaimed.add(message);
					notifyAll();
				}
			}
		} catch (IOException | RuntimeException e) {
			// the server closed the connection
		}
	}

	private static String headerLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new IOException("end of stream");
			}
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}
}
