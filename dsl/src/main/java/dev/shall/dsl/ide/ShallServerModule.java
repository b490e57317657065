package dev.shall.dsl.ide;

import org.eclipse.xtext.ide.ExecutorServiceProvider;
import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.eclipse.xtext.util.IFileSystemScanner;

/**
 * Xtext's server wiring, with our language server, a lifecycle that returns the exit code instead
 * of calling {@link System#exit}, a workspace that leaves out files over the size limit, and
 * threads on a deep stack ({@link DeepStackThreads}).
 */
public class ShallServerModule extends ServerModule {

	@Override
	protected void configure() {
		super.configure();
		bind(LanguageServerImpl.class).to(ShallLanguageServer.class);
		bind(ILanguageServerShutdownAndExitHandler.class).to(ServerLifecycle.class);
		bind(WorkspaceManager.class).to(ShallWorkspaceManager.class);
		bind(IFileSystemScanner.class).to(ShallWorkspaceManager.FileSystemScanner.class);
		bind(RequestManager.class).to(DeepStackThreads.QueueOnDeepStack.class);
		bind(ExecutorServiceProvider.class).to(DeepStackThreads.PoolsOnDeepStack.class);
	}
}
