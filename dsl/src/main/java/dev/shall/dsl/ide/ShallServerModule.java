package dev.shall.dsl.ide;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

/** Xtext's server wiring, with our language server class. */
public class ShallServerModule extends ServerModule {

	@Override
	protected void configure() {
		super.configure();
		bind(LanguageServerImpl.class).to(ShallLanguageServer.class);
	}
}
