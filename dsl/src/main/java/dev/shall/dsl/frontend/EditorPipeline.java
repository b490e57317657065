package dev.shall.dsl.frontend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.emf.common.util.URI;

import dev.shall.dsl.compiler.CompilationException;
import dev.shall.dsl.compiler.ProcedureCompiler;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.model.Procedure;
import dev.shall.model.check.CheckMark;
import dev.shall.model.check.QuickChecker;

/**
 * The editors' way through the pipeline, shared by the language server ({@code ide/}) and the
 * Eclipse plug-in: a document Xtext has parsed and validated without errors is compiled
 * ({@link ProcedureCompiler}) and checked by the checker's quick check ({@link QuickChecker}, which
 * runs the same stages as {@code shall check}). The command line takes the same stages from files
 * through {@link ShallFrontEnd}. The editors show the marks' structured verdicts; they never read
 * them back out of text.
 */
public final class EditorPipeline {

	/**
	 * The outcome for one document.
	 *
	 * @param marks            a mark per property, step and event, and the bounds; empty when the
	 *                         procedure did not compile
	 * @param compilationError why the validated document did not compile (a gap in validation), or
	 *                         null
	 */
	public record Outcome(List<CheckMark> marks, String compilationError) {

		public Outcome {
			marks = List.copyOf(marks);
		}
	}

	private EditorPipeline() {
	}

	/**
	 * Compiles the procedure of the validated document {@code file}, read from {@code uri}, and
	 * quick-checks it within the budget. Returns null when {@code cancelled} turned true (the text
	 * changed again): a stale answer is never shown.
	 */
	public static Outcome check(ShallFile file, URI uri, QuickChecker checker, Duration budget,
			BooleanSupplier cancelled) {
		Procedure procedure;
		try {
			procedure = new ProcedureCompiler().compile(file);
		} catch (CompilationException e) {
			return new Outcome(List.of(), e.getMessage());
		}
		List<CheckMark> marks = checker.check(procedure, path(uri), budget, cancelled);
		return cancelled.getAsBoolean() ? null : new Outcome(marks, null);
	}

	/** The path the checker's findings name: the file's, or the last segment of a URI that is no file. */
	public static Path path(URI uri) {
		return Path.of(uri.isFile() ? uri.toFileString() : uri.lastSegment());
	}
}
