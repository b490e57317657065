package dev.shall.checker.cli;

import java.util.concurrent.atomic.AtomicInteger;

import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.DeepStack;
import dev.shall.checker.text.Escaping;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code shall}: the command line for spec authors and CI. */
@Command(name = "shall", mixinStandardHelpOptions = true, version = "shall 0.1.0",
		description = "Checks 3GPP security procedures written in the .shall language.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every verdict as expected", "1:some verdict differs from its expectation",
				"2:some verdict unknown, none differs", "3:bad input or usage (every message with file:line:column)",
				"4:internal failure of shall (out of memory, a bug); one line on stderr, --debug for the stack trace" },
		subcommands = { CheckCommand.class, ExportCommand.class, MergeCommand.class, DiffCommand.class, ReplayCommand.class,
				CryptoCommand.class, LspCommand.class, ImportCommand.class, CoverageCommand.class })
public final class ShallCommand implements java.util.concurrent.Callable<Integer> {

	/** The exit code of an internal failure, apart from "a verdict differs" (1) and "bad input" (3). */
	public static final int INTERNAL_FAILURE = 4;

	@Option(names = "--debug", scope = ScopeType.INHERIT,
			description = "print the stack trace of an internal failure")
	boolean debug;

	/** {@code shall} without a command: the usage on stderr, and exit 3 (a usage error, not success). */
	@Override
	public Integer call() {
		CommandLine.usage(this, System.err);
		return 3;
	}

	/**
	 * Cancelled when the process is told to stop (SIGTERM, SIGINT): every running check stops
	 * its questions, reports those not answered as unknown with this reason, and writes its report.
	 */
	public static final Budget INTERRUPTION = Budget.of(Integer.MAX_VALUE, null);

	/** How long a stopping process waits for the running command to write what it has. */
	private static final long STOP_GRACE_MILLIS = 10_000;

	private static volatile Thread running;

	/** Set by a command that writes a report at its end, so that a stopping process waits for it. */
	static volatile boolean reportPending;

	public static void main(String[] args) {
		// On SIGTERM or SIGINT the JVM runs its shutdown hooks, then exits with 128 + the signal
		// (143, 130). The hook stops the questions and gives the command time to write its report.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			Thread command = running;
			// only a check has a report to write; other commands (the language server) just end
			if (command != null && command.isAlive() && reportPending) {
				INTERRUPTION.cancel("interrupted (the process was told to stop)");
				try {
					command.join(STOP_GRACE_MILLIS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}, "shall-stop"));
		System.exit(execute(args));
	}

	/** Runs the command line and returns its exit code (3 for usage errors, never a stack trace). */
	public static int execute(String... args) {
		return execute(null, null, args);
	}

	/**
	 * As {@link #execute(String...)}, writing to the given streams (null: standard output and error).
	 * The command runs on a thread with a deep stack (see {@link DeepStack}); whatever escapes it —
	 * an exception, running out of memory or stack — is one line on stderr and exit code 4.
	 */
	public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
		java.io.PrintWriter errors = err != null ? err
				: new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
						true);
		boolean debug = java.util.Arrays.asList(args).contains("--debug");
		AtomicInteger code = new AtomicInteger(INTERNAL_FAILURE);
		Thread worker = DeepStack.thread(() -> {
			try {
				code.set(run(out, err, args));
			} catch (Throwable failure) {
				code.set(internalFailure(failure, errors, debug));
			}
		}, "shall");
		running = worker;
		// a command's settings (--root, --max-combinations, the import policy) reach the front end
		// as shall.* system properties; they are the command's own, not the next one's in this JVM
		java.util.Map<String, String> settings = shallProperties();
		worker.start();
		try {
			worker.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return INTERNAL_FAILURE;
		} finally {
			if (!worker.isAlive()) {
				restoreShallProperties(settings);
			}
		}
		return code.get();
	}

	/** The {@code shall.*} system properties and their values. */
	static java.util.Map<String, String> shallProperties() {
		java.util.Map<String, String> found = new java.util.TreeMap<>();
		for (String name : System.getProperties().stringPropertyNames()) {
			if (name.startsWith("shall.")) {
				found.put(name, System.getProperty(name));
			}
		}
		return found;
	}

	/** Puts the {@code shall.*} system properties back as {@code before} had them. */
	static void restoreShallProperties(java.util.Map<String, String> before) {
		for (String name : shallProperties().keySet()) {
			if (!before.containsKey(name)) {
				System.clearProperty(name);
			}
		}
		before.forEach(System::setProperty);
	}

	private static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new ShallCommand());
		// UTF-8 whatever the locale, as the reports are written: replay and diff print '—' and '→'
		commandLine.setOut(out != null ? out : new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out,
				java.nio.charset.StandardCharsets.UTF_8), true));
		commandLine.setErr(err != null ? err : new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err,
				java.nio.charset.StandardCharsets.UTF_8), true));
		commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
			if (error instanceof BadInput) {
				line.getErr().println("shall: " + error.getMessage());
				return 3;
			}
			return internalFailure(error, line.getErr(), parsed.hasMatchedOption("--debug"));
		});
		commandLine.setParameterExceptionHandler((error, arguments) -> {
			CommandLine line = error.getCommandLine();
			line.getErr().println("shall: " + Escaping.visible(error.getMessage()));
			line.getErr().println("Try '" + line.getCommandSpec().qualifiedName(" ") + " --help'.");
			return 3;
		});
		return commandLine.execute(args);
	}

	/** One line saying what failed and where (the innermost frame of shall's own code); exit 4. */
	static int internalFailure(Throwable error, java.io.PrintWriter err, boolean debug) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String what = root instanceof StackOverflowError ? "out of stack (the input nests too deeply)"
				: root instanceof OutOfMemoryError ? "out of memory (" + root.getMessage() + "); give the JVM more "
						+ "with JAVA_TOOL_OPTIONS=-Xmx…, or narrow the ranges, capacities or instances"
						: root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
		String where = "";
		for (StackTraceElement frame : root.getStackTrace()) {
			if (frame.getClassName().startsWith("dev.shall.")) {
				where = " (at " + frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
						+ frame.getMethodName() + ":" + frame.getLineNumber() + ")";
				break;
			}
		}
		err.println("shall: internal error: " + Escaping.visible(what) + where
				+ (debug ? "" : "; --debug shows the stack trace"));
		if (debug) {
			error.printStackTrace(err);
		}
		err.flush();
		return INTERNAL_FAILURE;
	}
}
