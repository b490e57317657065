package dev.shall.checker.cli;

import dev.shall.checker.text.Escaping;

/**
 * Input the user can correct; the command line prints its message and exits 3, without a stack
 * trace. The message is escaped ({@link Escaping#visible}): it may quote a file name or a trace.
 */
final class BadInput extends RuntimeException {

	BadInput(String message) {
		super(Escaping.visible(message));
	}
}
