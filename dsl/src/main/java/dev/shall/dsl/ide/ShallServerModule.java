package dev.shall.dsl.ide;

import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

/**
 * Xtext's server wiring, with our language server and a lifecycle that returns the exit code
 * instead of calling {@link System#exit}.
 */
public class ShallServerModule extends ServerModule {

	@Override
	protected void configure() {
		super.configure();
		bind(LanguageServerImpl.class).to(ShallLanguageServer.class);
		bind(ILanguageServerShutdownAndExitHandler.class).to(ServerLifecycle.class);
	}
}
