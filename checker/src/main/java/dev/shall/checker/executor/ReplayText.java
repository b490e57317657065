package dev.shall.checker.executor;

import java.io.PrintWriter;

import dev.shall.checker.text.Escaping;
import dev.shall.checker.trace.Trace;

/**
 * The replay as an author reads it: the bindings, each step with its bytes, and the conclusion.
 * Every line passes through {@link Escaping#visible}: names and messages come from the model and
 * the trace file.
 */
public final class ReplayText {

	private ReplayText() {
	}

	public static void write(Replay.Report report, PrintWriter out) {
		line(out, "Replay of " + report.procedure() + (report.property() == null ? "" : ", " + report.property())
				+ (report.options().isEmpty() ? "" : " " + report.options()) + ", " + report.instances()
				+ (report.instances() == 1 ? " instance" : " instances"));
		line(out, "key atoms:");
		report.bindings().forEach(b -> line(out, "  " + b));
		for (Replay.Step step : report.steps()) {
			var s = step.step();
			if (report.ending().kind() == Trace.Ending.Kind.LOOP && s.index() == report.ending().loopStart() + 1) {
				line(out, "    ↻ from here, " + report.ending().describe(report.steps().size()) + ":");
			}
			line(out, String.format("%2d. [%d] %s %s%s", s.index(), s.instance(), s.role(), s.step(),
					s.clause() == null ? "" : " (" + s.clause() + ")"));
			if (!s.message().isEmpty()) {
				line(out, "      " + s.message());
			}
			step.lines().forEach(text -> line(out, "      " + text));
		}
		if (report.ending().kind() == Trace.Ending.Kind.STOPS) {
			line(out, "    ■ " + report.ending().describe(report.steps().size()));
		}
		if (!report.conclusion().isEmpty()) {
			line(out, "at the end of the run:");
			report.conclusion().forEach(text -> line(out, "  " + text));
		}
		if (report.contradictions().isEmpty()) {
			line(out, "The concrete run confirms the checker's verdict.");
		} else {
			line(out, "ERROR OF THE CHECKER: the concrete run contradicts the engine:");
			report.contradictions().forEach(text -> line(out, "  " + text));
		}
		out.flush();
	}

	private static void line(PrintWriter out, String text) {
		out.println(Escaping.visible(text));
	}
}
