package dev.shall.checker.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import dev.shall.model.check.LanguageServerProvider;

/**
 * The language server against a misbehaving client, through raw JSON-RPC bytes over pipes (the
 * server as {@code shall lsp} runs it, in process): malformed messages get the error codes of
 * JSON-RPC 2.0 (section 5.1) and LSP 3.17, no error response carries a Java stack trace, positions
 * past the end are clamped, an out-of-range change is applied clamped and reported, control
 * characters break nothing, a 6 MB document does not hold back another document's diagnostics,
 * and after all that a normal document still gets its diagnostics. The lifecycle through a real
 * {@code shall lsp} process is in {@link LanguageServerProcessTest}.
 */
class LanguageServerRobustnessTest {

	static final String PROCEDURE = """
			procedure Ping clause "1"
			role A { var sent : bool = false }
			role B { var got : bool = false }
			channel c : A -> B reliable capacity 1
			message Hello
			step greet clause "1.1": A shall "send hello" when not sent { send Hello on c  sent := true }
			step take clause "1.2": B shall "take hello" receive Hello on c { got := true }
			property neverGot clause "1.3": never B.got
			""";

	/** A Java stack frame, as LSP4J puts them into an error's data by default. */
	private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

	@TempDir
	Path workspace;

	private RawLspClient client;
	private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

	@BeforeEach
	void start() throws Exception {
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		LanguageServerProvider provider = LanguageServerProvider.find().orElseThrow();
		Thread serving = new Thread(() -> {
			try {
				exitCode.complete(provider.serve(serverIn, serverOut));
			} catch (Exception e) {
				exitCode.completeExceptionally(e);
			}
		}, "language server under test");
		serving.setDaemon(true);
		serving.start();
		client = new RawLspClient(clientIn, clientOut);
	}

	@AfterEach
	void stop() throws Exception {
		client.close();
		for (JsonObject message : client.all()) {
			if (message.has("error")) {
				JsonObject error = message.getAsJsonObject("error");
				assertFalse(error.has("data"), "an error response with data: " + message);
				assertFalse(STACK_FRAME.matcher(error.get("message").getAsString()).find(), "a stack trace: " + message);
			}
		}
	}

