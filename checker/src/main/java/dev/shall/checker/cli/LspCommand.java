package dev.shall.checker.cli;

import java.util.concurrent.Callable;

import dev.shall.model.check.LanguageServerProvider;
import picocli.CommandLine.Command;

/** {@code shall lsp}: the language server on standard input and output, for any LSP editor. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "Runs the language server (Language Server Protocol over stdio): syntax, validation and "
				+ "quick model-check diagnostics, hovers with verdicts.")
public final class LspCommand implements Callable<Integer> {

	@Override
	public Integer call() throws Exception {
		LanguageServerProvider server = LanguageServerProvider.find()
				.orElseThrow(() -> new BadInput("the language server is not on the class path (is the shall-dsl jar missing?)"));
		// stdout carries the protocol: anything else printed there (a library's log line) would corrupt it
		java.io.PrintStream protocol = System.out;
		System.setOut(System.err);
		server.serve(System.in, protocol);
		return 0;
	}
}
