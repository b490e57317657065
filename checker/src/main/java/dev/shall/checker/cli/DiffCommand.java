package dev.shall.checker.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.report.CheckRunner;
import dev.shall.checker.report.RevisionDiff;
import dev.shall.checker.report.RunReport;
import dev.shall.model.frontend.ProcedureFrontEnd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shall diff OLD NEW}: what a revision of a procedure fixes and breaks. */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Checks two revisions of a procedure and reports per property: fixed, broken, unchanged, new, "
				+ "removed. Exit codes: 0 nothing broken, 1 something broken, 3 bad input.")
public final class DiffCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "OLD")
	Path before;

	@Parameters(index = "1", paramLabel = "NEW")
	Path after;

	@Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
	String format;

	@Option(names = "--depth", defaultValue = "40")
	int depth;

	@Option(names = "--timeout", defaultValue = "60")
	int timeout;

	@Override
	public Integer call() {
		if (!List.of("text", "json").contains(format)) {
			System.err.println("shall: unknown format '" + format + "' (text or json)");
			return 3;
		}
		CheckRunner.Settings settings = new CheckRunner.Settings("auto", depth, Duration.ofSeconds(timeout), null,
				Map.of());
		ProcedureFrontEnd frontEnd = ProcedureFrontEnd.find();
		RunReport old = new CheckRunner().run(List.of(before), settings, frontEnd, CheckRunner.Listener.NONE);
		RunReport now = new CheckRunner().run(List.of(after), settings, frontEnd, CheckRunner.Listener.NONE);
		if (old.hasErrors() || now.hasErrors()) {
			old.diagnostics().forEach(System.err::println);
			now.diagnostics().forEach(System.err::println);
			return 3;
		}
		List<RevisionDiff.Entry> entries = new RevisionDiff().compare(old, now);
		PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
		if (format.equals("json")) {
			JsonObject root = new JsonObject();
			root.addProperty("old", before.toString());
			root.addProperty("new", after.toString());
			JsonArray changes = new JsonArray();
			for (RevisionDiff.Entry entry : entries) {
				JsonObject change = new JsonObject();
				change.addProperty("property", entry.property());
				change.addProperty("kind", entry.kind());
				JsonObject options = new JsonObject();
				entry.options().forEach(options::addProperty);
				change.add("options", options);
				change.addProperty("change", entry.change().label());
				change.addProperty("old", entry.before() == null ? null : entry.before().label());
				change.addProperty("new", entry.after() == null ? null : entry.after().label());
				changes.add(change);
			}
			root.add("changes", changes);
			root.addProperty("summary", RevisionDiff.summary(entries));
			out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
		} else {
			for (RevisionDiff.Entry entry : entries) {
				out.printf("%-10s %-40s %-9s → %-9s %s%n", entry.change().label(), entry.property(), entry.before() == null
						? "-" : entry.before().label(), entry.after() == null ? "-" : entry.after().label(), entry.options()
								.isEmpty() ? "" : entry.options());
			}
			out.println();
			out.println(RevisionDiff.summary(entries));
		}
		out.flush();
		return entries.stream().anyMatch(e -> e.change() == RevisionDiff.Change.BROKEN) ? 1 : 0;
	}
}
