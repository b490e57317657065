package dev.shall.dsl.compiler;

/** The input cannot be compiled; raised only for inputs that validation would have rejected. */
public class CompilationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CompilationException(String message) {
		super(message);
	}
}
