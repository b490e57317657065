package dev.shall.dsl.ide;

import java.util.concurrent.CompletableFuture;

import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;

import com.google.inject.Singleton;

/**
 * Where the server is in its life (LSP 3.17, "Server lifecycle"): initialized, shut down, exited.
 * Xtext's default handler calls {@link System#exit} on {@code exit}, which would end a test's JVM
 * as well; this one hands the exit code to whoever serves the streams, which returns it.
 */
@Singleton
public class ServerLifecycle implements ILanguageServerShutdownAndExitHandler {

	private volatile boolean initializeReceived;
	private volatile boolean shutdownReceived;
	private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

	/** Marks the {@code initialize} request as received; false if it had been received before. */
	boolean initializing() {
		synchronized (this) {
			if (initializeReceived) {
				return false;
			}
			initializeReceived = true;
			return true;
		}
	}

	/** Whether the {@code initialize} request has been received. */
	public boolean isInitialized() {
		return initializeReceived;
	}

	/** Whether the {@code shutdown} request has been received: from then on, requests are refused. */
	public boolean isShutDown() {
		return shutdownReceived;
	}

	@Override
	public void shutdown() {
		shutdownReceived = true;
	}

	/** The {@code exit} notification: exit code 0 after a {@code shutdown} request, else 1 (LSP 3.17, "Exit Notification"). */
	@Override
	public void exit() {
		exitCode.complete(shutdownReceived ? 0 : 1);
	}

	/** The client closed the connection without {@code exit}: the same codes as {@link #exit()}. */
	public void disconnected() {
		exit();
	}

	/** The process's exit code, once {@code exit} arrived or the connection closed. */
	public CompletableFuture<Integer> exitCode() {
		return exitCode;
	}
}
