package dev.shall.dsl.ide;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;
import com.google.inject.Injector;

import dev.shall.model.check.LanguageServerProvider;

/** {@code shall lsp}: the language server on the given streams (stdio from the command line). */
public class ShallLanguageServerProvider implements LanguageServerProvider {

	@Override
	public int serve(InputStream in, OutputStream out) throws Exception {
		Injector injector = Guice.createInjector(new ShallServerModule());
		LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
		ServerLifecycle lifecycle = injector.getInstance(ServerLifecycle.class);
		Launcher<LanguageClient> launcher = ShallLauncher.create(server, lifecycle, in, out);
		server.connect(launcher.getRemoteProxy());
		Future<Void> listening = launcher.startListening();
		Thread watcher = new Thread(() -> {
			try {
				listening.get();
			} catch (Exception e) {
				// the stream broke: the same as closed
			}
			lifecycle.disconnected();
		}, "shall-lsp-connection");
		watcher.setDaemon(true);
		watcher.start();
		int exitCode = lifecycle.exitCode().get();
		listening.cancel(true);
		return exitCode;
	}
}
