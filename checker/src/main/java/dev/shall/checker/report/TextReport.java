package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceStep;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * The report for people at a terminal: one line per verdict, then each counterexample as steps,
 * marking where a lasso's cycle starts or where the run stops. Every line passes through
 * {@link Escaping#visible}: names, clauses, messages and file names come from the user.
 */
public final class TextReport {

	public void write(RunReport report, PrintWriter out) {
		for (SourceDiagnostic diagnostic : report.diagnostics()) {
			out.println(Escaping.visible(diagnostic.toString()));
		}
		String group = null;
		for (Finding finding : report.results()) {
			String header = finding.file() + "  " + finding.procedure() + options(finding.options()) + "  ("
					+ finding.instances() + (finding.instances() == 1 ? " instance)" : " instances)");
			if (!Objects.equals(header, group)) {
				out.println();
				out.println(Escaping.visible(header));
				group = header;
			}
			out.println(Escaping.visible("  " + line(finding)));
			if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
				out.println(Escaping.visible("             " + finding.reason() + "  (" + finding.file() + ":"
						+ finding.line() + ":" + finding.column() + ")"));
				continue;
			}
			if (!finding.statements().isEmpty() && finding.verdict() == Verdict.VIOLATED) {
				// ADR 0016: the verdict linked back to the CR text
				out.println(Escaping.visible("             " + (finding.kind() == Finding.Kind.DEAD_STEP
						? "the dead step covers " : "the run crosses ") + String.join(", ", finding.statements())));
			}
			if (finding.vacuous()) {
				// semantics §7.5: a warning, with the reason, under the verdict
				out.println(Escaping.visible("             warning: " + finding.vacuity().reason()));
			}
			if (finding.verdict() == Verdict.VIOLATED && finding.trace() != null && finding.kind() != Finding.Kind.DEAD_STEP) {
				writeTrace(finding, out);
				if (finding.kind() == Finding.Kind.UNHANDLED) {
					out.println(Escaping.visible("      ✗ " + finding.step() + ": no step of " + receiver(finding)
							+ " takes it in this state, and nothing ignores or defers it"));
					out.println(Escaping.visible("        " + receiverState(finding)));
				}
			}
		}
		out.println();
		out.println(summary(report));
		out.flush();
	}

	private static String line(Finding finding) {
		String verdict;
		if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
			return String.format("%-10s %s  [%s]  — not covered by the model", "UNCOVERED", finding.property(), finding
					.clause());
		}
		if (finding.kind() == Finding.Kind.DEAD_STEP) {
			verdict = switch (finding.verdict()) {
			case HOLDS -> "reachable";
			case VIOLATED -> finding.declaredFinding() ? "dead step" : "DEAD STEP";
			default -> "unknown";
			};
		} else if (finding.kind() == Finding.Kind.UNHANDLED) {
			verdict = switch (finding.verdict()) {
			case HOLDS -> "handled";
			case VIOLATED -> finding.declaredFinding() ? "unhandled" : "UNHANDLED";
			default -> "unknown";
			};
		} else {
			// semantics §7.5: a vacuous holds says so in its verdict, with the reason on the next line
			verdict = finding.verdict() == Verdict.VIOLATED ? "VIOLATED" : finding.vacuous() ? "holds (vacuous)"
					: finding.verdict().label();
		}
		StringBuilder line = new StringBuilder(String.format("%-10s %s", verdict, finding.property()));
		if (finding.clause() != null) {
			line.append("  [").append(finding.clause()).append(']');
		}
		if (finding.mismatch()) {
			line.append("  ← expected ").append(finding.expected());
		} else if (finding.verdict() != Verdict.UNKNOWN && !"holds".equals(finding.expected())) {
			line.append(finding.kind() == Finding.Kind.DEAD_STEP || finding.kind() == Finding.Kind.UNHANDLED
					? "  (declared)" : "  (as expected)");
		}
		line.append(String.format("  — %s", finding.engine()));
		if (finding.verdict() == Verdict.UNKNOWN) {
			line.append(", no violation within ").append(Math.max(0, finding.bound())).append(" steps: ")
					.append(finding.reason());
		} else if (finding.verdict() == Verdict.VIOLATED && finding.kind() != Finding.Kind.DEAD_STEP) {
			line.append(", ").append(finding.bound()).append("-step run");
			if (finding.reason() != null) {
				line.append(" (").append(finding.reason()).append(')');
			}
		} else if (finding.reason() != null && finding.kind() != Finding.Kind.DEAD_STEP) {
			line.append(", ").append(finding.reason());
		}
		line.append(finding.certified() ? ", certified (" + finding.certificate().kind() + ")" : "");
		line.append(String.format(", %.2fs", finding.seconds()));
		return line.toString();
	}

	/** The receiving role of an unhandled-message finding, from its subject {@code M on c at R}. */
	private static String receiver(Finding finding) {
		int at = finding.step().lastIndexOf(" at ");
		return at < 0 ? "the receiver" : finding.step().substring(at + 4);
	}

	/**
	 * The receiver's variables in the last state of an unhandled-message run (semantics §7.4: the
	 * state in which nothing takes the message), {@code UE: handedOver = true, newContext = false}.
	 */
	static String receiverState(Finding finding) {
		String role = receiver(finding);
		String variables = finding.trace().lastState(0).entrySet().stream().filter(e -> e.getKey().startsWith(role
				+ ".")).map(e -> e.getKey().substring(role.length() + 1) + " = " + e.getValue()).collect(Collectors
						.joining(", "));
		return role + (variables.isEmpty() ? " (no variables)" : ": " + variables);
	}

	private static void writeTrace(Finding finding, PrintWriter out) {
		Trace.Ending ending = finding.trace().ending();
		int length = finding.trace().steps().size();
		for (TraceStep step : finding.trace().steps()) {
			if (ending.kind() == Trace.Ending.Kind.LOOP && step.index() == ending.loopStart() + 1) {
				// semantics §6.4: the lasso's cycle
				out.println(Escaping.visible("      ↻ from here, " + ending.describe(length) + ":"));
			}
			String who = finding.instances() > 1 ? "UE#" + step.instance() + " " + step.role() : step.role();
			out.println(Escaping.visible(String.format("      %2d. %-14s %s%s", step.index(), who, step.step(),
					step.clause() == null ? "" : " (" + step.clause() + ")")));
			if (step.entry() != null) {
				out.println("            located the entry of UE#" + step.entry());
			}
			if (!step.message().isEmpty()) {
				out.println(Escaping.visible("            " + step.message()));
			}
			if (!step.changed().isEmpty()) {
				out.println(Escaping.visible("            " + step.changed().entrySet().stream().map(e -> e.getKey()
						+ " := " + e.getValue()).collect(Collectors.joining(", "))));
			}
		}
		if (ending.kind() == Trace.Ending.Kind.STOPS) {
			// semantics §5.1, §5.3: the run stutters in its last state for ever
			out.println("      ■ the run stops here: it stays in this state forever");
		}
	}

	private static String options(Map<String, String> options) {
		return options.isEmpty() ? "" : "  [" + options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining(", ")) + "]";
	}

	static String summary(RunReport report) {
		return Summary.of(report).text();
	}
}
