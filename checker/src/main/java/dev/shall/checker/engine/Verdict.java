package dev.shall.checker.engine;

/** The answer about a property, named after the property, never after the SAT call. */
public enum Verdict {
	/** The property holds in every reachable state (or: the step can never happen). */
	HOLDS,
	/** A run violates the property (or: a run reaches the step); the result carries it. */
	VIOLATED,
	/** No definitive answer within the budget; the result says why and how deep was checked. */
	UNKNOWN;

	public String label() {
		return name().toLowerCase();
	}
}
