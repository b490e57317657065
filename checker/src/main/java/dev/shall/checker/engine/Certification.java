package dev.shall.checker.engine;

/**
 * The certification stage as the engines see it: given a result, the same result with its
 * {@link Certificate} (or {@link Certificate.Missing} with the reason). Implemented in
 * {@code dev.shall.checker.certify}; an engine that composes others (the {@link Portfolio})
 * receives it so that it can prefer certified answers, without depending on how they are
 * certified.
 */
@FunctionalInterface
public interface Certification {

	/**
	 * @param budget bounds the certification's own solver calls; when it runs out the result comes
	 *               back with a {@link Certificate.Missing} saying so, never certified
	 */
	CheckResult certify(CheckRequest request, CheckResult result, Budget budget);

	/** Leaves every result as the engine gave it. */
	Certification NONE = (request, result, budget) -> result;
}
