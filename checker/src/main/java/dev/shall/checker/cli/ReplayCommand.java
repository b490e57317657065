package dev.shall.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.shall.checker.executor.Replay;
import dev.shall.checker.executor.ReplayText;
import dev.shall.checker.trace.BadTrace;
import dev.shall.checker.trace.TraceEntry;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.model.Procedure;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.ProjectFolder;
import dev.shall.model.frontend.SourceDiagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shall replay TRACE.json}: a counterexample with real keys, MACs and keystreams. Exit codes:
 * 0 every concrete run confirms the checker, 1 a concrete run contradicts it (an error of the
 * checker), 3 bad input (a fault of the trace, named at its line and column; the model; an option),
 * 4 internal failure.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
		description = "Replays counterexample traces (from 'shall check --format json', or written by hand) with real "
				+ "cryptography. Exit codes: 0 the concrete runs confirm the checker, 1 a concrete run contradicts it "
				+ "(an error of the checker), 3 bad input (the trace, the model or an option), 4 internal failure.")
public final class ReplayCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "TRACE", description = "a trace (trace format version " + TraceFormat.VERSION
			+ ", docs/trace-format.md), or the JSON report of shall check")
	Path traceFile;

	@Option(names = "--property", description = "replay only this property's trace")
	String property;

	@Option(names = "--model", description = "the .shall file, instead of the one the trace names")
	Path model;

	@Option(names = "--root", paramLabel = "DIR",
			description = "the project folder the model a trace names must lie in (default: the Git working tree of "
					+ "the trace, else its folder)")
	Path root;

	@Option(names = "--seed", defaultValue = "1", description = "seed for key atoms not bound (default: ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--bind", paramLabel = "KEY.ATOM=HEX", description = "the bytes of a key atom, e.g. KASME.new=00..1f")
	Map<String, String> bindings = new LinkedHashMap<>();

	@Option(names = "--eia", defaultValue = "2", description = "128-EIA1, 2 or 3 for MACs (default: ${DEFAULT-VALUE})")
	int integrity;

	@Option(names = "--eea", defaultValue = "2", description = "128-EEA1, 2 or 3 for ciphering (default: ${DEFAULT-VALUE})")
	int ciphering;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		if (integrity < 1 || integrity > 3 || ciphering < 1 || ciphering > 3) {
			throw new BadInput("--eia and --eea take 1, 2 or 3");
		}
		if (root != null && !Files.isDirectory(root)) {
			throw new BadInput("--root " + root + ": not a folder");
		}
		Map<String, byte[]> bound = new LinkedHashMap<>();
		bindings.forEach((name, hex) -> bound.put(name, CryptoCommand.hex("--bind " + name, hex)));
		List<TraceEntry> entries;
		try {
			entries = new ArrayList<>(TraceFormat.read(traceFile));
		} catch (IllegalArgumentException e) {
			throw new BadInput(e.getMessage());
		}
		if (property != null) {
			entries.removeIf(entry -> !property.equals(entry.property()));
		}
		if (entries.isEmpty()) {
			throw new BadInput(traceFile + ": no violated property with a trace" + (property == null ? "" : " for "
					+ property));
		}
		Path project = ProjectFolder.of(traceFile, root, traceFile.toAbsolutePath().getParent());
		// the model's imports stay in the project too, as for shall check
		CheckCommand.importPolicy(root, false);
		boolean contradicted = false;
		for (TraceEntry entry : entries) {
			try {
				Procedure procedure = load(model != null ? model : entry.modelFile(project));
				Replay.Report report = Replay.run(procedure, entry, new Replay.Settings(seed, bound, integrity,
						ciphering));
				ReplayText.write(report, out);
				out.println();
				contradicted |= !report.contradictions().isEmpty();
			} catch (BadTrace e) {
				throw new BadInput(e.getMessage());
			} catch (IllegalArgumentException e) {
				// a --bind of no atom, or a model beyond the checker's limits
				throw new BadInput(e.getMessage());
			}
		}
		out.flush();
		return contradicted ? 1 : 0;
	}

	private static Procedure load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new BadInput(file + ": " + (Files.isDirectory(file) ? "a folder, not a .shall file"
					: Files.exists(file) ? "not a regular file" : "no such file"));
		}
		LoadedFile loaded = ProcedureFrontEnd.find().load(List.of(file)).get(0);
		for (SourceDiagnostic d : loaded.diagnostics()) {
			if (d.severity() == SourceDiagnostic.Severity.ERROR) {
				throw new BadInput(d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message());
			}
		}
		return loaded.procedure().orElseThrow(() -> new BadInput(file + ": holds no procedure"));
	}
}
