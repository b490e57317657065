package dev.shall.checker.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.shall.checker.encoding.DimacsExport;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Engine;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.Pdr;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.sat.CadicalSolver;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.checker.sat.SatBackend;
import dev.shall.checker.sat.SatSolver;

/**
 * {@code ./bench sat FILE QUESTION OPTIONS N DEPTHS [SECONDS]}: the same CNFs on every SAT solver
 * shall can use, side by side (issue 20). Two parts:
 * <ol>
 * <li><b>one-shot</b>: BMC's CNF at each depth K of DEPTHS (exactly what {@code shall export
 * --dimacs K} writes) solved from scratch by SAT4J in several of its configurations ({@code
 * SolverFactory}: Default, Glucose21, MiniLearningHeap, Light, …), by CaDiCaL through the
 * foreign-function API, and by the {@code cadical} program on the DIMACS file when it is installed
 * (process start and parsing included);</li>
 * <li><b>incremental</b>: the engines BMC, k-induction and IC3 on QUESTION with each backend
 * ({@code --sat}), certification left out, so that the time is the engine's own.</li>
 * </ol>
 * QUESTION is a property's name or {@code bounds}; OPTIONS as for the other modes ({@code
 * "opt=value,…"}); N the instances. Each cell is seconds (answer); a solver that passes SECONDS
 * (default 60) is "—". Rows also go to the CSV/JSON of {@link BenchRecords}.
 */
final class SatBackends {

	/** SAT4J's configurations tried ({@code SolverFactory.new<Name>}). */
	static final List<String> SAT4J_CONFIGURATIONS = List.of("Default", "Glucose21", "MiniLearningHeap", "Light",
			"MiniSATHeap");

	private SatBackends() {
	}

	static void run(String[] args) throws IOException {
		if (args.length < 6) {
			System.err.println("usage: Bench sat FILE QUESTION OPTIONS N DEPTHS [SECONDS]");
			System.exit(3);
		}
		Path file = Path.of(args[1]);
		int instances = Integer.parseInt(args[4]);
		int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 60;
		var loaded = dev.shall.model.frontend.ProcedureFrontEnd.find().load(List.of(file)).get(0);
		var procedure = loaded.procedure().orElseThrow(() -> new IllegalArgumentException(loaded.diagnostics()
				.toString()));
		Obligation obligation = args[2].equals("bounds") ? Obligation.bounds() : Obligation.of(procedure
				.getProperties().stream().filter(p -> p.getName().equals(args[2])).findFirst().orElseThrow(
						() -> new IllegalArgumentException("no property " + args[2])));
		OptionAssignment options = Bench.select(procedure, args[3]);
		Layout layout = new Layout(procedure);
		BenchRecords records = new BenchRecords("sat", List.of(args));
		System.out.printf("%s / %s / %s / N = %d%nnative: %s%n", procedure.getName(), obligation.name(), options,
				instances, CadicalSolver.describe());
		boolean program = cadicalProgram() != null;

		System.out.println("\none-shot: BMC's CNF at depth K, solved from scratch (seconds, answer)");
		List<String> solvers = new ArrayList<>();
		SAT4J_CONFIGURATIONS.forEach(c -> solvers.add("sat4j:" + c));
		if (CadicalSolver.available()) {
			solvers.add("cadical-ffm");
		}
		if (program) {
			solvers.add("cadical-process");
		}
		StringBuilder header = new StringBuilder(String.format("%4s %9s %9s", "K", "variables", "clauses"));
		solvers.forEach(s -> header.append(String.format(" %22s", s)));
		System.out.println(header);
		for (String depthText : args[5].split(",")) {
			int depth = Integer.parseInt(depthText);
			StringWriter text = new StringWriter();
			DimacsExport.Summary summary = DimacsExport.write(circuit -> new TransitionEncoding(layout, options,
					instances, obligation, circuit), depth, new PrintWriter(text));
			List<int[]> clauses = parse(text.toString());
			StringBuilder line = new StringBuilder(String.format("%4d %9d %9d", depth, summary.variables(), summary
					.clauses()));
			for (String solver : solvers) {
				Cell cell = solver.equals("cadical-process") ? process(text.toString(), seconds)
						: inProcess(solver, summary.variables(), clauses, seconds);
				line.append(String.format(" %22s", cell));
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("part", "one-shot");
				row.put("file", file.toString());
				row.put("question", obligation.name());
				row.put("options", args[3]);
				row.put("instances", instances);
				row.put("depth", depth);
				row.put("variables", summary.variables());
				row.put("clauses", summary.clauses());
				row.put("solver", solver);
				row.put("answer", cell.answer);
				row.put("seconds", cell.seconds);
				row.put("conflicts", cell.conflicts);
				records.add(row);
			}
			System.out.println(line);
			System.out.flush();
		}

		System.out.println("\nincremental: the engines with each backend, certification left out (seconds, verdict, k)");
		List<SatBackend> backends = CadicalSolver.available() ? List.of(SatBackend.SAT4J, SatBackend.CADICAL)
				: List.of(SatBackend.SAT4J);
		StringBuilder engineHeader = new StringBuilder(String.format("%-6s", "engine"));
		backends.forEach(b -> engineHeader.append(String.format(" %26s", b.name().toLowerCase())));
		System.out.println(engineHeader);
		String before = System.getProperty(SatBackend.PROPERTY);
		try {
			for (String name : List.of("bmc", "kind", "ic3")) {
				StringBuilder line = new StringBuilder(String.format("%-6s", name));
				for (SatBackend backend : backends) {
					System.setProperty(SatBackend.PROPERTY, backend.name().toLowerCase());
					Engine engine = switch (name) {
					case "bmc" -> new Bmc();
					case "kind" -> new KInduction();
					default -> new Pdr();
					};
					long started = System.nanoTime();
					CheckResult result = engine.check(new CheckRequest(layout, options, instances, obligation), Budget
							.of(100, Duration.ofSeconds(seconds)), ProgressListener.NONE);
					double elapsed = (System.nanoTime() - started) / 1e9;
					line.append(String.format(" %26s", String.format("%.2f %s k=%d", elapsed, result.verdict().label(),
							result.bound())));
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("part", "incremental");
					row.put("file", file.toString());
					row.put("question", obligation.name());
					row.put("options", args[3]);
					row.put("instances", instances);
					row.put("engine", name);
					row.put("solver", backend.name().toLowerCase());
					row.put("verdict", result.verdict().label());
					row.put("k", result.bound());
					row.put("conflicts", result.statistics().conflicts());
					row.put("seconds", elapsed);
					records.add(row);
				}
				System.out.println(line);
				System.out.flush();
			}
		} finally {
			if (before == null) {
				System.clearProperty(SatBackend.PROPERTY);
			} else {
				System.setProperty(SatBackend.PROPERTY, before);
			}
		}
		records.write();
	}

