package dev.shall.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.shall.checker.encoding.AigerExport;
import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.DimacsExport;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.model.MessageType;
import dev.shall.model.Procedure;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.SourceDiagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shall export}: one safety question of one procedure, under one combination of options,
 * for other solvers (issue 20): {@code --aiger FILE}, the AIGER 1.9 model of the hardware
 * model-checking competition ({@link AigerExport}), and {@code --dimacs K FILE}, BMC's question at
 * depth K as CNF ({@link DimacsExport}). The question is named as for {@code shall check}:
 * {@code --property}, {@code --step} or {@code --kind bounds}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = "Writes one safety question for other solvers: --aiger FILE (AIGER 1.9 ASCII, one bad-state "
				+ "property; ABC, nuXmv, HWMCC engines) and/or --dimacs K FILE (BMC to depth K as DIMACS CNF: "
				+ "satisfiable exactly when a violation lies within K steps). Exit codes: 0 written, 3 bad input or "
				+ "usage, 4 internal failure.")
public final class ExportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "the .shall file")
	Path file;

	@Option(names = "--aiger", paramLabel = "OUT", description = "write the AIGER model to OUT: binary (aig) when OUT "
			+ "ends in .aig, as ABC reads it, else ASCII (aag)")
	Path aiger;

	@Option(names = "--dimacs", arity = "2", paramLabel = "K OUT", description = "write BMC to depth K as DIMACS to OUT")
	List<String> dimacs;

	@Option(names = "--property", paramLabel = "NAME", description = "the property asked")
	String property;

	@Option(names = "--step", paramLabel = "NAME", description = "ask whether this step or event can happen")
	String step;

	@Option(names = "--kind", paramLabel = "KIND", description = "bounds, or unhandled with --message")
	String kind;

	@Option(names = "--option", description = "fix an option, NAME=VALUE (every option must be fixed)")
	Map<String, String> options = new LinkedHashMap<>();

	@Option(names = "--instances", description = "concurrent sessions, instead of the procedure's own number")
	Integer instances;

	@Override
	public Integer call() throws IOException {
		if (aiger == null && dimacs == null) {
			throw new BadInput("shall export: nothing to write (--aiger FILE, --dimacs K FILE)");
		}
		int depth = -1;
		if (dimacs != null) {
			try {
				depth = Integer.parseInt(dimacs.get(0));
			} catch (NumberFormatException e) {
				throw new BadInput("--dimacs K FILE: K '" + dimacs.get(0) + "' is not a whole number");
			}
			if (depth < 0 || depth > 10_000) {
				throw new BadInput("--dimacs K FILE: K from 0 to 10,000");
			}
		}
		CheckCommand.importPolicy(null, false);
		LoadedFile loaded = ProcedureFrontEnd.find().load(List.of(file)).get(0);
		if (loaded.hasErrors() || loaded.procedure().isEmpty()) {
			for (SourceDiagnostic d : loaded.diagnostics()) {
				if (d.severity() == SourceDiagnostic.Severity.ERROR) {
					System.err.println(d.file() + ":" + d.line() + ":" + d.column() + ": error: " + d.message());
				}
			}
			throw new BadInput(file + ": no procedure to export");
		}
		Procedure procedure = loaded.procedure().get();
		Layout layout = new Layout(procedure);
		OptionAssignment combination = combination(procedure);
		Obligation obligation = question(procedure, layout);
		if (!TransitionEncoding.supports(obligation)) {
			throw new BadInput(obligation.name() + " is a response property: only safety questions are exported");
		}
		int count = instances != null ? instances : procedure.getInstances();
		if (count < 1) {
			throw new BadInput("--instances is at least 1");
		}
		if (aiger != null) {
			writer(aiger).close(); // refuses a path that cannot be written, before the encoding is built
			try (Sat4jSolver solver = new Sat4jSolver()) {
				TransitionEncoding encoding = new TransitionEncoding(layout, combination, count, obligation, new Circuit(
						solver));
				AigerExport.Summary summary;
				if (aiger.toString().endsWith(".aig")) {
					// binary AIGER, which ABC's read_aiger needs
					try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(aiger))) {
						summary = AigerExport.writeBinary(encoding, out);
					}
				} else {
					try (PrintWriter out = writer(aiger)) {
						summary = AigerExport.write(encoding, out);
					}
				}
				System.err.println("shall: " + aiger + ": " + summary.inputs() + " inputs, " + summary.latches()
						+ " latches, " + summary.ands() + " and-gates, 1 bad-state property (" + obligation.name() + ")");
			}
		}
		if (dimacs != null) {
			Path out = Path.of(dimacs.get(1));
			try (PrintWriter writer = writer(out)) {
				DimacsExport.Summary summary = DimacsExport.write(circuit -> new TransitionEncoding(layout, combination,
						count, obligation, circuit), depth, writer);
				System.err.println("shall: " + out + ": " + summary.variables() + " variables, " + summary.clauses()
						+ " clauses (BMC of " + obligation.name() + " to depth " + depth + ")");
			}
		}
		return 0;
	}

	private static PrintWriter writer(Path path) throws IOException {
		Path folder = path.toAbsolutePath().getParent();
		if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(path)) {
			throw new BadInput("cannot write " + path);
		}
		return new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
	}

	/** The one combination of option values the command line fixes. */
	private OptionAssignment combination(Procedure procedure) {
		List<OptionAssignment> kept = new ArrayList<>();
		for (OptionAssignment combination : OptionAssignment.all(procedure)) {
			Map<String, String> names = combination.byName();
			if (options.entrySet().stream().allMatch(e -> e.getValue().equals(names.get(e.getKey())))) {
				kept.add(combination);
			}
		}
		if (kept.size() != 1) {
			throw new BadInput("fix every option with --option NAME=VALUE: " + kept.size() + " combinations match "
					+ options + " (options: " + procedure.getOptions().stream().map(o -> o.getName() + " {" + String
							.join(", ", o.getValues().stream().map(v -> v.getName()).toList()) + "}").toList() + ")");
		}
		return kept.get(0);
	}

	/** The one question named. */
	private Obligation question(Procedure procedure, Layout layout) {
		Set<String> properties = property == null ? Set.of() : Set.of(property);
		Set<String> steps = step == null ? Set.of() : Set.of(step);
		Set<Obligation.Kind> kinds = new HashSet<>();
		if (kind != null) {
			try {
				kinds.add(CheckRunner.Selection.kind(kind));
			} catch (IllegalArgumentException e) {
				throw new BadInput(e.getMessage());
			}
		}
		List<Obligation> all = new ArrayList<>();
		procedure.getProperties().forEach(p -> all.add(Obligation.of(p)));
		all.add(Obligation.bounds());
		procedure.getTransitions().stream().filter(Obligation::asksReachability).forEach(t -> all.add(Obligation.reach(
				t)));
		for (Lane lane : layout.lanes()) {
			for (MessageType message : lane.messages()) {
				all.add(Obligation.unhandled(message, lane.channel(), lane.receiver()));
			}
		}
		List<Obligation> chosen = all.stream().filter(o -> switch (o.kind()) {
		case PROPERTY -> properties.contains(o.property().getName()) || kinds.contains(o.kind());
		case REACHABILITY -> steps.contains(o.transition().getName()) || kinds.contains(o.kind());
		default -> kinds.contains(o.kind());
		}).toList();
		if (chosen.size() != 1) {
			throw new BadInput("name one question (--property NAME, --step NAME or --kind bounds): " + (chosen.isEmpty()
					? "none matches; properties: " + procedure.getProperties().stream().map(p -> p.getName()).toList()
							+ ", steps: " + procedure.getTransitions().stream().map(t -> t.getName()).toList()
					: chosen.size() + " match"));
		}
		return chosen.get(0);
	}
}
