package dev.shall.checker.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;


import dev.shall.checker.report.CheckRunner;
import dev.shall.checker.report.DiffReport;
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

	@Option(names = "--format", defaultValue = "text",
			description = "text, json, junit or sarif (default: ${DEFAULT-VALUE})")
	String format;

	@Option(names = "--depth", defaultValue = "40")
	int depth;

	@Option(names = "--timeout", defaultValue = "60")
	int timeout;

	@Override
	public Integer call() {
		if (!List.of("text", "json", "junit", "sarif").contains(format)) {
			System.err.println("shall: unknown format '" + format + "' (text, json, junit or sarif)");
			return 3;
		}
		CheckCommand.importPolicy(null, false);
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
		new DiffReport(before.toString(), after.toString(), now, entries).write(format, out);
		out.flush();
		return entries.stream().anyMatch(e -> e.change() == RevisionDiff.Change.BROKEN) ? 1 : 0;
	}
}
