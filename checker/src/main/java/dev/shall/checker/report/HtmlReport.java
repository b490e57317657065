package dev.shall.checker.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.text.Escaping;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.checker.trace.TraceStep;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * The HTML report ({@code --report DIR}): one self-contained {@code index.html} — styles, script
 * and charts inline, nothing fetched, readable on a phone — and beside it, per chart, the files a
 * spec author puts in a CR or replays.
 *
 * <p>Layout of {@code index.html}: the run's summary and filters (a text filter, "findings only",
 * "hide as declared"); the input diagnostics; then a section per procedure, in the run's order,
 * with first its <em>findings</em> — every result that is not a plain pass: a violation, an unknown
 * verdict, a vacuous holds, a dead step, an unhandled message, and any kind of question added
 * later, grouped by {@link Finding.Kind} generically (a new kind gets a group of its own with no
 * change here) — each with its sequence chart inline, its trace as a table, and a link to the
 * model's line in the listing of the model at the end of the section; then every verdict, in a
 * table per combination of option values.
 *
 * <p>Beside it: {@code charts/NAME.svg} (plain SVG 1.1 that Word and LibreOffice import, see
 * {@link SequenceChart}), {@code charts/NAME.png} when {@code rsvg-convert} is on the {@code PATH}
 * (optional: nothing else needs it), and {@code traces/NAME.json} in the trace format for
 * {@code shall replay}. NAME is {@code procedure-property-option=value-…}, with every character
 * other than letters, digits, {@code . _ = -} replaced by {@code _}, at most 120 characters, and
 * {@code -2}, {@code -3}… when two findings would share one. Every text from the model or the
 * command line goes through {@link Escaping#markup}.
 */
public final class HtmlReport {

	/** The key under which {@link #write(RunReport, Path, Map)} looks up a procedure's chart notes. */
	public static String modelKey(String file, String procedure) {
		return file + "\u0000" + procedure;
	}

	/** The report without notes from the model: lifelines named by role, no step descriptions. */
	public void write(RunReport report, Path folder) throws IOException {
		write(report, folder, Map.of());
	}

	/**
	 * Writes {@code folder/index.html}, {@code folder/charts/} and {@code folder/traces/}.
	 *
	 * @param models per {@link #modelKey(String, String)}, the notes of each procedure checked
	 *               (absent: the chart names roles and steps by identifier)
	 * @throws IOException when the folder or a file in it cannot be written
	 */
	public void write(RunReport report, Path folder, Map<String, ChartNotes> models) throws IOException {
		Files.createDirectories(folder.resolve("charts"));
		Files.createDirectories(folder.resolve("traces"));
		Path converter = rsvgConvert();
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>shall report</title><style>")
				.append(STYLE).append("</style></head><body>\n");
		Summary summary = Summary.of(report);
		html.append("<header><h1>shall report</h1><p class=\"summary\">").append(escape(summary.text())).append(", ")
				.append(report.diagnostics().size()).append(" input diagnostic").append(report.diagnostics().size() == 1
						? "" : "s").append(" in all. Exit code ").append(report.exitCode()).append(".</p>")
				.append("<div class=\"filters\"><input type=\"search\" id=\"filter\" placeholder=\"filter: procedure, "
						+ "property, option…\" aria-label=\"filter\"> <label><input type=\"checkbox\" id=\"findingsOnly\"> "
						+ "findings only</label> <label><input type=\"checkbox\" id=\"hideDeclared\"> hide findings as "
						+ "declared</label></div></header>\n");
		if (!report.diagnostics().isEmpty()) {
			html.append("<section class=\"diagnostics\"><h2>Input diagnostics</h2><div class=\"scroll\"><table><tr>"
					+ "<th>where</th><th>severity</th><th>code</th><th>message</th></tr>");
			for (SourceDiagnostic d : report.diagnostics()) {
				html.append("<tr class=\"").append(d.severity().label()).append("\"><td><code>").append(escape(d.file()
						+ ":" + d.line() + ":" + d.column())).append("</code></td><td>").append(d.severity().label())
						.append("</td><td>").append(escape(d.code())).append("</td><td>").append(escape(d.message()))
						.append("</td></tr>");
			}
			html.append("</table></div></section>\n");
		}
		// procedures in the run's order, each with its findings in order
		Map<String, List<Integer>> procedures = new LinkedHashMap<>();
		List<Finding> results = report.results();
		for (int i = 0; i < results.size(); i++) {
			Finding finding = results.get(i);
			String key = modelKey(finding.file(), finding.procedure());
			if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT && !procedures.containsKey(key)) {
				// located in the CR's text, not the model: it belongs to the procedure checked against that CR
				key = procedures.keySet().stream().filter(k -> k.endsWith("\u0000" + finding.procedure())).reduce(
						(first, last) -> last).orElse(key);
			}
			procedures.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
		}
		Set<String> names = new HashSet<>();
		int section = 0;
		for (Map.Entry<String, List<Integer>> entry : procedures.entrySet()) {
			section++;
			List<Finding> findings = entry.getValue().stream().map(results::get).toList();
			ChartNotes notes = models.getOrDefault(entry.getKey(), ChartNotes.NONE);
			procedure(html, findings, notes, "p" + section, folder, converter, names);
		}
		html.append("<script>").append(SCRIPT).append("</script></body></html>\n");
		Files.writeString(folder.resolve("index.html"), html.toString(), StandardCharsets.UTF_8);
	}

	private void procedure(StringBuilder html, List<Finding> findings, ChartNotes notes, String id, Path folder,
			Path converter, Set<String> names) throws IOException {
		Finding first = findings.get(0);
		long notable = findings.stream().filter(HtmlReport::notable).count();
		long bad = findings.stream().filter(f -> f.mismatch() || f.verdict() == Verdict.UNKNOWN).count();
		html.append("<section class=\"procedure").append(bad > 0 ? " bad" : "").append("\" id=\"").append(id)
				.append("\"><h2>").append(escape(first.procedure())).append(" <small>").append(escape(first.file()))
				.append("</small></h2><p>").append(findings.size()).append(" question").append(findings.size() == 1 ? ""
						: "s").append(", ").append(notable).append(" finding").append(notable == 1 ? "" : "s")
				.append(bad > 0 ? ", <b>" + bad + " not as expected or unknown</b>" : "").append(".</p>");
		// the findings first, grouped by kind of question, kinds in the order they first occur
		Map<Finding.Kind, List<Finding>> byKind = new LinkedHashMap<>();
		for (Finding finding : findings) {
			if (notable(finding)) {
				byKind.computeIfAbsent(finding.kind(), k -> new ArrayList<>()).add(finding);
			}
		}
		html.append("<div class=\"findings\">");
		if (byKind.isEmpty()) {
			html.append("<p class=\"none\">No findings: every question answered as a pass.</p>");
		}
		Set<String> lines = new TreeSet<>();
		for (Map.Entry<Finding.Kind, List<Finding>> group : byKind.entrySet()) {
			html.append("<h3 class=\"kind\" data-kind=\"").append(escape(group.getKey().label())).append("\">").append(
					escape(kindTitle(group.getKey()))).append(" <small>(").append(group.getValue().size()).append(
							")</small></h3>");
			for (Finding finding : group.getValue()) {
				lines.add(Integer.toString(finding.line()));
				finding(html, finding, notes, id, folder, converter, names);
			}
		}
		html.append("</div>");
		// every verdict, per combination of options
		Map<String, List<Finding>> byCombination = new LinkedHashMap<>();
		for (Finding finding : findings) {
			byCombination.computeIfAbsent(options(finding), k -> new ArrayList<>()).add(finding);
		}
		html.append("<details class=\"verdicts\" open><summary>Verdicts by option combination (").append(byCombination
				.size()).append(")</summary>");
		for (Map.Entry<String, List<Finding>> combination : byCombination.entrySet()) {
			long differ = combination.getValue().stream().filter(Finding::mismatch).count();
			html.append("<h4>").append(combination.getKey().isEmpty() ? "no options" : escape(combination.getKey()))
					.append(differ > 0 ? " <span class=\"badge mismatch\">" + differ + " differ</span>" : "").append(
							"</h4><div class=\"scroll\"><table><tr><th>question</th><th>kind</th><th>clause</th><th>verdict"
									+ "</th><th>expected</th><th>engine</th><th>bound</th><th>certified</th><th>s</th></tr>");
			for (Finding finding : combination.getValue()) {
				html.append("<tr class=\"").append(css(finding)).append("\"><td>").append(notable(finding) && finding
						.trace() != null ? "<a href=\"#" + anchor(id, finding) + "\">" + escape(subject(finding)) + "</a>"
						: escape(subject(finding))).append("</td><td>").append(escape(finding.kind().label())).append(
								"</td><td>").append(escape(finding.clause() == null ? "" : finding.clause())).append(
										"</td><td>").append(verdict(finding)).append("</td><td>").append(escape(finding
												.expected())).append("</td><td>").append(escape(finding.engine() == null ? ""
														: finding.engine())).append("</td><td>").append(finding.bound())
						.append("</td><td>").append(finding.certified() ? "<span title=\"" + escape(finding.certificate()
								.describe()) + "\">" + finding.certificate().kind() + "</span>" : "no").append("</td><td>")
						.append(String.format(Locale.ROOT, "%.2f", finding.seconds())).append("</td></tr>\n");
			}
			html.append("</table></div>");
		}
		html.append("</details>");
		source(html, first.file(), id, lines);
		html.append("</section>\n");
	}

	/** A finding: what was found, where in the model, its chart and its trace. */
	private void finding(StringBuilder html, Finding finding, ChartNotes notes, String id, Path folder, Path converter,
			Set<String> names) throws IOException {
		String status = finding.mismatch() ? "mismatch" : finding.verdict() == Verdict.UNKNOWN ? "unknown"
				: finding.warning() || finding.vacuous() ? "warning" : "declared";
		html.append("<article class=\"finding ").append(status).append("\" id=\"").append(anchor(id, finding)).append(
				"\" data-kind=\"").append(escape(finding.kind().label())).append("\"><h4><span class=\"badge ").append(
						status).append("\">").append(switch (status) {
						case "mismatch" -> "not as declared";
						case "unknown" -> "unknown";
						case "warning" -> "warning";
						default -> "as declared";
						}).append("</span> ").append(escape(subject(finding))).append(": ").append(verdict(finding))
				.append("</h4><p class=\"where\"><a href=\"#").append(id).append("-L").append(finding.line()).append(
						"\" class=\"source-link\">").append(escape(finding.file())).append(":").append(finding.line())
				.append("</a>").append(finding.clause() == null ? "" : " — " + escape(finding.clause())).append(
						finding.options().isEmpty() ? "" : " — " + escape(options(finding))).append(" — expected ")
				.append(escape(finding.expected())).append("</p>");
		if (finding.verdict() == Verdict.UNKNOWN && finding.reason() != null) {
			html.append("<p>").append(escape(finding.reason())).append("</p>");
		}
		if (finding.vacuous()) {
			html.append("<p>").append(escape(finding.vacuity().reason())).append("</p>");
		}
		if (finding.kind() == Finding.Kind.UNHANDLED && finding.verdict() == Verdict.VIOLATED && finding
				.trace() != null) {
			html.append("<p>").append(escape("No step takes it in the last state, and nothing ignores or defers it: "
					+ TextReport.receiverState(finding))).append("</p>");
		}
		if (finding.trace() != null && finding.verdict() == Verdict.VIOLATED && finding.kind() != Finding.Kind.DEAD_STEP) {
			String name = unique(chartName(finding), names);
			String verdictLine = (finding.kind() == Finding.Kind.PROPERTY ? "violates " + finding.property()
					: finding.kind() == Finding.Kind.UNHANDLED ? "unhandled: " + finding.step()
							+ ", which no step takes, ignores or defers here" : finding.kind().label() + ": " + subject(
									finding)) + (finding.clause() == null ? "" : " [" + finding.clause() + "]") + " — "
					+ finding.trace().ending().describe(finding.trace().steps().size());
			String svg = SequenceChart.render(finding.trace(), verdictLine, finding.instances(), notes, finding.kind()
					== Finding.Kind.PROPERTY ? finding.property() : null);
			Path svgFile = folder.resolve("charts").resolve(name + ".svg");
			Files.writeString(svgFile, svg, StandardCharsets.UTF_8);
			boolean png = converter != null && png(converter, svgFile, folder.resolve("charts").resolve(name + ".png"));
			// the run as data, in the one trace format: shall replay reads it
			Files.writeString(folder.resolve("traces").resolve(name + ".json"), TraceFormat.write(finding
					.traceDocument()) + "\n", StandardCharsets.UTF_8);
			html.append("<figure class=\"chart\">").append(svg).append("</figure><p class=\"files\">Chart: <a href=\"charts/")
					.append(escape(name)).append(".svg\">SVG</a>").append(png ? " · <a href=\"charts/" + escape(name)
							+ ".png\">PNG</a>" : "").append(" · trace: <a href=\"traces/").append(escape(name)).append(
									".json\"><code>traces/").append(escape(name)).append(".json</code></a> (<code>shall "
											+ "replay</code> reads it)</p>");
			traceTable(html, finding.trace());
		}
		html.append("</article>\n");
	}

	private static void traceTable(StringBuilder html, Trace trace) {
		html.append("<details class=\"trace\"><summary>The run, step by step</summary><div class=\"scroll\"><table><tr>"
				+ "<th>#</th><th>instance</th><th>role</th><th>step</th><th>clause</th><th>messages</th><th>changed</th></tr>");
		Trace.Ending ending = trace.ending();
		int length = trace.steps().size();
		for (TraceStep step : trace.steps()) {
			if (ending.kind() == Trace.Ending.Kind.LOOP && step.index() == ending.loopStart() + 1) {
				// semantics §6.4: the lasso's cycle starts here
				html.append("<tr class=\"loop\"><td colspan=\"7\">↻ from here, ").append(escape(ending.describe(length)))
						.append("</td></tr>");
			}
			boolean cycle = ending.kind() == Trace.Ending.Kind.LOOP && step.index() > ending.loopStart();
			html.append(cycle ? "<tr class=\"cycle\"><td>" : "<tr><td>").append(step.index()).append("</td><td>").append(
					step.instance()).append("</td><td>").append(escape(step.role())).append("</td><td>").append(escape(step
							.step())).append("</td><td>").append(escape(step.clause() == null ? "" : step.clause())).append(
									"</td><td>").append(escape(step.message())).append("</td><td>").append(escape(String
											.join(", ", step.changed().entrySet().stream().map(e -> e.getKey() + " := " + e
													.getValue()).toList()))).append("</td></tr>");
		}
		if (ending.kind() == Trace.Ending.Kind.STOPS) {
			html.append("<tr class=\"loop\"><td colspan=\"7\">■ the run stops here: it stays in this state forever</td>"
					+ "</tr>");
		}
		html.append("</table></div></details>");
	}

	/** The model's text with numbered, addressable lines; the lines findings point to marked. */
	private static void source(StringBuilder html, String file, String id, Set<String> marked) {
		List<String> text;
		try {
			text = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
		} catch (IOException | RuntimeException e) {
			return; // a file gone since the run (or not a path): the links still say file and line
		}
		html.append("<details class=\"source\" id=\"").append(id).append("-source\"><summary>Model: ").append(escape(
				file)).append("</summary><pre>");
		for (int i = 0; i < text.size(); i++) {
			String n = Integer.toString(i + 1);
			html.append("<span id=\"").append(id).append("-L").append(n).append("\"").append(marked.contains(n)
					? " class=\"marked\"" : "").append("><i>").append(n).append("</i>").append(escape(text.get(i)
							.replace("\t", "    "))).append("</span>\n");
		}
		html.append("</pre></details>");
	}

	/** Whether a result is a finding rather than a pass: anything but a plain holds (or handled, or reachable). */
	static boolean notable(Finding finding) {
		return finding.mismatch() || finding.verdict() != Verdict.HOLDS || finding.vacuous();
	}

	/** The heading of a group of findings; a kind this class does not know is named by its label. */
	static String kindTitle(Finding.Kind kind) {
		return switch (kind.label()) {
		case "property" -> "Properties";
		case "dead-step" -> "Dead steps";
		case "unhandled-message" -> "Unhandled messages";
		case "bounds" -> "Bounds";
		default -> {
			String words = kind.label().replace('-', ' ');
			yield Character.toUpperCase(words.charAt(0)) + words.substring(1) + "s";
		}
		};
	}

	private static String subject(Finding finding) {
		return finding.kind() == Finding.Kind.PROPERTY ? finding.property() : finding.step() != null ? finding.step()
				: finding.property();
	}

	private static String options(Finding finding) {
		StringBuilder out = new StringBuilder();
		finding.options().forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(" = ").append(v));
		return out.toString();
	}

	private static String anchor(String id, Finding finding) {
		return id + "-" + Integer.toHexString((finding.kind().label() + "|" + finding.property() + "|" + finding.step()
				+ "|" + finding.options()).hashCode());
	}

	private static String css(Finding finding) {
		return finding.mismatch() ? "mismatch" : finding.verdict() == Verdict.UNKNOWN ? "unknown" : finding.warning()
				? "dead" : finding.vacuous() ? "vacuous" : "ok";
	}

	private static String verdict(Finding finding) {
		if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
			// ADR 0016: a statement of the CR that no model element covers
			return "UNCOVERED — " + escape(finding.reason());
		}
		String verdict = finding.kind() == Finding.Kind.DEAD_STEP && finding.verdict() == Verdict.VIOLATED
				? finding.declaredFinding() ? "dead step (declared)" : "DEAD STEP"
				: finding.kind() == Finding.Kind.UNHANDLED && finding.verdict() == Verdict.VIOLATED
						? finding.declaredFinding() ? "unhandled (declared)" : "UNHANDLED"
						: finding.kind() == Finding.Kind.UNHANDLED && finding.verdict() == Verdict.HOLDS ? "handled"
								: finding.verdict().label();
		return verdict + (finding.reason() != null && finding.verdict() == Verdict.UNKNOWN ? " — " + escape(finding
				.reason()) : "")
				// semantics §7.5: the warning and its reason
				+ (finding.vacuous() ? " (vacuous) — " + escape(finding.vacuity().reason()) : "");
	}

	/**
	 * The file name of a finding's chart and trace, without extension: procedure, property and
	 * options, each character outside {@code [A-Za-z0-9._=-]} replaced by {@code _}, at most 120
	 * characters.
	 */
	public static String chartName(Finding finding) {
		StringBuilder name = new StringBuilder(finding.procedure()).append('-').append(finding.kind()
				== Finding.Kind.PROPERTY ? finding.property() : finding.kind().label() + "-" + subject(finding));
		finding.options().forEach((k, v) -> name.append('-').append(k).append('=').append(v));
		String clean = name.toString().replaceAll("[^A-Za-z0-9._=-]", "_").replaceAll("_+", "_");
		if (clean.startsWith(".")) {
			clean = "_" + clean.substring(1); // never a hidden file
		}
		return clean.length() > 120 ? clean.substring(0, 120) : clean;
	}

	private static String unique(String name, Set<String> names) {
		String candidate = name;
		for (int n = 2; !names.add(candidate.toLowerCase(Locale.ROOT)); n++) {
			candidate = name + "-" + n; // case-insensitive: macOS and Windows file systems
		}
		return candidate;
	}

	/** {@code rsvg-convert} on the PATH, or null: PNGs are a convenience, never required. */
	private static Path rsvgConvert() {
		String path = System.getenv("PATH");
		if (path == null || "none".equals(System.getenv("SHALL_PNG"))) {
			return null;
		}
		for (String folder : path.split(File.pathSeparator)) {
			if (folder.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(folder, "rsvg-convert");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** Renders the SVG to a PNG at twice its size (sharp in documents); false when that failed. */
	private static boolean png(Path converter, Path svg, Path png) {
		try {
			Process process = new ProcessBuilder(converter.toString(), "--zoom=2", "--background-color=white", "-o", png
					.toString(), svg.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0 && Files.isRegularFile(png);
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String escape(String text) {
		return Escaping.markup(text);
	}

	private static final String STYLE = "body{font-family:Helvetica,Arial,sans-serif;margin:0 auto;max-width:1400px;"
			+ "padding:1em;color:#222;line-height:1.4}h1{margin:.2em 0}h2{margin:0 0 .3em}h2 small{font-weight:normal;"
			+ "color:#666;font-size:60%;word-break:break-all}header{position:sticky;top:0;background:#fff;z-index:2;"
			+ "border-bottom:1px solid #ddd;padding-bottom:.5em}.filters{display:flex;flex-wrap:wrap;gap:.5em 1.2em;"
			+ "align-items:center}.filters input[type=search]{flex:1 1 14em;padding:.4em;font-size:1em}"
			+ "section{margin-top:1.5em;border:1px solid #ddd;border-radius:6px;padding:.8em}section.bad{border-color:#a31515}"
			+ ".scroll{overflow-x:auto}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
			+ "padding:3px 8px;font-size:13px;text-align:left;vertical-align:top}th{background:#f0f0f0}"
			+ ".mismatch{background:#fde8e8}.unknown{background:#fff6d6}.dead{background:#fff0e0}.ok{background:#f2fbf2}"
			+ ".vacuous{background:#fff0e0;font-style:italic}.finding{border-left:5px solid #888;padding:.3em .8em;"
			+ "margin:.8em 0;background:#fafafa}.finding.mismatch{border-color:#a31515}.finding.unknown{border-color:#c9a400}"
			+ ".finding.warning{border-color:#d97a00}.finding.declared{border-color:#34527a}.finding h4{margin:.3em 0}"
			+ ".badge{display:inline-block;font-size:75%;padding:1px 6px;border-radius:8px;background:#34527a;color:#fff;"
			+ "font-weight:bold}.badge.mismatch{background:#a31515}.badge.unknown{background:#c9a400}"
			+ ".badge.warning{background:#d97a00}.where{font-size:90%;color:#444;word-break:break-word}"
			+ ".chart{margin:.5em 0;overflow-x:auto;border:1px solid #ddd;background:#fff}.chart svg{display:block}"
			+ "code{font-size:12px}tr.loop td{background:#f3eefa;color:#4b2c7a;font-weight:bold}tr.cycle td:first-child"
			+ "{border-left:4px solid #6a3d9a}details.source pre{font-size:12px;overflow-x:auto;background:#f7f7f7;"
			+ "padding:.5em}details.source pre span{display:block}details.source pre i{display:inline-block;width:3.5em;"
			+ "color:#999;font-style:normal;user-select:none}.marked{background:#fff0a8}:target{background:#fff0a8}"
			+ ".hidden{display:none!important}body.findings-only .verdicts,body.findings-only section:not(.has-findings)"
			+ "{display:none}body.hide-declared .finding.declared{display:none}"
			+ "@media (max-width:700px){body{padding:.4em}td,th{font-size:12px;padding:2px 4px}h1{font-size:1.4em}"
			+ "section{padding:.5em}header{position:static}}";

	/** Filters and opening the model listing at a linked line: plain JavaScript, nothing fetched. */
	private static final String SCRIPT = "(function(){var q=document.getElementById('filter'),"
			+ "f=document.getElementById('findingsOnly'),d=document.getElementById('hideDeclared');"
			+ "document.querySelectorAll('section.procedure').forEach(function(s){if(s.querySelector('.finding'))"
			+ "s.classList.add('has-findings');});"
			+ "function apply(){var t=q.value.toLowerCase();document.querySelectorAll('section.procedure').forEach(function(s){"
			+ "var hit=!t||s.textContent.toLowerCase().indexOf(t)>=0;s.classList.toggle('hidden',!hit);if(!hit)return;"
			+ "s.querySelectorAll('.finding, .verdicts tr:not(:first-child)').forEach(function(e){"
			+ "e.classList.toggle('hidden',!!t&&s.querySelector('h2').textContent.toLowerCase().indexOf(t)<0&&"
			+ "e.textContent.toLowerCase().indexOf(t)<0);});});"
			+ "document.body.classList.toggle('findings-only',f.checked);document.body.classList.toggle('hide-declared',d.checked);}"
			+ "q.addEventListener('input',apply);f.addEventListener('change',apply);d.addEventListener('change',apply);"
			+ "function open(){var h=location.hash.slice(1);if(!h)return;var e=document.getElementById(h);if(!e)return;"
			+ "var p=e.closest('details');while(p){p.open=true;p=p.parentElement.closest('details');}e.scrollIntoView();}"
			+ "window.addEventListener('hashchange',open);open();})();";
}
