package dev.shall.checker.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shall}: the command line for spec authors and CI. */
@Command(name = "shall", mixinStandardHelpOptions = true, version = "shall 0.1.0",
		description = "Checks 3GPP security procedures written in the .shall language.",
		subcommands = { CheckCommand.class, DiffCommand.class, ReplayCommand.class, CryptoCommand.class,
				LspCommand.class })
public final class ShallCommand implements Runnable {

	@Override
	public void run() {
		CommandLine.usage(this, System.err);
	}

	public static void main(String[] args) {
		System.exit(execute(args));
	}

	/** Runs the command line and returns its exit code (3 for usage errors, never a stack trace). */
	public static int execute(String... args) {
		return execute(null, null, args);
	}

	/** As {@link #execute(String...)}, writing to the given streams (null: standard output and error). */
	public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new ShallCommand());
		if (out != null) {
			commandLine.setOut(out);
		}
		if (err != null) {
			commandLine.setErr(err);
		}
		commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
			if (error instanceof BadInput) {
				line.getErr().println("shall: " + error.getMessage());
				return 3;
			}
			line.getErr().println("shall: internal error: " + error);
			return 3;
		});
		commandLine.setParameterExceptionHandler((error, arguments) -> {
			CommandLine line = error.getCommandLine();
			line.getErr().println("shall: " + error.getMessage());
			String name = line.getCommandName();
			line.getErr().println("Try 'shall " + (name.equals("shall") ? "" : name + " ") + "--help'.");
			return 3;
		});
		return commandLine.execute(args);
	}
}