	/** One solver's answer on one CNF. */
	record Cell(String answer, double seconds, long conflicts) {
		@Override
		public String toString() {
			return answer.equals("unknown") ? "—" : String.format("%.2f %s", seconds, answer);
		}
	}

	private static Cell inProcess(String solver, int variables, List<int[]> clauses, int seconds) {
		long started = System.nanoTime();
		try (SatSolver sat = solver.equals("cadical-ffm") ? new CadicalSolver()
				: new Sat4jSolver(solver.substring("sat4j:".length()))) {
			for (int v = 0; v < variables; v++) {
				sat.newVariable();
			}
			clauses.forEach(sat::addClause);
			sat.setDeadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
			SatAnswer answer = sat.solve();
			return new Cell(answer.name().toLowerCase(), (System.nanoTime() - started) / 1e9, sat.conflicts());
		}
	}

	private static String cadicalProgram() {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(folder, "cadical");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

	/** The {@code cadical} program on the DIMACS text: the route for a one-shot question without the library. */
	private static Cell process(String dimacs, int seconds) throws IOException {
		Path cnf = Files.createTempFile("shall-bench", ".cnf");
		try {
			Files.writeString(cnf, dimacs);
			long started = System.nanoTime();
			Process process = new ProcessBuilder(cadicalProgram(), "-q", "-n", "-t", Integer.toString(seconds), cnf
					.toString()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			try {
				process.waitFor();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			double elapsed = (System.nanoTime() - started) / 1e9;
			String answer = output.contains("s SATISFIABLE") ? "sat" : output.contains("s UNSATISFIABLE") ? "unsat"
					: "unknown";
			return new Cell(answer, elapsed, -1);
		} finally {
			Files.deleteIfExists(cnf);
		}
	}

	private static List<int[]> parse(String dimacs) {
		List<int[]> clauses = new ArrayList<>();
		for (String line : dimacs.split("\n")) {
			if (line.isEmpty() || line.startsWith("c") || line.startsWith("p")) {
				continue;
			}
			String[] words = line.trim().split("\\s+");
			int[] clause = new int[words.length - 1]; // the closing 0 left out
			for (int i = 0; i < clause.length; i++) {
				clause[i] = Integer.parseInt(words[i]);
			}
			clauses.add(clause);
		}
		return clauses;
	}
}
