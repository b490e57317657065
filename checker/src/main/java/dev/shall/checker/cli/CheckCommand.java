package dev.shall.checker.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.MemoryLimit;
import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.ChartNotes;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.HtmlReport;
import dev.shall.checker.report.JUnitReport;
import dev.shall.checker.report.JsonReport;
import dev.shall.checker.report.RunReport;
import dev.shall.checker.report.SarifReport;
import dev.shall.checker.report.TextReport;
import dev.shall.model.frontend.Limits;
import dev.shall.model.frontend.ProcedureFrontEnd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shall check PATH...}: every property, bound and step of the procedures found. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Checks .shall files (or folders of them). Exit codes: 0 every verdict as expected, "
				+ "1 some verdict differs from its expectation, 2 some verdict unknown, 3 bad input or usage.")
public final class CheckCommand implements Callable<Integer> {

	@Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders of .shall files")
	List<Path> paths;

	@Option(names = "--format", defaultValue = "text",
			description = "text, json, junit or sarif on standard output (default: ${DEFAULT-VALUE})")
	String format;

	@Option(names = "--out", paramLabel = "[FORMAT=]FILE",
			description = "write a report to a file instead of standard output; FORMAT=FILE (repeatable) writes "
					+ "several formats in one run, e.g. --out json=report.json --out junit=report.xml")
	List<String> outputs = new java.util.ArrayList<>();

	@Option(names = "--report", paramLabel = "DIR",
			description = "also write a self-contained HTML report with sequence charts to DIR/index.html")
	Path reportFolder;

	@Option(names = "--engine", defaultValue = "auto",
			description = "auto (BMC, k-induction, IC3/PDR and breadth-first search in parallel), bmc, kind or ic3 (default: ${DEFAULT-VALUE})")
	String engine;

	@Option(names = "--sat", paramLabel = "BACKEND", description = "the engines' SAT solver: sat4j (the default), "
			+ "cadical (CaDiCaL's C library through the JDK 22+ foreign-function API) or auto (cadical when it is "
			+ "available); certification always uses SAT4J (default: $SHALL_SAT, else sat4j)")
	String sat;

	@Option(names = "--depth", defaultValue = "40", description = "the deepest run explored (default: ${DEFAULT-VALUE})")
	int depth;

	@Option(names = "--timeout", defaultValue = "60", description = "seconds per question (default: ${DEFAULT-VALUE})")
	int timeout;

	@Option(names = "--total-timeout", paramLabel = "SECONDS", description = "seconds for the whole run, reading "
			+ "the files included; questions not reached in time are reported unknown (default: no limit)")
	Integer totalTimeout;

	@Option(names = "--max-memory", paramLabel = "SIZE", description = "heap the check may keep in use before a "
			+ "question stops as unknown: 512m, 4g, or a share of the JVM's heap such as 80%% (default: 85%%); "
			+ "the JVM's heap itself is set with JAVA_TOOL_OPTIONS=-Xmx…")
	String maxMemory;

	@Option(names = "--max-combinations", paramLabel = "N", description = "check procedures with up to N "
			+ "combinations of option values (default: 1,024; at most 65,536)")
	Integer maxCombinations;

	@Option(names = "--instances", description = "concurrent sessions, instead of the procedure's own number")
	Integer instances;

	@Option(names = "--option", description = "fix an option, NAME=VALUE, instead of checking every value")
	Map<String, String> options = new LinkedHashMap<>();

	@Option(names = "--root", paramLabel = "DIR",
			description = "the project folder imports must stay inside (default: the Git working tree of the "
					+ "checked file, else the working directory)")
	Path root;

	@Option(names = "--imports-anywhere", description = "allow imports from outside the project folder")
	boolean importsAnywhere;

	@Option(names = { "-q", "--quiet" }, description = "no progress on stderr (errors are still written there)")
	boolean quiet;

	@Option(names = "--cr", paramLabel = "FILE", description = "check every procedure against this CR (its statements "
			+ "no element covers are warnings, ADR 0016) instead of the CR its cr line names")
	Path cr;

