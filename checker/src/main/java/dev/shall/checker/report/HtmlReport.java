package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.checker.trace.TraceStep;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * The HTML report ({@code --report DIR}): one self-contained {@code index.html} (styles and
 * charts inline, nothing fetched) with every verdict, the input diagnostics, and for each
 * violated property its sequence chart and its trace (a lasso's cycle marked); each chart is also
 * written as {@code charts/N.svg} for use in documents, and each trace as {@code traces/N.json} in
 * the trace format, for {@code shall replay}. Every text from the model or the command line goes
 * through {@link Escaping#markup}.
 */
public final class HtmlReport {

	public void write(RunReport report, Path folder) throws IOException {
		Files.createDirectories(folder.resolve("charts"));
		Files.createDirectories(folder.resolve("traces"));
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>shall report</title><style>")
				.append("body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
						+ "margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left;vertical-align:top}"
						+ "th{background:#f0f0f0}.mismatch{background:#fde8e8}.unknown{background:#fff6d6}.dead{background:#fff0e0}"
						+ ".ok{background:#f2fbf2}.vacuous{background:#fff0e0;font-style:italic}section{margin-top:2.5em}.chart{overflow-x:auto;border:1px solid #ddd;padding:4px}"
						+ "code{font-size:12px}tr.loop td{background:#f3eefa;color:#4b2c7a;font-weight:bold}tr.cycle td:first-child"
						+ "{border-left:4px solid #6a3d9a}</style></head><body>\n");
		List<Finding> results = report.results();
		html.append("<h1>shall report</h1><p>").append(escape(Summary.of(report).text())).append(", ")
				.append(report.diagnostics().size()).append(" input diagnostic").append(report.diagnostics().size() == 1
						? "" : "s").append(" in all. Exit code ").append(report.exitCode()).append(".</p>\n");
		if (!report.diagnostics().isEmpty()) {
			html.append("<h2>Input diagnostics</h2><table><tr><th>where</th><th>severity</th><th>code</th><th>message</th></tr>");
			for (SourceDiagnostic d : report.diagnostics()) {
				html.append("<tr><td><code>").append(escape(d.file() + ":" + d.line() + ":" + d.column()))
						.append("</code></td><td>").append(d.severity().label()).append("</td><td>").append(escape(d.code()))
						.append("</td><td>").append(escape(d.message())).append("</td></tr>");
			}
			html.append("</table>\n");
		}
		html.append("<h2>Verdicts</h2><table><tr><th>procedure</th><th>options</th><th>question</th><th>clause</th>"
				+ "<th>verdict</th><th>expected</th><th>engine</th><th>bound</th><th>certified</th><th>seconds</th></tr>");
		int chart = 0;
		StringBuilder sections = new StringBuilder();
		for (Finding finding : results) {
			String anchor = null;
			if (finding.trace() != null && finding.verdict() == Verdict.VIOLATED && finding.kind() != Finding.Kind.DEAD_STEP) {
				anchor = "trace-" + ++chart;
				String svg = SequenceChart.render(finding.trace(), "violates " + finding.property(), finding.instances());
				Files.writeString(folder.resolve("charts").resolve(chart + ".svg"), svg, StandardCharsets.UTF_8);
				// the run as data, in the one trace format: shall replay reads it
				Files.writeString(folder.resolve("traces").resolve(chart + ".json"), TraceFormat.write(finding
						.traceDocument()) + "\n", StandardCharsets.UTF_8);
				sections.append(section(finding, anchor, svg, chart));
			}
			String css = finding.mismatch() ? "mismatch" : finding.verdict() == Verdict.UNKNOWN ? "unknown"
					: finding.warning() ? "dead" : finding.vacuous() ? "vacuous" : "ok";
			String verdict = finding.kind() == Finding.Kind.UNCOVERED_STATEMENT ? "UNCOVERED — " + escape(finding.reason())
					: finding.kind() == Finding.Kind.DEAD_STEP && finding.verdict() == Verdict.VIOLATED
					? finding.declaredFinding() ? "dead step (declared)" : "DEAD STEP"
					: finding.kind() == Finding.Kind.UNHANDLED && finding.verdict() == Verdict.VIOLATED
							? finding.declaredFinding() ? "unhandled (declared)" : "UNHANDLED"
							: finding.kind() == Finding.Kind.UNHANDLED && finding.verdict() == Verdict.HOLDS ? "handled"
									: finding.verdict().label();
			html.append("<tr class=\"").append(css).append("\"><td>").append(escape(finding.procedure())).append("</td><td>")
					.append(escape(finding.options().isEmpty() ? "" : finding.options().toString())).append("</td><td>")
					.append(anchor == null ? escape(finding.property()) : "<a href=\"#" + anchor + "\">"
							+ escape(finding.property()) + "</a>")
					.append("</td><td>").append(escape(finding.clause() == null ? "" : finding.clause())).append("</td><td>")
					.append(verdict).append(finding.reason() != null && finding.verdict() == Verdict.UNKNOWN ? " — "
							+ escape(finding.reason()) : "")
					// semantics §7.5: the warning and its reason
					.append(finding.vacuous() ? " (vacuous) — " + escape(finding.vacuity().reason()) : "")
					.append("</td><td>").append(escape(finding.expected())).append("</td><td>")
					.append(escape(finding.engine() == null ? "" : finding.engine())).append("</td><td>")
					.append(finding.bound()).append("</td><td>").append(finding.certified() ? "<span title=\"" + escape(finding.certificate().describe()) + "\">"
							+ finding.certificate().kind() + "</span>" : "no").append("</td><td>")
					.append(String.format("%.2f", finding.seconds())).append("</td></tr>\n");
		}
		html.append("</table>\n").append(sections).append("</body></html>\n");
		Files.writeString(folder.resolve("index.html"), html.toString(), StandardCharsets.UTF_8);
	}

	private static String escape(String text) {
		return Escaping.markup(text);
	}

	private static String section(Finding finding, String anchor, String svg, int number) {
		StringBuilder html = new StringBuilder();
		html.append("<section id=\"").append(anchor).append("\"><h2>").append(escape(finding.procedure())).append(": ")
				.append(escape(finding.kind() == Finding.Kind.UNHANDLED ? "unhandled: " + finding.step()
						: finding.property() + " violated")).append(finding.mismatch() ? " (declared: "
						+ escape(finding.expected()) + ")" : finding.warning() ? "" : " (as declared)").append("</h2><p>")
				.append(finding.kind() == Finding.Kind.UNHANDLED ? escape("No step takes it in the last state, and "
						+ "nothing ignores or defers it: " + TextReport.receiverState(finding)) + "</p><p>" : "")
				.append(escape(finding.file())).append(":").append(finding.line())
				.append(finding.options().isEmpty() ? "" : " — options " + escape(finding.options().toString()))
				.append(finding.clause() == null ? "" : " — " + escape(finding.clause()))
				.append(" — the trace: <a href=\"traces/").append(number).append(".json\"><code>traces/").append(number)
				.append(".json</code></a> (<code>shall replay</code> reads it)").append("</p><div class=\"chart\">")
				.append(svg).append("</div><table><tr><th>#</th><th>instance</th><th>role</th><th>step</th><th>clause</th>"
						+ "<th>messages</th><th>changed</th></tr>");
		Trace.Ending ending = finding.trace().ending();
		int length = finding.trace().steps().size();
		for (TraceStep step : finding.trace().steps()) {
			if (ending.kind() == Trace.Ending.Kind.LOOP && step.index() == ending.loopStart() + 1) {
				// semantics §6.4: the lasso's cycle starts here
				html.append("<tr class=\"loop\"><td colspan=\"7\">↻ from here, ").append(escape(ending.describe(length)))
						.append("</td></tr>");
			}
			boolean cycle = ending.kind() == Trace.Ending.Kind.LOOP && step.index() > ending.loopStart();
			html.append(cycle ? "<tr class=\"cycle\"><td>" : "<tr><td>").append(step.index()).append("</td><td>").append(step.instance()).append("</td><td>")
					.append(escape(step.role())).append("</td><td>").append(escape(step.step())).append("</td><td>")
					.append(escape(step.clause() == null ? "" : step.clause())).append("</td><td>")
					.append(escape(step.message())).append("</td><td>")
					.append(escape(String.join(", ", step.changed().entrySet().stream()
							.map(e -> e.getKey() + " := " + e.getValue()).toList())))
					.append("</td></tr>");
		}
		if (ending.kind() == Trace.Ending.Kind.STOPS) {
			html.append("<tr class=\"loop\"><td colspan=\"7\">■ the run stops here: it stays in this state forever</td>"
					+ "</tr>");
		}
		return html.append("</table></section>\n").toString();
	}
}
