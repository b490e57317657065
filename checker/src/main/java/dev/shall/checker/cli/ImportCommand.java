package dev.shall.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;

import dev.shall.checker.cr.CrInputException;
import dev.shall.checker.cr.Skeleton;
import dev.shall.checker.cr.StatementInventory;
import dev.shall.checker.text.Escaping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shall import CR [--out DIR]}: the CR's statement inventory (text on standard output) and,
 * in DIR, {@code NAME.inventory.json}, {@code NAME.inventory.txt} and the skeleton {@code NAME.shall}
 * (NAME the CR's file name without its extension). Exit codes: 0 written, 3 bad input (a missing or
 * unreadable CR, a .docx that is not one, a CR without clauses: one line {@code file:line:column:
 * message}, no stack trace).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Reads a CR (plain text with change markers, or .docx with tracked changes), lists its "
				+ "statements with stable ids, and writes the inventory and a skeleton .shall. Exit codes: 0 written, "
				+ "3 bad input.")
public final class ImportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "CR", description = "the CR: .txt (or any text) or .docx")
	Path cr;

	@Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
			description = "the folder for the inventory and the skeleton (default: the working directory)")
	Path out;

	@Option(names = "--format", defaultValue = "text", description = "the inventory on standard output: text or json")
	String format;

	@Option(names = "--name", description = "the procedure's name (default: made from the first clause's title)")
	String name;

	@Option(names = "--spec", description = "the specification the CR changes, e.g. \"TS 24.301\" (default: as the "
			+ "CR says, if it does)")
	String specification;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter err = spec.commandLine().getErr();
		if (!format.equals("text") && !format.equals("json")) {
			err.println("shall: unknown format '" + Escaping.visible(format) + "' (text or json)");
			return 3;
		}
		if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			err.println("shall: --name '" + Escaping.visible(name) + "' is not a name (letters, digits, _)");
			return 3;
		}
		if (Files.exists(out) && !Files.isDirectory(out)) {
			err.println("shall: --out " + Escaping.visible(out.toString()) + " is a file, not a folder");
			return 3;
		}
		StatementInventory inventory;
		try {
			inventory = StatementInventory.of(cr);
		} catch (CrInputException e) {
			err.println("shall: " + Escaping.visible(e.getMessage()));
			err.flush();
			return 3;
		}
		Files.createDirectories(out);
		String base = cr.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		Path json = out.resolve(base + ".inventory.json");
		Path text = out.resolve(base + ".inventory.txt");
		Path skeleton = out.resolve(base + ".shall");
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(json, StandardCharsets.UTF_8))) {
			inventory.writeJson(w);
		}
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(text, StandardCharsets.UTF_8))) {
			inventory.writeText(w);
		}
		Files.writeString(skeleton, Skeleton.write(inventory, Skeleton.relative(out, cr), name, specification),
				StandardCharsets.UTF_8);
		PrintWriter stdout = spec.commandLine().getOut();
		if (format.equals("json")) {
			stdout.println(Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
					.create().toJson(inventory.toJson())));
		} else {
			inventory.writeText(stdout);
		}
		stdout.flush();
		err.println(Escaping.visible("shall: wrote " + skeleton + ", " + json + " and " + text));
		err.flush();
		return 0;
	}
}
