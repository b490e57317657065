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

	/** The depth of one question asked on request: {@code shall check}'s default {@code --depth}. */
	static final int ASK_DEPTH = 40;

	/**
	 * One question with the command line's engines ({@link CheckRunner.EngineChoice#AUTO}: the
	 * portfolio, every answer certified) and its selection ({@code --property}, {@code --step},
	 * {@code --kind bounds}); the budget is the whole question's and every option combination's.
	 */
	@Override
	public List<CheckMark> ask(Procedure procedure, Path file, Ask ask, Duration budget, BooleanSupplier cancelled) {
		Budget master = Budget.of(ASK_DEPTH, budget);
		var watch = watch(master, cancelled);
		CheckRunner.Selection selection = switch (ask.question()) {
		case PROPERTY -> new CheckRunner.Selection(java.util.Set.of(ask.name()), java.util.Set.of(), java.util.Set.of());
		case DEAD_STEP -> new CheckRunner.Selection(java.util.Set.of(), java.util.Set.of(ask.name()), java.util.Set.of());
		default -> new CheckRunner.Selection(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(
				dev.shall.checker.lowering.Obligation.Kind.BOUNDS));
		};
		List<Finding> findings;
		try {
			CheckRunner.Settings settings = new CheckRunner.Settings(CheckRunner.EngineChoice.AUTO, ASK_DEPTH, budget, null,
					Map.of());
			findings = new CheckRunner(master, null, selection).check(procedure, file, settings,
					CheckRunner.Listener.NONE, new ArrayList<>());
		} finally {
			watch.cancel(false);
		}
		if (master.cancelled()) {
			return List.of();
		}
		// the marks of the other questions have no verdict: only the one asked is returned
		String subject = ask.question() == CheckMark.Question.BOUNDS ? procedure.getName() : ask.name();
		return EditorMarks.of(procedure, findings).stream().filter(m -> m.question() == ask.question() && m.subject()
				.equals(subject)).toList();
	}

	private static java.util.concurrent.ScheduledFuture<?> watch(Budget master, BooleanSupplier cancelled) {
		return WATCHER.scheduleAtFixedRate(() -> {
			if (cancelled.getAsBoolean()) {
				master.cancel();
			}
		}, 0, 20, TimeUnit.MILLISECONDS);
	}

	@Override
	public List<CheckMark> check(Procedure procedure, Path file, Duration budget, BooleanSupplier cancelled) {
		Budget master = Budget.of(DEPTH, budget);
		var watch = watch(master, cancelled);
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
