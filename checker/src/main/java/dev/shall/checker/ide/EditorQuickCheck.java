package dev.shall.checker.ide;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.checker.trace.TraceStep;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Transition;
import dev.shall.model.check.CheckMark;
import dev.shall.model.check.QuickChecker;

/**
 * The quick check behind the editor's live diagnostics: every question within one time budget, by
 * an exact breadth-first search where the state space is small and BMC beyond
 * ({@link dev.shall.checker.engine.QuickSearch}), cancelled when the text changes. Per property,
 * the worst verdict over the option combinations decides the mark; the hover lists them all.
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
		return marks(procedure, findings);
	}

	private static List<CheckMark> marks(Procedure procedure, List<Finding> findings) {
		Map<String, List<Finding>> byQuestion = new LinkedHashMap<>();
		for (Finding finding : findings) {
			byQuestion.computeIfAbsent(finding.kind() + "|" + finding.property(), k -> new ArrayList<>()).add(finding);
		}
		List<CheckMark> marks = new ArrayList<>();
		for (Property property : procedure.getProperties()) {
			List<Finding> verdicts = byQuestion.getOrDefault(Finding.Kind.PROPERTY + "|" + property.getName(), List.of());
			marks.add(propertyMark(property, verdicts));
		}
		for (Transition transition : procedure.getTransitions()) {
			String kind = transition.getKind() == dev.shall.model.TransitionKind.ENVIRONMENT ? "event " : "step ";
			List<Finding> verdicts = byQuestion.getOrDefault(Finding.Kind.DEAD_STEP + "|" + kind + transition.getName()
					+ " can happen", List.of());
			String hover = "**" + kind + transition.getName() + "**" + cite(transition.getSpec(), transition.getClause());
			Finding dead = verdicts.stream().filter(f -> f.verdict() == Verdict.VIOLATED).findFirst().orElse(null);
			int line = transition.getLocation() == null ? 0 : transition.getLocation().getLine();
			int column = transition.getLocation() == null ? 0 : transition.getLocation().getColumn();
			if (dead != null) {
				marks.add(new CheckMark(CheckMark.Severity.WARNING, transition.getName(), line, column, "Dead step: "
						+ transition.getName() + " can never happen" + options(dead), hover + "\n\nDead step: no run reaches it"
								+ options(dead) + ".", List.of()));
			} else {
				marks.add(new CheckMark(CheckMark.Severity.NONE, transition.getName(), line, column, "", hover, List.of()));
			}
		}
		for (Finding bounds : byQuestion.getOrDefault(Finding.Kind.BOUNDS + "|within declared bounds", List.of())) {
			if (bounds.verdict() == Verdict.VIOLATED) {
				marks.add(new CheckMark(CheckMark.Severity.WARNING, procedure.getName(), bounds.line(), bounds.column(),
						"A step overflows a channel or leaves a declared range" + options(bounds) + summary(bounds), "",
						related(bounds)));
				break;
			}
		}
		return marks;
	}

	private static CheckMark propertyMark(Property property, List<Finding> verdicts) {
		int line = property.getLocation() == null ? 0 : property.getLocation().getLine();
		int column = property.getLocation() == null ? 0 : property.getLocation().getColumn();
		StringBuilder hover = new StringBuilder("**" + property.getName() + "**" + cite(property.getSpec(),
				property.getClause()));
		if (verdicts.isEmpty()) {
			hover.append("\n\nNot checked: the quick check's time ran out first.");
		}
		for (Finding f : verdicts) {
			hover.append("\n\n- ").append(f.options().isEmpty() ? "" : f.options() + ": ").append(f.verdict().label())
					.append(f.mismatch() ? " (declared: " + f.expected() + ")" : "").append(" — ").append(f.engine())
					.append(", bound ").append(f.bound()).append(f.certified() ? ", certified" : "")
					.append(f.reason() != null ? ", " + f.reason() : "");
		}
		Finding mismatch = verdicts.stream().filter(Finding::mismatch).findFirst().orElse(null);
		if (mismatch != null) {
			return new CheckMark(CheckMark.Severity.ERROR, property.getName(), line, column, property.getName() + " is "
					+ mismatch.verdict().label() + ", declared " + mismatch.expected() + options(mismatch)
					+ summary(mismatch), hover.toString(), related(mismatch));
		}
		Finding unknown = verdicts.stream().filter(f -> f.verdict() == Verdict.UNKNOWN).findFirst().orElse(null);
		if (unknown != null) {
			String depth = unknown.bound() < 0 ? "" : ", no violation up to depth " + unknown.bound();
			return new CheckMark(CheckMark.Severity.INFO, property.getName(), line, column, property.getName()
					+ ": unknown" + depth + options(unknown) + " (" + unknown.reason() + ")", hover.toString(), List
							.of());
		}
		return new CheckMark(CheckMark.Severity.NONE, property.getName(), line, column, "", hover.toString(), List.of());
	}

	/** The counterexample in one line: ": 9-step run: 1. SourceMME smc1, 2. UE smc2, …". */
	private static String summary(Finding finding) {
		if (finding.trace() == null || finding.trace().steps().isEmpty()) {
			return "";
		}
		List<String> steps = new ArrayList<>();
		for (TraceStep step : finding.trace().steps()) {
			steps.add(step.index() + ". " + step.role() + " " + step.step());
		}
		String text = String.join(", ", steps);
		return ": " + finding.trace().steps().size() + "-step run: " + (text.length() > 160 ? text.substring(0, 159) + "…"
				: text);
	}

	private static List<CheckMark.Related> related(Finding finding) {
		List<CheckMark.Related> related = new ArrayList<>();
		if (finding.trace() != null) {
			for (TraceStep step : finding.trace().steps()) {
				if (step.line() > 0) {
					related.add(new CheckMark.Related(step.line(), "step " + step.index() + ": " + step.role() + " "
							+ step.step() + (step.message().isEmpty() ? "" : " — " + step.message())));
				}
			}
		}
		return related;
	}

	private static String options(Finding finding) {
		return finding.options().isEmpty() ? "" : " when " + finding.options();
	}

	private static String cite(String spec, String clause) {
		String citation = spec == null ? clause : clause == null ? spec : spec + " " + clause;
		return citation == null ? "" : " — " + citation;
	}
}
