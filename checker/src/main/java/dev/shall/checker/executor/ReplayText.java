package dev.shall.checker.executor;

import java.io.PrintWriter;

/** The replay as an author reads it: the bindings, each step with its bytes, and the conclusion. */
public final class ReplayText {

	private ReplayText() {
	}

	public static void write(Replay.Report report, PrintWriter out) {
		out.println("Replay of " + report.procedure() + (report.property() == null ? "" : ", " + report.property())
				+ (report.options().isEmpty() ? "" : " " + report.options()) + ", " + report.instances()
				+ (report.instances() == 1 ? " instance" : " instances"));
		out.println("key atoms:");
		report.bindings().forEach(b -> out.println("  " + b));
		for (Replay.Step step : report.steps()) {
			var s = step.step();
			out.println(String.format("%2d. [%d] %s %s%s", s.index(), s.instance(), s.role(), s.step(),
					s.clause() == null ? "" : " (" + s.clause() + ")"));
			if (!s.message().isEmpty()) {
				out.println("      " + s.message());
			}
			step.lines().forEach(line -> out.println("      " + line));
		}
		if (!report.conclusion().isEmpty()) {
			out.println("at the end of the run:");
			report.conclusion().forEach(line -> out.println("  " + line));
		}
		if (report.contradictions().isEmpty()) {
			out.println("The concrete run confirms the checker's verdict.");
		} else {
			out.println("ERROR OF THE CHECKER: the concrete run contradicts the engine:");
			report.contradictions().forEach(line -> out.println("  " + line));
		}
		out.flush();
	}
}
