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

	/**
	 * One question, as an editor asks it on the user's request (a code lens, a command): the
	 * property named {@code name}, whether the step or event named {@code name} can happen, or the
	 * bounds ({@code name} ignored). It is asked the way {@code shall check --property NAME} (or
	 * {@code --step NAME}, {@code --kind bounds}) asks it: every engine, certified, within the budget.
	 *
	 * @param question {@link CheckMark.Question#PROPERTY}, {@link CheckMark.Question#DEAD_STEP} or
	 *                 {@link CheckMark.Question#BOUNDS}
	 * @param name     the property's or the step's name
	 */
	record Ask(CheckMark.Question question, String name) {

		public Ask {
			if (question != CheckMark.Question.PROPERTY && question != CheckMark.Question.DEAD_STEP
					&& question != CheckMark.Question.BOUNDS) {
				throw new IllegalArgumentException("one question is a property, a step or the bounds, not " + question
						.label());
			}
			if (question != CheckMark.Question.BOUNDS && (name == null || name.isBlank())) {
				throw new IllegalArgumentException("a " + question.label() + " question needs a name");
			}
		}
	}

	/**
	 * The marks of one question ({@link Ask}): one mark, with the verdict of every option
	 * combination; none when the procedure has no such property or step, or when cancelled. The
	 * budget is the whole question's, every combination together.
	 *
	 * @throws UnsupportedOperationException from a checker that answers only the whole quick check
	 */
	default List<CheckMark> ask(Procedure procedure, Path file, Ask ask, Duration budget, BooleanSupplier cancelled) {
		throw new UnsupportedOperationException("this checker answers only the quick check of a whole procedure");
	}

	/** The checker on the class path, if any. */
	static Optional<QuickChecker> find() {
		return ServiceLoader.load(QuickChecker.class, QuickChecker.class.getClassLoader()).findFirst();
	}
}