	@Test
	void malformedMessagesGetJsonRpcErrorCodes() throws Exception {
		initialize();
		client.sendRaw("this is not JSON");
		assertEquals(-32700, code(client.error(null)), "text that is not JSON: ParseError, id null");
		client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":");
		assertEquals(-32700, code(client.error(2)), "JSON cut short: ParseError, with the id it had");
		client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":");
		assertEquals(-32700, code(client.error(3)), "JSON cut short in the params: ParseError");
		client.sendRaw("[1, 2, 3]");
		assertEquals(-32600, code(client.error(null)), "a batch (LSP has none): InvalidRequest");
		client.sendRaw("{\"jsonrpc\":\"2.0\",\"params\":{}}");
		assertEquals(-32600, code(client.error(null)), "neither method nor id: InvalidRequest");
		client.sendRaw("{\"id\":4,\"method\":\"textDocument/hover\",\"params\":" + position(uri("a.shall"), 0, 0) + "}");
		assertEquals(-32600, code(client.error(4)), "no \"jsonrpc\": \"2.0\": InvalidRequest");
		client.sendRaw("");
		assertEquals(-32700, code(client.error(null)), "an empty body: ParseError");
		client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"s5\",\"method\":\"initialize\",\"params\":{\"processId\":}}");
		assertEquals(-32700, code(client.error("s5")), "a string id is kept");

		client.request(10, "shall/noSuchMethod", new JsonObject());
		assertEquals(-32601, code(client.error(10)), "unknown method: MethodNotFound");
		client.request(11, "$/noSuchMethod", new JsonObject());
		assertEquals(-32601, code(client.error(11)), "unknown $/ request: MethodNotFound (LSP 3.17, $ Notifications and Requests)");
		client.request(12, "textDocument/implementation", position(uri("a.shall"), 0, 0));
		assertEquals(-32601, code(client.error(12)), "an LSP method the server lacks: MethodNotFound");
		client.request(13, "initialize", initializeParams());
		assertEquals(-32600, code(client.error(13)), "a second initialize: InvalidRequest");

		client.request(20, "textDocument/hover", new JsonPrimitive(42));
		assertEquals(-32602, code(client.error(20)), "params of the wrong type: InvalidParams");
		client.request(21, "textDocument/hover", json("{\"textDocument\":{\"uri\":\"" + uri("a.shall") + "\"}}"));
		assertEquals(-32602, code(client.error(21)), "a required field missing: InvalidParams");
		client.request(22, "textDocument/hover", null);
		assertEquals(-32602, code(client.error(22)), "params missing: InvalidParams");
		client.request(23, "textDocument/hover", json("{\"textDocument\":\"a.shall\",\"position\":{\"line\":0,\"character\":0}}"));
		assertEquals(-32602, code(client.error(23)), "a field of the wrong type: InvalidParams");
		client.request(24, "textDocument/hover", json("{\"textDocument\":{\"uri\":\"" + uri("a.shall")
				+ "\"},\"position\":{\"line\":\"x\",\"character\":0}}"));
		assertEquals(-32602, code(client.error(24)), "a number that is a string: InvalidParams");
		client.request(25, "textDocument/hover", position(uri("missing.shall"), 0, 0));
		assertEquals(-32602, code(client.error(25)), "a document neither open nor on disk: InvalidParams");

		// notifications cannot be answered: a bad one is reported and ignored
		client.notify("textDocument/didOpen", json("{\"textDocument\":{\"uri\":\"" + uri("a.shall") + "\"}}"));
		client.notification("window/logMessage", p -> p.get("message").getAsString().contains("textDocument/didOpen"));
		client.notify("shall/noSuchNotification", new JsonObject());

		assertNormalDocumentStillChecked();
	}

	@Test
	void positionsPastTheEndAreClamped() throws Exception {
		initialize();
		String uri = open("ping.shall", PROCEDURE);
		client.diagnostics(uri, d -> d.stream().anyMatch(x -> message(x).startsWith("neverGot is violated")));
		int[][] positions = { { 0, 999 }, { 7, 10_000 }, { 999, 0 }, { 999, 999 }, { -1, -5 }, { 3, -1 },
				{ Integer.MAX_VALUE, Integer.MAX_VALUE } };
		String[] methods = { "textDocument/hover", "textDocument/completion", "textDocument/definition",
				"textDocument/references", "textDocument/documentHighlight", "textDocument/signatureHelp",
				"textDocument/prepareRename" };
		int id = 100;
		for (String method : methods) {
			for (int[] at : positions) {
				JsonObject params = position(uri, at[0], at[1]);
				if (method.endsWith("references")) {
					params.add("context", json("{\"includeDeclaration\":true}"));
				}
				client.request(++id, method, params);
				JsonObject response = client.response(id);
				assertTrue(response.has("result"), method + " at " + at[0] + ":" + at[1] + ": " + response);
			}
		}
		JsonObject range = json("{\"textDocument\":{\"uri\":\"" + uri + "\"},\"range\":{\"start\":{\"line\":5,"
				+ "\"character\":400},\"end\":{\"line\":900,\"character\":3}},\"context\":{\"diagnostics\":[]}}");
		client.request(++id, "textDocument/codeAction", range);
		assertTrue(client.response(id).has("result"), "code action over a range past the end");
		range.remove("context");
		range.add("options", json("{\"tabSize\":2,\"insertSpaces\":true}"));
		client.request(++id, "textDocument/rangeFormatting", range);
		assertTrue(client.response(id).has("result"), "range formatting past the end");
		// past the end of the property's line is the end of that line: still the property
		client.request(++id, "textDocument/hover", position(uri, 7, 500));
		String hover = client.result(id).getAsJsonObject().getAsJsonObject("contents").get("value").getAsString();
		client.request(++id, "textDocument/hover", position(uri, 7, 43));
		assertEquals(client.result(id).getAsJsonObject().getAsJsonObject("contents").get("value").getAsString(), hover);
		assertNormalDocumentStillChecked();
	}

	@Test
	void outOfRangeChangesAreAppliedClampedAndReported() throws Exception {
		initialize();
		String fixed = PROCEDURE.replace("never B.got\n", "never B.got\n  expect violated\n");
		String uri = open("ping.shall", fixed);
		client.diagnostics(uri, d -> d.stream().noneMatch(x -> x.get("severity").getAsInt() == 1));
		// past the end of the document: appended, as the text after the last line
		change(uri, 2, 50, 0, 60, 3, "property neverSent clause \"1.4\": never A.sent\n");
		JsonObject report = client.notification("window/logMessage", p -> message(p).contains(uri));
		assertTrue(message(report).contains("outside the document"), message(report));
		client.diagnostics(uri, d -> d.stream().anyMatch(x -> message(x).startsWith("neverSent is violated")));
		// past the end of the first line, and reversed: the end of that line
		change(uri, 3, 0, 900, 0, 800, " // a comment at the end of line 1");
		client.notification("window/logMessage", p -> message(p).contains("version 3"));
		// a negative position is the start; the document is still whole: the violation stays
		change(uri, 4, -3, -3, -1, 0, "// a comment at the start\n");
		client.notification("window/logMessage", p -> message(p).contains("version 4"));
		// the appended property, one line down for the comment: the text is whole and in order
		client.diagnostics(uri, d -> d.stream().anyMatch(x -> message(x).startsWith("neverSent is violated")
				&& line(x) == 10));
		// a change to a document that is not open
		change(uri("not-open.shall"), 1, 0, 0, 0, 0, "x");
		client.notification("window/logMessage", p -> message(p).contains("not open"));
		assertNormalDocumentStillChecked();
	}

	@Test
	void controlCharactersBreakNothing() throws Exception {
		initialize();
		String[] texts = { "\u0000\u0001\u001b[31mprocedure\u0007 X\u0000", PROCEDURE.replace("Hello", "He\u0000llo"),
				PROCEDURE.replace("\n", "\r"), PROCEDURE.replace("\n", "\r\n") + "\u001b\u007f\u0085\u2028\ufeff\uffff",
				"\ufeff" + PROCEDURE, "procedure \"\ud800\" clause \"\udfff\"", "\u0000".repeat(10_000) };
		int id = 200;
		for (int i = 0; i < texts.length; i++) {
			String uri = open("control-" + i + ".shall", texts[i]);
			client.diagnostics(uri, d -> true);
			for (int[] at : new int[][] { { 0, 3 }, { 5, 20 }, { 7, 0 } }) {
				client.request(++id, "textDocument/hover", position(uri, at[0], at[1]));
				assertTrue(client.response(id).has("result"), texts[i]);
				client.request(++id, "textDocument/completion", position(uri, at[0], at[1]));
				assertTrue(client.response(id).has("result"), texts[i]);
			}
			change(uri, 2, 0, 1, 0, 2, "\u0000\u001b");
		}
		assertNormalDocumentStillChecked();
	}

	@Test
	void largeDocumentDoesNotStallOthers() throws Exception {
		initialize();
		// 6 MB of properties, with a syntax error near the end
		StringBuilder text = new StringBuilder(PROCEDURE);
		int lines = PROCEDURE.split("\n").length;
		for (int i = 0; text.length() < 6_000_000; i++, lines++) {
			text.append("property p").append(i).append(" clause \"1\": always B.got or not B.got\n");
		}
		text.append("property broken clause \"1\": always (\n");
		int brokenLine = lines;
		String large = open("large.shall", text.toString());
		String small = open("small.shall", PROCEDURE);
		client.diagnostics(small, d -> d.stream().anyMatch(x -> message(x).startsWith("neverGot is violated")));
		JsonObject published = client.diagnostics(large, d -> !d.isEmpty());
		List<JsonObject> diagnostics = RawLspClient.diagnosticsOf(published);
		JsonObject info = diagnostics.get(0);
		assertEquals("shall.document-size", info.get("code").getAsString(), published.toString());
		assertEquals(3, info.get("severity").getAsInt(), "information");
		assertTrue(message(info).contains("only its syntax is checked"), message(info));
		List<Integer> errorLines = new ArrayList<>();
		diagnostics.stream().skip(1).forEach(d -> errorLines.add(line(d)));
		assertFalse(errorLines.isEmpty(), "the syntax error: " + published);
		assertTrue(errorLines.stream().allMatch(l -> l >= brokenLine), "at the broken property's line " + brokenLine
				+ " or after: " + errorLines);
		// the other document goes on being checked while the large one changes
		change(large, 2, 0, 0, 0, 0, "// edited\n");
		change(small, 2, 7, 0, 7, 0, "property neverSent clause \"1.4\": never A.sent\n");
		client.diagnostics(small, d -> d.stream().anyMatch(x -> message(x).startsWith("neverSent is violated")));
		// back under the limit: checked in full again
		client.notify("textDocument/didChange", json("{\"textDocument\":{\"uri\":\"" + large + "\",\"version\":3},"
				+ "\"contentChanges\":[{\"text\":" + new JsonPrimitive(PROCEDURE) + "}]}"));
		client.diagnostics(large, d -> d.stream().anyMatch(x -> message(x).startsWith("neverGot is violated")));
		assertNormalDocumentStillChecked();
	}

	@Test
	void requestsBeforeInitializeAreRefusedAndExitWithoutShutdownIsCode1() throws Exception {
		client.request(1, "textDocument/hover", position(uri("a.shall"), 0, 0));
		assertEquals(-32002, code(client.error(1)), "before initialize: ServerNotInitialized");
		initialize();
		client.notify("exit", null);
		assertEquals(1, exitCode.get(RawLspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
	}

	/** After whatever the test sent, a document with a violated property still gets its diagnostic. */
	private void assertNormalDocumentStillChecked() throws Exception {
		String uri = open("normal.shall", PROCEDURE);
		client.diagnostics(uri, d -> d.stream().anyMatch(x -> message(x).startsWith("neverGot is violated")));
		client.request("shutdown", "shutdown", null);
		client.result("shutdown");
		client.notify("exit", null);
		assertEquals(0, exitCode.get(RawLspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS), "shutdown, then exit: 0");
	}

	private void initialize() throws Exception {
		client.request(1, "initialize", initializeParams());
		client.result(1);
		client.notify("initialized", new JsonObject());
	}

	private JsonObject initializeParams() {
		return json("{\"processId\":null,\"rootUri\":\"" + workspace.toUri() + "\",\"capabilities\":{}}");
	}

	private String open(String name, String text) throws Exception {
		String uri = uri(name);
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		document.addProperty("languageId", "shall");
		document.addProperty("version", 1);
		document.addProperty("text", text);
		JsonObject params = new JsonObject();
		params.add("textDocument", document);
		client.notify("textDocument/didOpen", params);
		return uri;
	}

	private void change(String uri, int version, int startLine, int startCharacter, int endLine, int endCharacter,
			String text) throws Exception {
		client.notify("textDocument/didChange", json("{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version
				+ "},\"contentChanges\":[{\"range\":{\"start\":{\"line\":" + startLine + ",\"character\":" + startCharacter
				+ "},\"end\":{\"line\":" + endLine + ",\"character\":" + endCharacter + "}},\"text\":"
				+ new JsonPrimitive(text) + "}]}"));
	}

	private String uri(String name) {
		return workspace.resolve(name).toUri().toString();
	}

	private static JsonObject position(String uri, int line, int character) {
		return json("{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":"
				+ character + "}}");
	}

	private static JsonObject json(String text) {
		return JsonParser.parseString(text).getAsJsonObject();
	}

	private static int code(JsonObject error) {
		return error.get("code").getAsInt();
	}

	private static String message(JsonObject object) {
		JsonElement message = object.get("message");
		return message == null || message.isJsonNull() ? "" : message.getAsString();
	}

	private static int line(JsonObject diagnostic) {
		return diagnostic.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt();
	}
}
