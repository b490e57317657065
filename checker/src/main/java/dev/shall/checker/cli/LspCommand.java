package dev.shall.checker.cli;

import java.util.concurrent.Callable;

import dev.shall.model.check.LanguageServerProvider;
import picocli.CommandLine.Command;

/** {@code shall lsp}: the language server on standard input and output, for any LSP editor. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "Runs the language server (Language Server Protocol over stdio): syntax, validation and "
				+ "quick model-check diagnostics, hovers with verdicts. Exit code 0 after the 'shutdown' request and "
				+ "the 'exit' notification, 1 after 'exit' alone or when the client closes the connection.")
public final class LspCommand implements Callable<Integer> {

	@Override
	public Integer call() throws Exception {
		LanguageServerProvider server = LanguageServerProvider.find()
				.orElseThrow(() -> new BadInput("the language server is not on the class path (is the shall-dsl jar missing?)"));
		// stdout carries the protocol: anything else printed there (a library's log line) would corrupt it
		java.io.PrintStream protocol = System.out;
		System.setOut(System.err);
		// 0 after 'shutdown' then 'exit', 1 for 'exit' alone or a closed connection (LSP 3.17)
		return server.serve(System.in, protocol);
	}
}
