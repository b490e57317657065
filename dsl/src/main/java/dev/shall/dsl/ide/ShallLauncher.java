package dev.shall.dsl.ide;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The JSON-RPC connection of the language server: LSP4J's launcher with our reader
 * ({@link ShallMessageProducer}: malformed messages answered), validator
 * ({@link ShallMessageValidator}: missing required fields answered) and endpoint
 * ({@link ShallRemoteEndpoint}: error responses without stack traces, the server lifecycle).
 */
public final class ShallLauncher {

	private ShallLauncher() {
	}

	/** The launcher of the server on the streams; {@link Launcher#startListening()} starts it. */
	public static Launcher<LanguageClient> create(LanguageServer server, ServerLifecycle lifecycle, InputStream in,
			OutputStream out) {
		ExecutorService threads = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "shall-lsp-jsonrpc");
			thread.setDaemon(true); // the JVM ends when the server returns its exit code
			return thread;
		});
		return new Builder(lifecycle).setLocalService(server).setRemoteInterface(LanguageClient.class).setInput(in)
				.setOutput(out).setExecutorService(threads).create();
	}

	private static final class Builder extends Launcher.Builder<LanguageClient> {

		private final ServerLifecycle lifecycle;
		private ShallRemoteEndpoint endpoint;

		Builder(ServerLifecycle lifecycle) {
			this.lifecycle = lifecycle;
		}

		@Override
		protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
			MessageConsumer outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, jsonHandler));
			Endpoint local = ServiceEndpoints.toEndpoint(localServices);
			endpoint = new ShallRemoteEndpoint(outgoing, local, lifecycle);
			jsonHandler.setMethodProvider(endpoint);
			endpoint.setJsonHandler(jsonHandler);
			return endpoint;
		}

		@Override
		protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
				LanguageClient remoteProxy) {
			// only the client's messages are validated: our own are LSP4J's and Xtext's business
			MessageJsonHandler jsonHandler = endpoint.getJsonHandler();
			return new ConcurrentMessageProcessor(new ShallMessageProducer(input, jsonHandler, endpoint),
					new ShallMessageValidator(jsonHandler, consumer));
		}
	}
}
