package dev.shall.checker.engine;

/**
 * Threads with a deep stack. The front end (Xtext's parser, linker and validators), the compiler
 * and both semantics walk expressions recursively, so a long sum or a deeply nested {@code if}
 * needs a stack proportional to its depth: 2,000 nested statements overflow the JVM's default
 * 512 KiB–1 MiB. The stack is reserved address space, committed only as far as it is used.
 */
public final class DeepStack {

	/** The stack of every thread that parses, compiles or checks: 1 GiB of address space. */
	public static final long BYTES = 1L << 30;

	private DeepStack() {
	}

	/** A daemon thread running the task on a deep stack. */
	public static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(null, task, name, BYTES);
		thread.setDaemon(true);
		return thread;
	}
}
