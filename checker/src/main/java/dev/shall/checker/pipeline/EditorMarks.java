package dev.shall.checker.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.report.Finding;
import dev.shall.checker.trace.TraceStep;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.SourceLocation;
import dev.shall.model.Transition;
import dev.shall.model.check.CheckMark;

/**
 * The report stage for editors: the {@link Finding}s of one procedure as {@link CheckMark}s, the
 * structured data the language server and the Eclipse plug-in show (marker, hover, verdicts
 * view). A mark per property, per step and event, and one for the bounds, each holding the
 * verdict of every option combination; the editors render them, never parse them.
 */
public final class EditorMarks {

	private EditorMarks() {
	}

	/** Marks in the procedure's order: properties, then steps and events, then the bounds, then the arrivals asked about. */
	public static List<CheckMark> of(Procedure procedure, List<Finding> findings) {
		Map<String, List<CheckMark.Verdict>> byQuestion = new LinkedHashMap<>();
		for (Finding finding : findings) {
			byQuestion.computeIfAbsent(key(finding.kind(), finding.property()), k -> new ArrayList<>()).add(verdict(
					finding));
		}
		List<CheckMark> marks = new ArrayList<>();
		for (Property property : procedure.getProperties()) {
			marks.add(mark(CheckMark.Question.PROPERTY, property.getName(), property.getName(), cite(property.getSpec(),
					property.getClause()), property.getLocation(), byQuestion.get(key(Finding.Kind.PROPERTY, property
							.getName()))));
		}
		for (Transition transition : procedure.getTransitions()) {
			if (!Obligation.asksReachability(transition)) {
				continue;
			}
			// an otherwise block or an ignore (semantics §3.6) is its own subject: its step keeps its name
			boolean own = transition.getKind() == dev.shall.model.TransitionKind.STEP || transition
					.getKind() == dev.shall.model.TransitionKind.ENVIRONMENT;
			marks.add(mark(CheckMark.Question.DEAD_STEP, own ? transition.getName() : Obligation.subject(transition),
					Obligation.subject(transition), cite(
					transition.getSpec(), transition.getClause()), transition.getLocation(), byQuestion.get(key(
							Finding.Kind.DEAD_STEP, Obligation.reach(transition).name()))));
		}
		marks.add(mark(CheckMark.Question.BOUNDS, procedure.getName(), BOUNDS, null, procedure.getLocation(), byQuestion
				.get(key(Finding.Kind.BOUNDS, BOUNDS))));
		// semantics §7.4: one per message type a lane carries, at the message's declaration
		java.util.Set<String> asked = new java.util.LinkedHashSet<>();
		for (Finding finding : findings) {
			if (finding.kind() == Finding.Kind.UNHANDLED && asked.add(finding.property())) {
				dev.shall.model.MessageType message = procedure.getMessages().stream().filter(m -> finding.step()
						.startsWith(m.getName() + " on ")).findFirst().orElse(null);
				marks.add(mark(CheckMark.Question.UNHANDLED, finding.step(), finding.property(), null, message == null
						? procedure.getLocation() : message.getLocation(), byQuestion.get(key(Finding.Kind.UNHANDLED,
								finding.property()))));
			}
		}
		// ADR 0016: the CR's statements no element covers, at the procedure (the editor's cr line)
		for (Finding finding : findings) {
			if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
				marks.add(mark(CheckMark.Question.UNCOVERED_STATEMENT, finding.property(), finding.property(), finding
						.clause(), procedure.getLocation(), List.of(verdict(finding))));
			}
		}
		return marks;
	}

	/** The name of the bounds question, as {@link CheckRunner} reports it. */
	private static final String BOUNDS = Obligation.bounds().name();

	/** One finding as the editors' data: the same verdict, expectation, engine, bound and run. */
	public static CheckMark.Verdict verdict(Finding finding) {
		List<CheckMark.RunStep> run = new ArrayList<>();
		if (finding.trace() != null) {
			for (TraceStep step : finding.trace().steps()) {
				run.add(new CheckMark.RunStep(step.index(), step.role(), step.step(), step.message(), step.line()));
			}
		}
		return new CheckMark.Verdict(finding.options(), answer(finding.verdict()), CheckMark.Answer.valueOf(finding
				.expected().toUpperCase(Locale.ROOT)), finding.mismatch(), finding.engine(), finding.bound(), finding
						.certified() ? finding.certificate().kind() : null, finding.reason(), run, finding.vacuous() ? finding
								.vacuity().reason() : null);
	}

	private static CheckMark.Answer answer(dev.shall.checker.engine.Verdict verdict) {
		return switch (verdict) {
		case HOLDS -> CheckMark.Answer.HOLDS;
		case VIOLATED -> CheckMark.Answer.VIOLATED;
		case UNKNOWN -> CheckMark.Answer.UNKNOWN;
		};
	}

	private static CheckMark mark(CheckMark.Question question, String subject, String name, String citation,
			SourceLocation location, List<CheckMark.Verdict> verdicts) {
		return new CheckMark(question, subject, name, citation, location == null ? 0 : location.getLine(),
				location == null ? 0 : location.getColumn(), verdicts == null ? List.of() : verdicts);
	}

	private static String key(Finding.Kind kind, String question) {
		return kind + "|" + question;
	}

	private static String cite(String spec, String clause) {
		return spec == null ? clause : clause == null ? spec : spec + " " + clause;
	}
}
