package dev.shall.checker.ide;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.shall.checker.engine.Budget;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.pipeline.EditorMarks;
import dev.shall.checker.report.Finding;
import dev.shall.model.Procedure;
import dev.shall.model.check.CheckMark;
import dev.shall.model.check.QuickChecker;

/**
 * The quick check behind the editor's live diagnostics: every question within one time budget, by
 * an exact breadth-first search where the state space is small and BMC beyond
 * ({@link dev.shall.checker.engine.QuickSearch}), cancelled when the text changes. The questions
 * go through the same pipeline as {@code shall check} ({@link CheckRunner}) and come back as
 * structured data ({@link EditorMarks}): per question, the verdict of every option combination.
 */
public final class EditorQuickCheck implements QuickChecker {

	/** The depth bound of the quick check: deeper questions are for {@code shall check}. */
	static final int DEPTH = 25;

	private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "shall quick-check cancellation");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public List<CheckMark> check(Procedure procedure, Path file, Duration budget, BooleanSupplier cancelled) {
		Budget master = Budget.of(DEPTH, budget);
		var watch = WATCHER.scheduleAtFixedRate(() -> {
			if (cancelled.getAsBoolean()) {
				master.cancel();
			}
		}, 0, 20, TimeUnit.MILLISECONDS);
		List<Finding> findings;
		try {
			// each question may take at most half the budget, so that one hard question leaves room for the others
			CheckRunner.Settings settings = new CheckRunner.Settings(CheckRunner.EngineChoice.QUICK, DEPTH, budget.dividedBy(2), null, Map.of());
			findings = new CheckRunner(master).check(procedure, file, settings, CheckRunner.Listener.NONE,
					new ArrayList<>());
		} finally {
			watch.cancel(false);
		}
		if (master.cancelled()) {
			return List.of();
		}
		// ADR 0016: with a cr line, the statements no element covers (a CR that cannot be read: none;
		// shall check reports it)
		java.nio.file.Path cr = procedure.getCr() == null || file == null ? null
				: dev.shall.checker.cr.Coverage.crPath(procedure, file, null);
		if (cr != null) {
			try {
				findings = new ArrayList<>(findings);
				findings.addAll(dev.shall.checker.cr.Coverage.of(procedure, file.toString(), dev.shall.checker.cr
						.StatementInventory.of(cr)).findings());
			} catch (dev.shall.checker.cr.CrInputException | LinkageError e) {
				// the editor shows what it can; the command line names the problem. LinkageError: in
				// Eclipse, ANTLR 4 and POI are optional imports of this bundle (bnd.bnd) and may be absent
			}
		}
		return EditorMarks.of(procedure, findings);
	}
}