	@Option(names = "--shard", paramLabel = "K/N", description = "check only shard K of N (1 <= K <= N <= 1000): "
			+ "question i of the run, in its order, is shard (i mod N) + 1's; reports cover the shard's questions "
			+ "and shall merge combines them")
	String shard;

	@Option(names = "--cache", paramLabel = "DIR", description = "reuse the results of earlier runs kept in DIR "
			+ "when nothing they depend on changed (the model, its imports, the options and settings, the tool), and "
			+ "keep this run's there; cached verdicts are reported as such (default: no cache)")
	Path cacheFolder;

	@Option(names = "--changed-since", paramLabel = "REV", description = "check only the files Git reports changed "
			+ "since REV (committed, staged, modified or new), and the files that import them")
	String changedSince;

	@Option(names = "--property", paramLabel = "NAME", description = "ask only this property (repeatable; with "
			+ "--step and --kind, the questions named are asked together)")
	List<String> properties = new ArrayList<>();

	@Option(names = "--step", paramLabel = "NAME", description = "ask only whether this step or event can happen "
			+ "(repeatable)")
	List<String> steps = new ArrayList<>();

	@Option(names = "--kind", paramLabel = "KIND", description = "ask only questions of this kind: property, bounds, "
			+ "dead-step or unhandled (repeatable)")
	List<String> kinds = new ArrayList<>();

