package dev.shall.checker.sat;

import java.util.Locale;

/**
 * Which SAT solver the engines use: SAT4J (the default and the reference) or CaDiCaL through its C
 * library ({@link CadicalSolver}), chosen with {@code shall check --sat}, the system property
 * {@code shall.sat} or the environment variable {@code SHALL_SAT} (in that order of precedence:
 * the command's flag sets the property). {@code auto} takes CaDiCaL when it is available in this
 * process and SAT4J otherwise; {@code cadical} without the library is an error, never a silent
 * fall-back.
 *
 * <p>The certification stage always uses SAT4J ({@link #reference()}): a verdict reached with the
 * native solver is then re-proved by the other solver as well as by the other semantics, so a
 * fault in the native binding or the library cannot certify itself.
 */
public enum SatBackend {
	SAT4J, CADICAL;

	/** The system property that holds the choice ({@code sat4j}, {@code cadical}, {@code auto}). */
	public static final String PROPERTY = "shall.sat";
	public static final String ENVIRONMENT = "SHALL_SAT";

	/**
	 * The backend named, {@code auto} resolved.
	 *
	 * @throws IllegalArgumentException for another name, or {@code cadical} when it is not available
	 *         (the message says why)
	 */
	public static SatBackend parse(String name) {
		switch (name.trim().toLowerCase(Locale.ROOT)) {
		case "sat4j":
			return SAT4J;
		case "auto":
			return CadicalSolver.available() ? CADICAL : SAT4J;
		case "cadical":
			if (!CadicalSolver.available()) {
				throw new IllegalArgumentException("the cadical SAT backend is not available: " + CadicalSolver
						.unavailableReason());
			}
			return CADICAL;
		default:
			throw new IllegalArgumentException("unknown SAT backend '" + name + "' (sat4j, cadical or auto)");
		}
	}

	/** The backend chosen for this process now: {@code shall.sat}, then {@code SHALL_SAT}, then SAT4J. */
	public static SatBackend selected() {
		String chosen = System.getProperty(PROPERTY);
		if (chosen == null || chosen.isBlank()) {
			chosen = System.getenv(ENVIRONMENT);
		}
		if (chosen == null || chosen.isBlank()) {
			return SAT4J;
		}
		return parse(chosen);
	}

	/** A fresh solver of this backend. */
	public SatSolver create() {
		return this == CADICAL ? new CadicalSolver() : new Sat4jSolver();
	}

	/** A fresh solver of the selected backend, for an engine. */
	public static SatSolver forEngine() {
		return selected().create();
	}

	/** A fresh SAT4J solver, for the certification stage and the tests' references. */
	public static SatSolver reference() {
		return new Sat4jSolver();
	}

	/** The backend's name and, for CaDiCaL, the library's signature and file. */
	public String describe() {
		return this == CADICAL ? CadicalSolver.describe() : "sat4j " + org.sat4j.core.ASolverFactory.class.getPackage()
				.getImplementationVersion();
	}
}
