package dev.shall.checker.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.cr.Coverage;
import dev.shall.checker.cr.CrInputException;
import dev.shall.checker.cr.StatementInventory;
import dev.shall.checker.text.Escaping;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.SourceDiagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shall coverage MODEL... [--cr FILE]}: for each procedure, which statements of its CR (its
 * {@code cr} line, or FILE) it covers, declares out of scope or leaves uncovered, and the figure
 * (ADR 0016). No question is checked. Exit codes: 0 reported, 1 a figure below
 * {@code --fail-under}, 3 bad input (a model with errors, a CR that cannot be read, a procedure
 * without a CR).
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
		description = "Reports which statements of the CR each procedure covers (covers), declares out of scope, or "
				+ "leaves uncovered, with a figure per procedure, and for procedures measured against the same CR (a "
				+ "seed checked in several files) their figure together. Exit codes: 0 reported, 1 a figure below "
				+ "--fail-under, 3 bad input.")
public final class CoverageCommand implements Callable<Integer> {

	@Parameters(paramLabel = "MODEL", arity = "1..*", description = ".shall files or folders of them")
	List<Path> models;

	@Option(names = "--cr", paramLabel = "FILE", description = "the CR to measure against, instead of each "
			+ "procedure's cr line")
	Path cr;

	@Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
	String format;

	@Option(names = "--fail-under", paramLabel = "PERCENT", description = "exit 1 when a procedure covers less than "
			+ "PERCENT of its statements in scope; procedures measured against the same CR are judged together")
	Integer failUnder;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws java.io.IOException {
		PrintWriter err = spec.commandLine().getErr();
		PrintWriter out = spec.commandLine().getOut();
		if (!format.equals("text") && !format.equals("json")) {
			err.println("shall: unknown format '" + Escaping.visible(format) + "' (text or json)");
			return 3;
		}
		CheckCommand.importPolicy(null, false);
		ProcedureFrontEnd frontEnd = ProcedureFrontEnd.find();
		List<Path> files = new ArrayList<>();
		for (Path model : models) {
			if (Files.isDirectory(model)) {
				try (var walk = Files.walk(model)) {
					walk.filter(p -> p.toString().endsWith("." + frontEnd.fileExtension())).sorted().forEach(files::add);
				}
			} else {
				files.add(model);
			}
		}
		List<Coverage> coverages = new ArrayList<>();
		boolean bad = false;
		for (LoadedFile loaded : frontEnd.load(files)) {
			for (SourceDiagnostic d : loaded.diagnostics()) {
				if (d.severity() == SourceDiagnostic.Severity.ERROR) {
					err.println(Escaping.visible(d.toString()));
					bad = true;
				}
			}
			if (loaded.procedure().isEmpty()) {
				continue;
			}
			var procedure = loaded.procedure().get();
			Path crFile = Coverage.crPath(procedure, loaded.file(), cr);
			if (crFile == null) {
				if (models.size() == 1 && files.size() == 1) {
					err.println(Escaping.visible("shall: " + loaded.file() + ": procedure " + procedure.getName()
							+ " names no CR: add cr \"path\" to it or give --cr FILE"));
					bad = true;
				}
				continue;
			}
			try {
				// named as the user named it: relative to the working directory when it lies inside
				Path here = Path.of("").toAbsolutePath();
				Path shown = loaded.file().isAbsolute() && loaded.file().startsWith(here) ? here.relativize(loaded.file())
						: loaded.file();
				coverages.add(Coverage.of(procedure, shown.toString(), StatementInventory.of(crFile)));
			} catch (CrInputException e) {
				err.println("shall: " + Escaping.visible(e.getMessage()));
				bad = true;
			}
		}
		err.flush();
		if (bad) {
			return 3;
		}
		// procedures measured against one CR are also reported together: a seed checked in several
		// files covers a statement when one of its files does
		java.util.Map<String, List<Coverage>> byCr = new java.util.LinkedHashMap<>();
		coverages.forEach(c -> byCr.computeIfAbsent(c.inventory().file(), k -> new ArrayList<>()).add(c));
		List<Coverage> together = byCr.values().stream().filter(list -> list.size() > 1).map(Coverage::together).toList();
		if (format.equals("json")) {
			JsonArray array = new JsonArray();
			coverages.forEach(c -> array.add(c.toJson()));
			JsonObject root = new JsonObject();
			root.add("procedures", array);
			if (!together.isEmpty()) {
				JsonArray joint = new JsonArray();
				for (Coverage c : together) {
					JsonObject o = c.toJson();
					o.remove("diagnostics"); // each one is in its procedure's entry already
					joint.add(o);
				}
				root.add("together", joint);
			}
			out.println(Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)));
		} else {
			for (Coverage coverage : coverages) {
				coverage.writeText(out);
				out.println();
			}
			for (Coverage joint : together) {
				out.println(Escaping.visible(joint.procedure() + "  (" + joint.modelFile() + ")  against " + joint.inventory()
						.file()));
				out.println(Escaping.visible("  " + joint.summary()));
				for (Coverage.Entry entry : joint.entries()) {
					if (entry.state() != Coverage.State.COVERED && entry.statement().kind().warnsUncovered()) {
						out.println(Escaping.visible(String.format("  %-12s %s", entry.statement().id(), entry.state()
								== Coverage.State.OUT_OF_SCOPE ? "out of scope in every file: " + entry.reason()
										: "UNCOVERED in every file")));
					}
				}
				out.println();
			}
		}
		out.flush();
		List<Coverage> judged = byCr.values().stream().map(list -> list.size() == 1 ? list.get(0) : Coverage.together(
				list)).toList();
		if (failUnder != null && judged.stream().anyMatch(c -> c.figure() * 100 < failUnder)) {
			return 1;
		}
		return 0;
	}
}
