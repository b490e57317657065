package dev.shall.dsl.ide;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.xtext.ide.ExecutorServiceProvider;
import org.eclipse.xtext.ide.server.concurrent.AbstractRequest;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.eclipse.xtext.service.OperationCanceledManager;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The language server's threads, on a deep stack. Xtext's parser, linker and validators recurse
 * once per nesting level, and 2,000 nested statements overflow the JVM's default stack of
 * 512 KiB–1 MiB; in Xtext's build queue a stack overflow is only logged, the document never gets
 * its diagnostics, and every later build, which retries it, fails too. The stack is reserved
 * address space, committed only as far as it is used (as for the command line's threads).
 */
final class DeepStackThreads {

	/** The stack of every thread that parses, links, validates or checks: 1 GiB of address space. */
	static final long STACK_BYTES = 1L << 30;

	private DeepStackThreads() {
	}

	/** Daemon threads on a deep stack, named after the pool. */
	static ThreadFactory factory(String name) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(null, task, name + "-" + count.incrementAndGet(), STACK_BYTES);
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Xtext's request queue, on a deep stack: builds (parse, link, validate, quick check) run there. */
	@Singleton
	static class QueueOnDeepStack extends RequestManager {

		private final ExecutorService queue = Executors.newSingleThreadExecutor(factory("shall-lsp-build"));

		@Inject
		QueueOnDeepStack(ExecutorService parallel, OperationCanceledManager operationCanceledManager) {
			super(parallel, operationCanceledManager);
		}

		@Override
		protected void submitRequest(AbstractRequest<?> request) {
			queue.submit(request);
		}

		@Override
		public void shutdown() {
			queue.shutdown();
			super.shutdown();
		}
	}

	/** Xtext's pools (read requests: hover, completion…), on a deep stack. */
	@Singleton
	static class PoolsOnDeepStack extends ExecutorServiceProvider {

		@Override
		protected ExecutorService createInstance(String key) {
			return Executors.newCachedThreadPool(factory("shall-lsp-" + (key == null ? "pool" : key)));
		}
	}
}
