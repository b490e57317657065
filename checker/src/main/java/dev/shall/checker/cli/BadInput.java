package dev.shall.checker.cli;

/** Input the user can correct; the command line prints its message and exits 3, without a stack trace. */
final class BadInput extends RuntimeException {

	BadInput(String message) {
		super(message);
	}
}
