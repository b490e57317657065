package dev.shall.model.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BooleanSupplier;

import dev.shall.model.Procedure;

/**
 * The model checker as an editor uses it: a quick check of one compiled procedure within a time
 * budget, stopped as soon as {@code cancelled} turns true (the text changed again). The checker
 * provides it through {@link ServiceLoader}, so that the language server in dsl/ uses the engines
 * without depending on them: the arrows stay dsl → model ← checker.
 */
public interface QuickChecker {

	/**
	 * A mark for every property, every step and event, and the bounds, in that order, each holding
	 * the verdict of every option combination checked ({@link CheckMark#verdicts()}); its
	 * {@link CheckMark#severity()} says whether an editor marks it. Empty when cancelled.
	 */
	List<CheckMark> check(Procedure procedure, Path file, Duration budget, BooleanSupplier cancelled);

	/** The checker on the class path, if any. */
	static Optional<QuickChecker> find() {
		return ServiceLoader.load(QuickChecker.class, QuickChecker.class.getClassLoader()).findFirst();
	}
}
