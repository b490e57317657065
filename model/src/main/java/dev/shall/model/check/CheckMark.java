package dev.shall.model.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checker's answers to one question — a property, whether a step or event can happen, or the
 * bounds — as data for an editor: one {@link Verdict} per combination of option values, each with
 * its engine, bound, certificate, reason and run. Every editor (the language server, the Eclipse
 * plug-in) reads the verdicts from {@link #verdicts()}; {@link #severity()}, {@link #message()},
 * {@link #hover()} and {@link #related()} are renderings of them, written once here so that
 * every editor shows the same thing.
 *
 * @param question what was asked
 * @param subject  the property's, step's or event's name (hovers look it up), or the procedure's
 *                 for the bounds
 * @param name     the question's name as reports print it: the property's name, {@code step X} or
 *                 {@code event X}, {@code within declared bounds}
 * @param citation the spec and clause the property or step cites, or null
 * @param line     1-based line of the property, step or procedure; 0 when unknown
 * @param verdicts one per option combination checked, in the order checked; empty when the quick
 *                 check's time ran out before the question
 */
public record CheckMark(Question question, String subject, String name, String citation, int line, int column,
		List<Verdict> verdicts) {

	public enum Severity {
		ERROR, WARNING, INFO, NONE
	}

	/**
	 * The kinds of question ({@link #label()} as in the reports). For {@link #DEAD_STEP} the
	 * question is "can the step happen": {@code holds} when a run reaches it, {@code violated}
	 * when none does. For {@link #UNHANDLED} it is "is every such message handled": {@code
	 * violated} when a run leaves one that no step takes (semantics §7.4).
	 */
	public enum Question {
		PROPERTY("property"), DEAD_STEP("dead-step"), BOUNDS("bounds"), UNHANDLED("unhandled-message"),
		/**
		 * A statement of the procedure's CR ({@code cr "…"}) that no element covers and none
		 * declares out of scope (ADR 0016): {@code violated}, a warning; its subject is the
		 * statement's id, its verdict's reason the statement's text.
		 */
		UNCOVERED_STATEMENT("uncovered-statement");

		private final String label;

		Question(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A verdict: decided either way, or unknown within the budget. */
	public enum Answer {
		HOLDS, VIOLATED, UNKNOWN;

		/** {@code holds}, {@code violated} or {@code unknown}, as the reports print it. */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/**
	 * The answer for one combination of option values.
	 *
	 * @param options   the option values, {@code name → value} in declaration order; empty when the
	 *                  procedure has no options
	 * @param expected  the verdict the author declared ({@code HOLDS} when nothing is declared)
	 * @param mismatch  whether the verdict is decided and differs from the declared one, as the
	 *                  command line counts it (exit code 1); for a dead step or an unhandled
	 *                  message only when an {@code expect} declares it and it is not found
	 * @param engine    the engine that answered
	 * @param bound     the depth proven free of violations, or the run's length when violated; -1
	 *                  when none
	 * @param certificate the kind of certificate that confirmed the verdict, as the reports name it
	 *                  ({@code replayed-run}, {@code inductive-invariant}, …; semantics §8.2), or
	 *                  null when none did
	 * @param reason    why the verdict is unknown, or a note on a decided one; null when none
	 * @param run       the run that violates the property or reaches the step, step by step; empty
	 *                  when there is none
	 * @param vacuity   for a property that holds only vacuously (semantics §7.5), why: its
	 *                  condition is true in no reachable state, and how that was proved; null
	 *                  otherwise (not vacuous, or not decided)
	 */
	public record Verdict(Map<String, String> options, Answer verdict, Answer expected, boolean mismatch,
			String engine, int bound, String certificate, String reason, List<RunStep> run, String vacuity) {

		public Verdict {
			options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
			run = List.copyOf(run);
		}

		/** A verdict that is not vacuous. */
		public Verdict(Map<String, String> options, Answer verdict, Answer expected, boolean mismatch, String engine,
				int bound, String certificate, String reason, List<RunStep> run) {
			this(options, verdict, expected, mismatch, engine, bound, certificate, reason, run, null);
		}

		/** Whether the property holds only vacuously (semantics §7.5): a warning, not a mismatch. */
		public boolean vacuous() {
			return vacuity != null && verdict == Answer.HOLDS;
		}

		/** Whether the other semantics confirmed the verdict (semantics §8.2). */
		public boolean certified() {
			return certificate != null;
		}

		/** Whether the verdict is the one the author declared. */
		public boolean matches() {
			return verdict == expected;
		}

		/**
		 * The verdict in one line, as the hover lists it: {@code "{o=a}: violated (declared: holds) —
		 * quick, bound 9, certified (replayed-run)"}.
		 */
		public String describe() {
			return (options.isEmpty() ? "" : options + ": ") + verdict.label() + (vacuous() ? " (vacuous)" : "")
					+ (mismatch ? " (declared: " + expected.label() + ")" : "") + " — " + engine + ", bound " + bound
					+ (certified() ? ", certified (" + certificate + ")" : "") + (reason != null ? ", " + reason : "")
					+ (vacuous() ? "; vacuous: " + vacuity : "");
		}

		/** {@code " when {o=a, p=b}"}, or nothing when the procedure has no options. */
		String when() {
			return options.isEmpty() ? "" : " when " + options;
		}
	}

	/**
	 * One step of a run, in the author's vocabulary.
	 *
	 * @param index   1-based position in the run
	 * @param role    the acting role, or the channel for a channel fault
	 * @param step    the step's label or the event's name, or the fault
	 * @param message what was received and sent; empty when nothing
	 * @param line    1-based line of the step in the source, 0 for a fault or an unknown line
	 */
	public record RunStep(int index, String role, String step, String message, int line) {

		/** {@code "UE smc2 — received …"}. */
		public String text() {
			return role + " " + step + (message.isEmpty() ? "" : " — " + message);
		}
	}

	/** A step of the counterexample: its line and what happened there. */
	public record Related(int line, String message) {
	}

	public CheckMark {
		verdicts = List.copyOf(verdicts);
	}

	/**
	 * How an editor marks the question: a property whose verdict differs from the declared one is
	 * an error, one that holds only vacuously (semantics §7.5) a warning, and an unknown one is
	 * information; a step that no run reaches, a message left unhandled and a reachable state
	 * outside the declared bounds are warnings unless an {@code expect} declares them (semantics
	 * §7.6); a declared one that is not found is an error.
	 */
	public Severity severity() {
		return switch (question) {
		case PROPERTY -> firstMismatch() != null ? Severity.ERROR : firstVacuous() != null ? Severity.WARNING
				: firstUnknown() != null ? Severity.INFO : Severity.NONE;
		case DEAD_STEP, UNHANDLED -> firstMismatch() != null ? Severity.ERROR : firstWarning() != null
				? Severity.WARNING : Severity.NONE;
		case BOUNDS -> firstWarning() != null ? Severity.WARNING : firstMismatch() != null ? Severity.ERROR
				: Severity.NONE;
		case UNCOVERED_STATEMENT -> firstWarning() != null ? Severity.WARNING : Severity.NONE;
		};
	}

	/** The marker's one line, after the first verdict that decides the severity; empty for NONE. */
	public String message() {
		switch (severity()) {
		case NONE:
			return "";
		case ERROR: {
			Verdict mismatch = firstMismatch();
			return switch (question) {
			case DEAD_STEP -> name + " is declared dead, but a run reaches it" + mismatch.when() + summary(mismatch);
			case UNHANDLED -> subject + " is declared unhandled, but every one that arrives is handled"
					+ mismatch.when();
			case BOUNDS -> "The bounds are declared violated, but no step exceeds them" + mismatch.when();
			default -> subject + " is " + mismatch.verdict().label() + ", declared " + mismatch.expected().label()
					+ mismatch.when() + summary(mismatch);
			};
		}
		case INFO: {
			Verdict unknown = firstUnknown();
			String depth = unknown.bound() < 0 ? "" : ", no violation up to depth " + unknown.bound();
			return subject + ": unknown" + depth + unknown.when() + " (" + unknown.reason() + ")";
		}
		default: {
			if (question == Question.PROPERTY) {
				Verdict vacuous = firstVacuous();
				return subject + " holds vacuously" + vacuous.when() + ": " + vacuous.vacuity();
			}
			Verdict violated = firstWarning();
			return switch (question) {
			case DEAD_STEP -> "Dead step: " + subject + " can never happen" + violated.when();
			case UNHANDLED -> "Unhandled message: " + subject + " arrives where no step takes it, and nothing "
					+ "ignores or defers it" + violated.when() + summary(violated);
			case UNCOVERED_STATEMENT -> "Statement " + subject + " of the CR is covered by no element and not declared "
					+ "out of scope: " + violated.reason();
			default -> "A step overflows a channel or leaves a declared range" + violated.when() + summary(violated);
			};
		}
		}
	}

	/**
	 * The hover on the property or step, in Markdown: the name and citation, then for a property
	 * (and the bounds) every verdict with its engine and bound, for a step whether it is dead.
	 */
	public String hover() {
		StringBuilder hover = new StringBuilder("**" + name + "**" + (citation == null ? "" : " — " + citation));
		if (question == Question.DEAD_STEP) {
			Verdict dead = firstViolated();
			if (dead != null) {
				hover.append("\n\nDead step").append(dead.expected() == Answer.VIOLATED ? " (declared)" : "")
						.append(": no run reaches it").append(dead.when()).append(".");
			}
			return hover.toString();
		}
		if (verdicts.isEmpty()) {
			hover.append("\n\nNot checked: the quick check's time ran out first.");
		}
		for (Verdict v : verdicts) {
			hover.append("\n\n- ").append(v.describe());
		}
		return hover.toString();
	}

	/**
	 * The answer to a question asked on request (an editor's code lens), in plain text: the name and
	 * citation, then one line per option combination checked ({@link Verdict#describe()}; for a step,
	 * whether it can happen) with the run behind a violation.
	 */
	public String answer() {
		StringBuilder text = new StringBuilder(name + (citation == null ? "" : " (" + citation + ")") + ":");
		if (verdicts.isEmpty()) {
			text.append(" not answered within the time");
		}
		for (Verdict v : verdicts) {
			text.append("\n  ");
			if (question == Question.DEAD_STEP) {
				text.append(v.options().isEmpty() ? "" : v.options() + ": ").append(switch (v.verdict()) {
				case HOLDS -> "can happen";
				case VIOLATED -> "can never happen (dead)" + (v.expected() == Answer.VIOLATED ? ", as declared" : "");
				case UNKNOWN -> "unknown (" + v.reason() + ")";
				}).append(" — ").append(v.engine()).append(v.certified() ? ", certified (" + v.certificate() + ")" : "");
			} else {
				text.append(v.describe());
			}
			text.append(summary(v));
		}
		return text.toString();
	}

	/** The steps of the run behind an error or a bounds warning, at their lines (related information). */
	public List<Related> related() {
		Verdict shown = switch (severity()) {
		case ERROR -> firstMismatch();
		case WARNING -> question == Question.BOUNDS || question == Question.UNHANDLED ? firstWarning() : null;
		default -> null;
		};
		List<Related> related = new ArrayList<>();
		if (shown != null) {
			for (RunStep step : shown.run()) {
				if (step.line() > 0) {
					related.add(new Related(step.line(), "step " + step.index() + ": " + step.text()));
				}
			}
		}
		return related;
	}

	private Verdict firstMismatch() {
		return verdicts.stream().filter(Verdict::mismatch).findFirst().orElse(null);
	}

	private Verdict firstVacuous() {
		return verdicts.stream().filter(Verdict::vacuous).findFirst().orElse(null);
	}

	private Verdict firstUnknown() {
		return verdicts.stream().filter(v -> v.verdict() == Answer.UNKNOWN).findFirst().orElse(null);
	}

	/** A violation nothing declares: for a dead step, an unhandled message or the bounds, a warning. */
	private Verdict firstWarning() {
		return verdicts.stream().filter(v -> v.verdict() == Answer.VIOLATED && v.expected() != Answer.VIOLATED)
				.findFirst().orElse(null);
	}

	private Verdict firstViolated() {
		return verdicts.stream().filter(v -> v.verdict() == Answer.VIOLATED).findFirst().orElse(null);
	}

	/** The run in one line: ": 9-step run: 1. SourceMME smc1, 2. UE smc2, …"; empty without a run. */
	private static String summary(Verdict verdict) {
		if (verdict.run().isEmpty()) {
			return "";
		}
		List<String> steps = new ArrayList<>();
		for (RunStep step : verdict.run()) {
			steps.add(step.index() + ". " + step.role() + " " + step.step());
		}
		String text = String.join(", ", steps);
		return ": " + verdict.run().size() + "-step run: " + (text.length() > 160 ? text.substring(0, 159) + "…" : text);
	}
}
