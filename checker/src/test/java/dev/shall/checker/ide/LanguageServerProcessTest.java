package dev.shall.checker.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code shall lsp} as an editor runs it, a process speaking on its standard input and output:
 * requests before {@code initialize} are refused (ServerNotInitialized, -32002), requests after
 * {@code shutdown} too (InvalidRequest, -32600), and {@code exit} ends the process with 0 after
 * {@code shutdown}, else 1 (LSP 3.17, "Server lifecycle"). Nothing but the protocol is on stdout.
 */
class LanguageServerProcessTest {

	@TempDir
	Path workspace;

	@Test
	void shutdownThenExitEndsWithCode0AndRefusesRequestsBetween() throws Exception {
		Process process = start();
		try (RawLspClient client = new RawLspClient(process.getInputStream(), process.getOutputStream())) {
			client.request(1, "textDocument/hover", hover());
			assertEquals(-32002, client.error(1).get("code").getAsInt(), "before initialize");
			client.request(2, "initialize", initialize());
			assertTrue(client.result(2).getAsJsonObject().has("capabilities"));
			client.notify("initialized", new JsonObject());
			client.request(3, "shutdown", null);
			client.result(3);
			client.request(4, "textDocument/hover", hover());
			assertEquals(-32600, client.error(4).get("code").getAsInt(), "after shutdown");
			client.request(5, "shall/noSuchMethod", null);
			assertEquals(-32600, client.error(5).get("code").getAsInt(), "after shutdown, whatever the method");
			client.notify("exit", null);
			assertTrue(process.waitFor(RawLspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS), "exit ends the process");
			assertEquals(0, process.exitValue(), "exit after shutdown");
			for (JsonObject message : client.all()) {
				assertFalse(message.has("error") && message.getAsJsonObject("error").has("data"), message.toString());
			}
		} finally {
			process.destroyForcibly();
		}
	}

	@Test
	void exitWithoutShutdownEndsWithCode1() throws Exception {
		Process process = start();
		try (RawLspClient client = new RawLspClient(process.getInputStream(), process.getOutputStream())) {
			client.request(1, "initialize", initialize());
			client.result(1);
			client.notify("exit", null);
			assertTrue(process.waitFor(RawLspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS), "exit ends the process");
			assertEquals(1, process.exitValue(), "exit without shutdown");
		} finally {
			process.destroyForcibly();
		}
	}

	/** {@code shall lsp} in a JVM of its own, on the test's class path. */
	private Process start() throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path log = Files.createTempFile(workspace, "stderr", ".log");
		return new ProcessBuilder(List.of(java.toString(), "-cp", classPath, "dev.shall.checker.cli.ShallCommand", "lsp"))
				.redirectError(log.toFile()).start();
	}

	private JsonObject initialize() {
		return JsonParser.parseString("{\"processId\":null,\"rootUri\":\"" + workspace.toUri() + "\",\"capabilities\":{}}")
				.getAsJsonObject();
	}

	private JsonObject hover() {
		return JsonParser.parseString("{\"textDocument\":{\"uri\":\"" + workspace.resolve("a.shall").toUri()
				+ "\"},\"position\":{\"line\":0,\"character\":0}}").getAsJsonObject();
	}
}
