package dev.shall.checker.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.DiffReport;
import dev.shall.checker.text.Escaping;
import dev.shall.checker.report.RevisionDiff;
import dev.shall.checker.report.RunReport;
import dev.shall.model.frontend.Limits;
import dev.shall.model.frontend.ProcedureFrontEnd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shall diff OLD NEW}: what a revision of a procedure fixes and breaks, and, when the two
 * revisions name CRs (their {@code cr} lines, or {@code --old-cr}/{@code --new-cr}) that differ, the
 * statements that changed and the verdicts that changed with them (ADR 0016). OLD and NEW may also be
 * two CRs themselves (any file but a .shall): then only their statements are compared, exit 0.
 * Exit codes: 0 nothing
 * broken, 1 something broken (a verdict went from holds to violated), 2 nothing broken but a verdict
 * compared is unknown in either revision (so whether it broke is not known), 3 bad input or usage,
 * 4 internal failure.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Checks two revisions of a procedure and reports per property: fixed, broken, unchanged, new, "
				+ "removed. Exit codes: 0 nothing broken, 1 something broken, 2 nothing broken but some verdict "
				+ "compared is unknown, 3 bad input or usage, 4 internal failure.")
public final class DiffCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

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

	@Option(names = "--old-cr", paramLabel = "FILE", description = "the CR of the old revision (default: its cr line)")
	Path oldCr;

	@Option(names = "--new-cr", paramLabel = "FILE", description = "the CR of the new revision (default: its cr line)")
	Path newCr;

	@Option(names = "--property", paramLabel = "NAME", description = "compare only this property (repeatable)")
	List<String> properties = new java.util.ArrayList<>();

	@Option(names = "--step", paramLabel = "NAME", description = "compare only whether this step or event can happen "
			+ "(repeatable)")
	List<String> steps = new java.util.ArrayList<>();

	@Option(names = "--kind", paramLabel = "KIND", description = "compare only questions of this kind: property, "
			+ "bounds, dead-step or unhandled (repeatable)")
	List<String> kinds = new java.util.ArrayList<>();

	@Override
	public Integer call() {
		if (!List.of("text", "json", "junit", "sarif").contains(format)) {
			throw new BadInput("unknown format '" + format + "' (text, json, junit or sarif)");
		}
		if (depth < 0 || depth > Limits.MAX_DEPTH || timeout <= 0) {
			throw new BadInput("--depth must be from 0 to " + Limits.format(Limits.MAX_DEPTH)
					+ ", --timeout at least 1");
		}
		CheckCommand.importPolicy(null, false);
		ProcedureFrontEnd found = ProcedureFrontEnd.find();
		if (!before.toString().endsWith("." + found.fileExtension()) && !after.toString().endsWith("." + found
				.fileExtension())) {
			return crDiff();
		}
		CheckRunner.Settings settings = new CheckRunner.Settings(CheckRunner.EngineChoice.AUTO, depth,
				Duration.ofSeconds(timeout), null,
				Map.of());
		ProcedureFrontEnd frontEnd = ProcedureFrontEnd.find();
		java.util.Set<dev.shall.checker.lowering.Obligation.Kind> kindSet = new java.util.HashSet<>();
		for (String kind : kinds) {
			try {
				kindSet.add(CheckRunner.Selection.kind(kind));
			} catch (IllegalArgumentException e) {
				throw new BadInput(e.getMessage());
			}
		}
		// the same questions of both revisions (a name missing from one of them is an error there)
		CheckRunner.Selection selection = new CheckRunner.Selection(new java.util.HashSet<>(properties),
				new java.util.HashSet<>(steps), kindSet);
		RunReport old = new CheckRunner(null, null, selection).run(List.of(before), settings, frontEnd,
				CheckRunner.Listener.NONE);
		RunReport now = new CheckRunner(null, null, selection).run(List.of(after), settings, frontEnd,
				CheckRunner.Listener.NONE);
		if (old.hasErrors() || now.hasErrors()) {
			PrintWriter err = spec.commandLine().getErr();
			old.diagnostics().forEach(d -> err.println(Escaping.visible(d.toString())));
			now.diagnostics().forEach(d -> err.println(Escaping.visible(d.toString())));
			err.flush();
			return 3;
		}
		List<RevisionDiff.Entry> entries = new RevisionDiff().compare(old, now);
		PrintWriter out = spec.commandLine().getOut();
		DiffReport report = new DiffReport(before.toString(), after.toString(), now, entries);
		dev.shall.model.Procedure oldModel = procedure(frontEnd, before);
		dev.shall.model.Procedure newModel = procedure(frontEnd, after);
		Path oldText = oldModel == null ? oldCr : dev.shall.checker.cr.Coverage.crPath(oldModel, before, oldCr);
		Path newText = newModel == null ? newCr : dev.shall.checker.cr.Coverage.crPath(newModel, after, newCr);
		if (oldText != null && newText != null) {
			try {
				report.withStatements(dev.shall.checker.cr.CrDiff.of(dev.shall.checker.cr.StatementInventory.of(oldText),
						dev.shall.checker.cr.StatementInventory.of(newText)).withVerdicts(oldModel, newModel, entries));
			} catch (dev.shall.checker.cr.CrInputException e) {
				spec.commandLine().getErr().println("shall: " + Escaping.visible(e.getMessage()));
				spec.commandLine().getErr().flush();
				return 3;
			}
		}
		report.write(format, out);
		out.flush();
		return exitCode(entries);
	}

	private static dev.shall.model.Procedure procedure(ProcedureFrontEnd frontEnd, Path file) {
		return frontEnd.load(List.of(file)).stream().flatMap(l -> l.procedure().stream()).findFirst().orElse(null);
	}

	/** OLD and NEW are CRs: their statements that differ, text or JSON; exit 0, or 3 for a CR that cannot be read. */
	private int crDiff() {
		PrintWriter out = spec.commandLine().getOut();
		dev.shall.checker.cr.CrDiff diff;
		try {
			diff = dev.shall.checker.cr.CrDiff.of(dev.shall.checker.cr.StatementInventory.of(before),
					dev.shall.checker.cr.StatementInventory.of(after));
		} catch (dev.shall.checker.cr.CrInputException e) {
			spec.commandLine().getErr().println("shall: " + Escaping.visible(e.getMessage()));
			spec.commandLine().getErr().flush();
			return 3;
		}
		if (format.equals("json")) {
			out.println(Escaping.json(new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
					.toJson(diff.toJson())));
		} else if (format.equals("text")) {
			diff.writeText(out);
		} else {
			spec.commandLine().getErr().println("shall: two CRs are compared as text or json, not " + format);
			return 3;
		}
		out.flush();
		return 0;
	}

	/** 1 when a verdict broke; else 2 when a verdict present in both revisions is unknown in either; else 0. */
	static int exitCode(List<RevisionDiff.Entry> entries) {
		if (entries.stream().anyMatch(e -> e.change() == RevisionDiff.Change.BROKEN)) {
			return 1;
		}
		boolean unknown = entries.stream().anyMatch(e -> e.before() != null && e.after() != null
				&& (e.before() == Verdict.UNKNOWN || e.after() == Verdict.UNKNOWN));
		return unknown ? 2 : 0;
	}
}
