package dev.shall.checker.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Engine;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * Benchmark harness (figures, not tests): scales the number of instances of a procedure and
 * sweeps BMC depths, printing variables, clauses, conflicts and seconds.
 *
 * <pre>
 * Bench FILE PROPERTY "opt=value,…" (scale N1,N2,… ENGINE | sweep N DEPTH)
 * Bench editor FOLDER ROUNDS
 * Bench frontend [N1,N2,…]
 * Bench sat FILE QUESTION OPTIONS N DEPTHS [SECONDS]   (SAT backends side by side: {@link SatBackends})
 * </pre>
 */
public final class Bench {

	public static void main(String[] args) throws java.io.IOException {
		if (args.length >= 1 && args[0].equals("frontend")) {
			FrontEndScaling.run(args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).map(Integer::valueOf)
					.toList() : List.of(1_000, 5_000, 20_000));
			return;
		}
		if (args.length == 3 && args[0].equals("editor")) {
			EditorLatency.run(Path.of(args[1]), Integer.parseInt(args[2]));
			return;
		}
		if (args.length >= 1 && args[0].equals("sat")) {
			SatBackends.run(args);
			return;
		}
		if (args.length >= 2 && args[0].equals("questions")) {
			questions(args);
			return;
		}
		if (args.length < 5) {
			System.err.println("usage: Bench FILE PROPERTY OPTIONS (scale N1,N2,... bmc|kind|ic3|bfs|bfs-full|auto [SECONDS] | sweep N DEPTH)"
					+ " | Bench questions FILE [ENGINE [TIMEOUT]] | Bench editor FOLDER ROUNDS | Bench frontend [N1,N2,...]");
			System.exit(3);
		}
		LoadedFile loaded = ProcedureFrontEnd.find().load(List.of(Path.of(args[0]))).get(0);
		Procedure procedure = loaded.procedure().orElseThrow(() -> new IllegalArgumentException(loaded.diagnostics()
				.toString()));
		Property property = procedure.getProperties().stream().filter(p -> p.getName().equals(args[1])).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no property " + args[1]));
		OptionAssignment options = select(procedure, args[2]);
		Layout layout = new Layout(procedure);
		Obligation obligation = Obligation.of(property);
		System.out.printf("%s / %s / %s%n", procedure.getName(), property.getName(), options);
		BenchRecords records = new BenchRecords(args[3], List.of(args));
		if (args[3].equals("scale")) {
			Engine engine = switch (args[5]) {
			case "bmc" -> new Bmc();
			case "ic3" -> new dev.shall.checker.engine.Pdr();
			// breadth-first search of the quotient by session symmetry, and without it (ADR 0019)
			case "bfs" -> new dev.shall.checker.engine.ExplicitSearch(5_000_000, true);
			case "bfs-full" -> new dev.shall.checker.engine.ExplicitSearch(5_000_000, false);
			case "auto" -> new dev.shall.checker.engine.Portfolio(new dev.shall.checker.certify.Certifier());
			default -> new KInduction();
			};
			System.out.printf("%4s %-12s %-9s %4s %10s %10s %10s %9s%n", "N", "engine", "verdict", "k", "variables",
					"clauses", "conflicts", "seconds");
			for (String n : args[4].split(",")) {
				int instances = Integer.parseInt(n);
				long started = System.nanoTime();
				// certification included, as in a check: the figures before the certify stage included it
				CheckRequest request = new CheckRequest(layout, options, instances, obligation);
				// an optional seventh argument: the time limit in seconds (10 minutes when absent)
				Budget budget = Budget.of(100, Duration.ofSeconds(args.length > 6 ? Long.parseLong(args[6]) : 600));
				CheckResult result = new dev.shall.checker.certify.Certifier().certify(request, engine.check(request,
						budget, ProgressListener.NONE), budget);
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("%4d %-12s %-9s %4d %10d %10d %10d %9.2f  %s%n", instances, result.engine(), result
						.verdict().label(), result.bound(), result.statistics().variables(), result.statistics().clauses(),
						result.statistics().conflicts(), seconds, (result.certified() ? result.certificate().kind()
								: result.certificate().describe()) + (result.reason() == null ? "" : "; " + result.reason()));
				System.out.flush();
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("file", args[0]);
				row.put("question", property.getName());
				row.put("options", args[2]);
				row.put("instances", instances);
				row.put("engine", result.engine());
				row.put("verdict", result.verdict().label());
				row.put("k", result.bound());
				row.put("variables", result.statistics().variables());
				row.put("clauses", result.statistics().clauses());
				row.put("conflicts", result.statistics().conflicts());
				row.put("engineSeconds", result.statistics().seconds());
				row.put("seconds", seconds);
				row.put("certified", result.certified());
				row.put("certificate", result.certificate().kind());
				row.put("reason", result.reason());
				records.add(row);
			}
		} else {
			int instances = Integer.parseInt(args[4]);
			int depth = Integer.parseInt(args[5]);
			System.out.printf("BMC depth sweep, N = %d%n%6s %10s %10s %10s %9s%n", instances, "depth", "variables",
					"clauses", "conflicts", "seconds");
			ProgressListener listener = new ProgressListener() {
				@Override
				public void depthDone(String engine, int k) {
				}

				@Override
				public void depthStatistics(String engine, int k, CheckResult.Statistics s) {
					if (k % 10 == 0 || k < 10) {
						System.out.printf("%6d %10d %10d %10d %9.2f%n", k, s.variables(), s.clauses(), s.conflicts(),
								s.seconds());
						System.out.flush();
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("file", args[0]);
						row.put("question", property.getName());
						row.put("options", args[2]);
						row.put("instances", instances);
						row.put("engine", "bmc");
						row.put("depth", k);
						row.put("variables", s.variables());
						row.put("clauses", s.clauses());
						row.put("conflicts", s.conflicts());
						row.put("seconds", s.seconds());
						records.add(row);
					}
				}
			};
			CheckResult result = new Bmc().check(new CheckRequest(layout, options, instances, obligation), Budget.of(
					depth, Duration.ofMinutes(30)), listener);
			System.out.println("result: " + result.verdict().label() + " at " + result.bound() + " (" + result.reason()
					+ ")");
		}
		records.write();
	}

	/**
	 * {@code Bench questions FILE [ENGINE [TIMEOUT]]}: every question of the file, as {@code shall
	 * check} asks it (certification included), one row each: engine, verdict, certificate, seconds.
	 */
	private static void questions(String[] args) throws java.io.IOException {
		Path file = Path.of(args[1]);
		String engine = args.length > 2 ? args[2] : "auto";
		int timeout = args.length > 3 ? Integer.parseInt(args[3]) : 60;
		BenchRecords records = new BenchRecords("questions", List.of(args));
		LoadedFile loaded = ProcedureFrontEnd.find().load(List.of(file)).get(0);
		Procedure procedure = loaded.procedure().orElseThrow(() -> new IllegalArgumentException(loaded.diagnostics()
				.toString()));
		var findings = new dev.shall.checker.pipeline.CheckRunner().check(procedure, file,
				new dev.shall.checker.pipeline.CheckRunner.Settings(dev.shall.checker.pipeline.CheckRunner.EngineChoice
						.parse(engine), 100, Duration.ofSeconds(timeout), null, Map.of()),
				dev.shall.checker.pipeline.CheckRunner.Listener.NONE, new ArrayList<>());
		System.out.printf("%-45s %-22s %-18s %-9s %5s %-20s %8s%n", "question", "options", "engine", "verdict", "k",
				"certificate", "seconds");
		for (var finding : findings) {
			System.out.printf("%-45s %-22s %-18s %-9s %5d %-20s %8.2f%n", finding.property(), finding.options(), finding
					.engine(), finding.verdict().label(), finding.bound(), finding.certificate().kind(), finding
							.seconds());
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("file", file.toString());
			row.put("question", finding.property());
			row.put("kind", finding.kind().toString());
			row.put("options", finding.options().toString());
			row.put("requestedEngine", engine);
			row.put("engine", finding.engine());
			row.put("verdict", finding.verdict().label());
			row.put("k", finding.bound());
			row.put("certificate", finding.certificate().kind());
			row.put("seconds", finding.seconds());
			records.add(row);
		}
		records.write();
	}

	static OptionAssignment select(Procedure procedure, String text) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (String pair : text.split(",")) {
			if (pair.contains("=")) {
				wanted.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
		}
		List<OptionAssignment> matching = new ArrayList<>();
		for (OptionAssignment combination : OptionAssignment.all(procedure)) {
			if (combination.byName().entrySet().containsAll(wanted.entrySet())) {
				matching.add(combination);
			}
		}
		return matching.get(0);
	}
}
