package dev.shall.checker.ide;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import dev.shall.model.check.LanguageServerProvider;

/**
 * The language server in process, with a real LSP4J client over pipes, initialized on a workspace
 * folder as an editor does it (declaring {@code workspace.executeCommand}: Xtext registers commands
 * only for a client that can execute them). Closing shuts it down without {@code exit}, which in
 * process would end the JVM.
 */
final class PipedLanguageServer implements AutoCloseable {

	final LanguageServer server;
	final InitializeResult initialized;
	private final Thread serving;
	private final PipedOutputStream clientOut;
	private final PipedOutputStream serverOut;

	PipedLanguageServer(LanguageClient client, Path workspace) throws Exception {
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		serverOut = new PipedOutputStream(clientIn);
		LanguageServerProvider provider = LanguageServerProvider.find().orElseThrow();
		// a thread of its own: the common pool has one thread on a 2-core machine, and serving never returns
		serving = new Thread(() -> {
			try {
				provider.serve(serverIn, serverOut);
			} catch (Exception e) {
				// the pipes close when the test ends
			}
		}, "language server under test");
		serving.setDaemon(true);
		serving.start();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
		launcher.startListening();
		server = launcher.getRemoteProxy();
		InitializeParams initialize = new InitializeParams();
		initialize.setRootUri(workspace.toUri().toString()); // Xtext's workspace manager needs it
		WorkspaceClientCapabilities workspaceCapabilities = new WorkspaceClientCapabilities();
		workspaceCapabilities.setExecuteCommand(new ExecuteCommandCapabilities());
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setWorkspace(workspaceCapabilities);
		initialize.setCapabilities(capabilities);
		initialized = server.initialize(initialize).get(30, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	@Override
	public void close() throws Exception {
		server.shutdown().get(10, TimeUnit.SECONDS); // never 'exit': in process it would end the JVM
		clientOut.close();
		serverOut.close();
		serving.join(5_000);
	}
}