	@Option(names = "--invariant-out", paramLabel = "FILE", description = "write the inductive invariants of the "
			+ "proofs found by IC3/PDR (clauses over named state bits) to FILE")
	Path invariantOut;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		Map<String, Path> files = new LinkedHashMap<>();
		for (String output : outputs) {
			int equals = output.indexOf('=');
			files.put(equals < 0 ? format : output.substring(0, equals), Path.of(equals < 0 ? output : output
					.substring(equals + 1)));
		}
		for (String name : files.isEmpty() ? List.of(format) : List.copyOf(files.keySet())) {
			if (!FORMATS.contains(name)) {
				System.err.println("shall: unknown format '" + name + "' (text, json, junit or sarif)");
				return 3;
			}
		}
		CheckRunner.Shard part = null;
		if (shard != null) {
			try {
				part = CheckRunner.Shard.parse(shard);
			} catch (IllegalArgumentException e) {
				System.err.println("shall: " + e.getMessage());
				return 3;
			}
		}
		java.util.Set<dev.shall.checker.lowering.Obligation.Kind> kindSet = new java.util.HashSet<>();
		for (String kind : kinds) {
			try {
				kindSet.add(CheckRunner.Selection.kind(kind));
			} catch (IllegalArgumentException e) {
				System.err.println("shall: " + e.getMessage());
				return 3;
			}
		}
		CheckRunner.Selection selection = new CheckRunner.Selection(new java.util.HashSet<>(properties),
				new java.util.HashSet<>(steps), kindSet);
		CheckRunner.EngineChoice engineChoice;
		try {
			engineChoice = CheckRunner.EngineChoice.parse(engine);
		} catch (IllegalArgumentException e) {
			System.err.println("shall: " + e.getMessage());
			return 3;
		}
		if (sat != null) {
			System.setProperty(dev.shall.checker.sat.SatBackend.PROPERTY, sat);
		}
		try {
			dev.shall.checker.sat.SatBackend.selected(); // a backend that cannot be used stops here, not in an engine
		} catch (IllegalArgumentException e) {
			System.err.println("shall: --sat: " + e.getMessage());
			return 3;
		}
		// the whole run's clock starts before the files are read: reading them counts
		Budget master = Budget.of(depth, null).member(totalTimeout == null ? null : Duration.ofSeconds(Math.max(1,
				totalTimeout)), "total time limit of " + totalTimeout + " s (--total-timeout)");
		ShallCommand.INTERRUPTION.onCancel(() -> master.cancel(ShallCommand.INTERRUPTION.exhausted()));
		ShallCommand.reportPending = true;
		if (depth < 0 || timeout <= 0 || instances != null && instances < 1 || totalTimeout != null && totalTimeout < 1) {
			System.err.println("shall: --depth must be at least 0, --timeout, --total-timeout and --instances at least 1");
			return 3;
		}
		if (maxCombinations != null && (maxCombinations < 1 || maxCombinations > Limits.OPTION_COMBINATIONS_CEILING)) {
			System.err.println("shall: --max-combinations is from 1 to " + Limits.format(Limits.OPTION_COMBINATIONS_CEILING));
			return 3;
		}
		if (maxCombinations == null) {
			System.clearProperty(Limits.OPTION_COMBINATIONS_PROPERTY);
		} else {
			System.setProperty(Limits.OPTION_COMBINATIONS_PROPERTY, Integer.toString(maxCombinations));
		}
		if (maxMemory != null) {
			long bytes;
			try {
				bytes = MemoryLimit.parse(maxMemory);
			} catch (IllegalArgumentException e) {
				System.err.println("shall: --max-memory: " + e.getMessage());
				return 3;
			}
			if (bytes > MemoryLimit.maxHeap()) {
				System.err.println("shall: warning: --max-memory " + maxMemory + " is more than the JVM's heap of "
						+ MemoryLimit.megabytes(MemoryLimit.maxHeap()) + " MB; using " + Math.round(MemoryLimit.DEFAULT_SHARE
								* 100) + "% of it (raise the heap with JAVA_TOOL_OPTIONS=-Xmx…)");
			}
			MemoryLimit.set(bytes);
		} else {
			MemoryLimit.set(0);
		}
		if (depth > Limits.MAX_DEPTH) {
			// the engines count depths in int loops (k <= depth), which the largest int would never end
			System.err.println("shall: --depth is at most " + Limits.format(Limits.MAX_DEPTH));
			return 3;
		}
		if (instances != null && instances > Limits.MAX_VALUES) {
			// each procedure also checks instances × actions against the limit, naming its own numbers
			System.err.println("shall: --instances is at most " + Limits.format(Limits.MAX_VALUES));
			return 3;
		}
		for (Path file : invariantOut == null ? files.values() : concat(files.values(), invariantOut)) {
			// refused before the run, not after it
			Path folder = file.toAbsolutePath().getParent();
			if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(file)) {
				System.err.println("shall: cannot write " + file + ": " + (Files.isDirectory(file) ? "it is a folder"
						: "there is no folder " + folder));
				return 3;
			}
		}
		if (reportFolder != null && Files.exists(reportFolder) && !Files.isDirectory(reportFolder)) {
			System.err.println("shall: --report " + reportFolder + " is a file, not a folder");
			return 3;
		}
		importPolicy(root, importsAnywhere);
		CheckRunner.Settings settings = new CheckRunner.Settings(engineChoice, depth, Duration.ofSeconds(timeout), instances,
				options);
		// progress goes to stderr whatever --out says: CI logs show it, the reports stay the same
		PrintWriter err = spec == null ? new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8),
				true) : spec.commandLine().getErr();
		Progress.Mode mode = Progress.choose(quiet, ENVIRONMENT.get() != null ? ENVIRONMENT.get() : System.getenv());
		List<Path> inputs = paths;
		if (changedSince != null) {
			try {
				inputs = ChangedFiles.select(paths, changedSince, ProcedureFrontEnd.find().fileExtension());
			} catch (ChangedFiles.Failure e) {
				System.err.println("shall: " + e.getMessage());
				return 3;
			}
			if (!quiet) {
				err.println("shall: --changed-since " + changedSince + ": " + inputs.size() + " of " + ChangedFiles.files(
						paths, ProcedureFrontEnd.find().fileExtension()).size() + " files to check");
			}
		}
		dev.shall.checker.pipeline.ResultCache cache = null;
		if (cacheFolder != null) {
			try {
				cache = new dev.shall.checker.pipeline.ResultCache(cacheFolder);
			} catch (IllegalArgumentException e) {
				System.err.println("shall: " + e.getMessage());
				return 3;
			}
		}
		RunReport report;
		Map<String, ChartNotes> models = new java.util.HashMap<>();
		try {
			report = new CheckRunner(master, part, selection).cache(cache).cr(cr).run(inputs, settings, ProcedureFrontEnd.find(), new NotesRecorder(
					Progress.listener(mode, err), models));
		} finally {
			Progress.finish(mode, err);
		}
		if (cache != null && !quiet) {
			long cached = report.results().stream().filter(f -> f.engine() != null && f.engine().endsWith(
					dev.shall.checker.pipeline.ResultCache.CACHED)).count();
			err.println("shall: " + cached + " of " + report.results().size() + " results from the cache in " + cacheFolder);
		}
		if (files.isEmpty()) {
			PrintWriter writer = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
			write(format, report, writer);
			writer.flush();
		}
		for (Map.Entry<String, Path> file : files.entrySet()) {
			try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file.getValue(), StandardCharsets.UTF_8))) {
				write(file.getKey(), report, writer);
			}
		}
		if (reportFolder != null) {
			new HtmlReport().write(report, reportFolder, models);
		}
		if (invariantOut != null) {
			InvariantExport.write(report, invariantOut);
		}
		return report.exitCode();
	}

	/**
	 * Where imports may come from, for the front end's import check: inside {@code root} (by
	 * default the Git working tree of the checked file, else the working directory), or anywhere
	 * when allowed.
	 */
	static void importPolicy(Path root, boolean anywhere) {
		if (root == null) {
			System.clearProperty("shall.root");
		} else {
			System.setProperty("shall.root", root.toAbsolutePath().normalize().toString());
		}
		System.setProperty("shall.imports.checked", "true");
		System.setProperty("shall.imports.anywhere", Boolean.toString(anywhere));
	}

	/** The environment progress is chosen by, when a test sets it (inherited by the command's own thread); else the process's. */
	private static final InheritableThreadLocal<Map<String, String>> ENVIRONMENT = new InheritableThreadLocal<>();

	/** Runs {@code command} as if the environment were {@code environment} (for tests of progress). */
	static <T> T withEnvironment(Map<String, String> environment, Callable<T> command) throws Exception {
		ENVIRONMENT.set(environment);
		try {
			return command.call();
		} finally {
			ENVIRONMENT.remove();
		}
	}

	/**
	 * Passes everything on to the progress listener and keeps, per file, what the HTML report's
	 * charts take from the model (display names, descriptions), keyed as {@link HtmlReport} looks
	 * them up.
	 */
	private record NotesRecorder(CheckRunner.Listener progress, Map<String, ChartNotes> models)
			implements CheckRunner.Listener {
		@Override
		public void checking(String procedure, String obligation) {
			progress.checking(procedure, obligation);
		}

		@Override
		public void planned(int questions) {
			progress.planned(questions);
		}

		@Override
		public void answered(Finding finding) {
			progress.answered(finding);
		}

		@Override
		public void vacuityAnswered(Finding finding) {
			progress.vacuityAnswered(finding);
		}

		@Override
		public void depthDone(String engine, int depth) {
			progress.depthDone(engine, depth);
		}

		@Override
		public void loaded(Path file, dev.shall.model.Procedure procedure) {
			progress.loaded(file, procedure);
			models.put(HtmlReport.modelKey(file.toString(), procedure.getName()), ChartNotes.of(procedure));
		}
	}

	private static List<Path> concat(java.util.Collection<Path> paths, Path more) {
		List<Path> all = new ArrayList<>(paths);
		all.add(more);
		return all;
	}

	private static final List<String> FORMATS = List.of("text", "json", "junit", "sarif");

	private static void write(String format, RunReport report, PrintWriter writer) {
		switch (format) {
		case "json" -> new JsonReport().write(report, writer);
		case "junit" -> new JUnitReport().write(report, writer);
		case "sarif" -> new SarifReport().write(report, writer);
		default -> new TextReport().write(report, writer);
		}
	}
}
