package dev.shall.dsl.ide;

import java.io.InputStream;
import java.io.OutputStream;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;

import dev.shall.model.check.LanguageServerProvider;

/** {@code shall lsp}: the language server on the given streams (stdio from the command line). */
public class ShallLanguageServerProvider implements LanguageServerProvider {

	@Override
	public void serve(InputStream in, OutputStream out) throws Exception {
		LanguageServerImpl server = Guice.createInjector(new ShallServerModule()).getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
		server.connect(launcher.getRemoteProxy());
		launcher.startListening().get();
	}
}
