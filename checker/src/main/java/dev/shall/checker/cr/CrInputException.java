package dev.shall.checker.cr;

/**
 * A CR that cannot be read: missing, unreadable, not a .docx, or without any clause. The command
 * line prints {@link #getMessage()} ({@code file:line:column: message}) and exits 2; never a stack
 * trace.
 */
public final class CrInputException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final int column;

	public CrInputException(String file, int line, int column, String message) {
		super(file + ":" + line + ":" + column + ": " + message);
		this.file = file;
		this.line = line;
		this.column = column;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}
}
