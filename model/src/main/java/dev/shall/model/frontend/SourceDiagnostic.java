package dev.shall.model.frontend;

/**
 * A problem found in a source file, located by 1-based line and column.
 *
 * @param code a stable identifier of the kind of problem, e.g. {@code shall.type-mismatch}
 */
public record SourceDiagnostic(Severity severity, String code, String message, String file, int line, int column) {

	public enum Severity {
		ERROR, WARNING, INFO;

		public String label() {
			return name().toLowerCase();
		}
	}

	/** The conventional {@code file:line:column: severity: message} form of compilers. */
	@Override
	public String toString() {
		return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message + " [" + code + "]";
	}
}
