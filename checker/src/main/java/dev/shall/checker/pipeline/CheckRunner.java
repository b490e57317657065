package dev.shall.checker.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.shall.checker.certify.Certifier;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.Certification;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Engine;
import dev.shall.checker.engine.ExplicitLiveness;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.LassoBmc;
import dev.shall.checker.engine.MemoryLimit;
import dev.shall.checker.engine.Portfolio;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.QuickSearch;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.VacuityCondition;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.RunReport;
import dev.shall.checker.report.Vacuity;
import dev.shall.checker.trace.Traces;
import dev.shall.model.MessageType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.SourceLocation;
import dev.shall.model.Transition;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.Limits;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * Checks files or folders of procedures: every property, every step's reachability, and the
 * bounds. The pipeline's stages (see {@code package-info.java}), in the order a reader meets them:
 * <ol>
 * <li>collect and validate: {@link #run} collects the files ({@code collect}) and loads them
 * through the {@link ProcedureFrontEnd};</li>
 * <li>compile: {@link #check(Procedure, Path, Settings, Listener, List)} lays the procedure out
 * ({@link Layout}), checks the {@link Limits} and selects the option combinations
 * ({@code selected});</li>
 * <li>check: per combination and per {@link Obligation}, the engines answer ({@code answer}) and
 * the certification stage ({@link Certifier}) checks each answer's claim; uncertified answers
 * become unknown;</li>
 * <li>report: each answer becomes a {@link Finding} ({@code finding}), which the command line
 * writes ({@link RunReport}) and the editors receive as data ({@link EditorMarks}).</li>
 * </ol>
 */
public final class CheckRunner {

	/** The largest state space response properties are checked on (explicitly, for now). */
	private static final int LIVENESS_STATES = 500_000;

	/** The engines a check can ask for, by the names the command line and the reports use. */
	public enum EngineChoice {
		/** BMC, k-induction and breadth-first search in parallel ({@link Portfolio}). */
		AUTO("auto"),
		/** Bounded model checking ({@link Bmc}). */
		BMC("bmc"),
		/** k-induction ({@link KInduction}). */
		KIND("kind"),
		/** IC3/PDR ({@link dev.shall.checker.engine.Pdr}). */
		IC3("ic3"),
		/** The editor's fast check ({@link QuickSearch}); its breadth-first answers are not certified (ADR 0006). */
		QUICK("quick");

		private final String label;

		EngineChoice(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/**
		 * The engine of that name ({@code k-induction} is {@code kind} too).
		 *
		 * @throws IllegalArgumentException naming the engines there are, for any other name
		 */
		public static EngineChoice parse(String name) {
			for (EngineChoice choice : values()) {
				if (choice.label.equals(name)) {
					return choice;
				}
			}
			if ("k-induction".equals(name)) {
				return KIND;
			}
			if ("pdr".equals(name)) {
				return IC3;
			}
			throw new IllegalArgumentException("unknown engine '" + name + "' (auto, bmc, kind or ic3)");
		}

		Engine create(Certification certification) {
			return switch (this) {
			case BMC -> new Bmc();
			case KIND -> new KInduction();
			case IC3 -> new dev.shall.checker.engine.Pdr();
			case QUICK -> new QuickSearch();
			case AUTO -> new Portfolio(certification);
			};
		}

		/** What must be certified before a verdict is reported as decided (ADR 0006 for the quick check). */
		Certifier certifier() {
			return new Certifier(this == QUICK ? Certifier.Scope.QUICK : Certifier.Scope.EVERY_VERDICT);
		}
	}

	/** How to check; null fields take the procedure's own settings. */
	public record Settings(EngineChoice engine, int depth, Duration timeout, Integer instances,
			Map<String, String> options) {
	}

	/**
	 * Hears the run's progress: how many questions it will answer, each question as it starts and
	 * each finding as soon as it is known (for progress on stderr). Calls come from the thread that
	 * runs the check, except {@link #depthDone}, which engines running in parallel may call.
	 */
	public interface Listener {
		void checking(String procedure, String obligation);

		/**
		 * Before the first question of {@link #run}: how many questions it will answer (with a
		 * {@link Shard}, the shard's); vacuity questions are not counted, they belong to their property.
		 */
		default void planned(int questions) {
		}

		/** A question answered: its finding (a property that holds still without its vacuity). */
		default void answered(Finding finding) {
		}

		/** A property's vacuity question answered: the property's finding, vacuity and seconds included. */
		default void vacuityAnswered(Finding finding) {
		}

		/**
		 * A file's procedure compiled without errors, before its first question (the HTML report takes
		 * role display names and step descriptions from it).
		 */
		default void loaded(Path file, Procedure procedure) {
		}

		/** An engine has explored every run up to {@code depth} steps for the current question. */
		default void depthDone(String engine, int depth) {
		}

		Listener NONE = (procedure, obligation) -> {
		};
	}

	/**
	 * Shard {@code index} of {@code count} (1-based): the questions of a run — procedure × option
	 * combination × question, in the run's order (files in the order collected, sorted within a
	 * folder; combinations and questions in the order checked) — numbered from 0, question i
	 * belonging to shard {@code i mod count + 1}. Round-robin, not hashed: neighbouring questions
	 * of one expensive procedure land on different shards, and the unsharded order is the shards'
	 * results interleaved ({@code shall merge}).
	 */
	public record Shard(int index, int count) {
		/** The most shards a run may be split into. */
		public static final int MAX_COUNT = 1000;

		public Shard {
			if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
				throw new IllegalArgumentException("--shard " + index + "/" + count + ": K/N with 1 <= K <= N <= "
						+ MAX_COUNT);
			}
		}

		/**
		 * {@code K/N} as the command line writes it.
		 *
		 * @throws IllegalArgumentException when it is not two whole numbers with 1 <= K <= N <= 1000
		 */
		public static Shard parse(String text) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*")
					.matcher(text);
			if (!m.matches()) {
				throw new IllegalArgumentException("--shard '" + text + "': expected K/N, e.g. 2/4, with 1 <= K <= N <= "
						+ MAX_COUNT);
			}
			return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}

		/** Whether question {@code i} (0-based, in the run's order) is this shard's. */
		public boolean owns(int i) {
			return i % count == index - 1;
		}

		@Override
		public String toString() {
			return index + "/" + count;
		}
	}

	/**
	 * Which questions to ask (issue 20, "one question fast"): the properties and steps (or events)
	 * named, and every question of the kinds named; all questions when nothing is named. A name
	 * that no procedure checked has is an error of the run, reported at the procedure.
	 *
	 * @param properties property names ({@code --property})
	 * @param steps      step and event names ({@code --step}): their dead-step questions
	 * @param kinds      kinds of question ({@code --kind}): {@link Obligation.Kind}s
	 */
	public record Selection(java.util.Set<String> properties, java.util.Set<String> steps,
			java.util.Set<Obligation.Kind> kinds) {

		/** Every question. */
		public static final Selection ALL = new Selection(java.util.Set.of(), java.util.Set.of(), java.util.Set.of());

		public Selection {
			properties = java.util.Set.copyOf(properties);
			steps = java.util.Set.copyOf(steps);
			kinds = kinds.isEmpty() ? java.util.Set.of() : java.util.EnumSet.copyOf(kinds);
		}

		boolean all() {
			return properties.isEmpty() && steps.isEmpty() && kinds.isEmpty();
		}

		boolean asks(Obligation obligation) {
			if (all() || kinds.contains(obligation.kind())) {
				return true;
			}
			return switch (obligation.kind()) {
			case PROPERTY -> properties.contains(obligation.property().getName());
			case REACHABILITY -> steps.contains(obligation.transition().getName());
			default -> false;
			};
		}

		/**
		 * The kind a command line names: {@code property}, {@code bounds}, {@code dead-step},
		 * {@code unhandled}.
		 *
		 * @throws IllegalArgumentException naming the kinds there are, for any other name
		 */
		public static Obligation.Kind kind(String name) {
			return switch (name) {
			case "property" -> Obligation.Kind.PROPERTY;
			case "bounds" -> Obligation.Kind.BOUNDS;
			case "dead-step" -> Obligation.Kind.REACHABILITY;
			case "unhandled" -> Obligation.Kind.UNHANDLED;
			default -> throw new IllegalArgumentException("--kind '" + name
					+ "': expected property, bounds, dead-step or unhandled");
			};
		}
	}

	private final Budget master;
	private final Shard shard;
	private ResultCache cache;

	/**
	 * What, beyond the model and the settings, a procedure's cached results depend on: the questions
	 * selected, and the CR the coverage stage reads (its content).
	 */
	private String cacheContext(Plan plan) {
		// sorted: a set's iteration order is not the same from one run to the next
		StringBuilder context = new StringBuilder("selection ").append(new java.util.TreeSet<>(selection.properties()))
				.append(new java.util.TreeSet<>(selection.steps())).append(new java.util.TreeSet<>(selection.kinds()));
		Path crFile = dev.shall.checker.cr.Coverage.crPath(plan.procedure(), plan.file(), cr);
		if (crFile != null) {
			try {
				context.append(" cr ").append(java.util.HexFormat.of().formatHex(java.security.MessageDigest
						.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(crFile))));
			} catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
				context.append(" cr unreadable");
			}
		}
		return context.toString();
	}

	/** This runner, reusing and storing each procedure's results in {@code cache} (null: none). */
	public CheckRunner cache(ResultCache cache) {
		this.cache = cache;
		return this;
	}

	/** The CR every procedure is checked against (--cr), instead of its own {@code cr} line; null: its own. */
	private Path cr;
	/** The coverage of each procedure checked against a CR, in the order checked (ADR 0016). */
	private final List<dev.shall.checker.cr.Coverage> coverages = new ArrayList<>();

	/**
	 * Checks every procedure against the CR at {@code cr} (shall check --cr), not the one its
	 * {@code cr} line names; null restores that.
	 */
	public CheckRunner cr(Path cr) {
		this.cr = cr;
		return this;
	}

	/** The coverage of each procedure of the last {@link #run} that has a CR (ADR 0016). */
	public List<dev.shall.checker.cr.Coverage> coverages() {
		return List.copyOf(coverages);
	}

	private final Selection selection;

	public CheckRunner() {
		this(null);
	}

	/** A runner whose every question also stops when {@code master} is cancelled or runs out of time. */
	public CheckRunner(Budget master) {
		this(master, null);
	}

	/** As {@link #CheckRunner(Budget)}, answering only the questions of {@code shard} (null: all) in {@link #run}. */
	public CheckRunner(Budget master, Shard shard) {
		this(master, shard, Selection.ALL);
	}

	/** As {@link #CheckRunner(Budget, Shard)}, asking only the questions of {@code selection}. */
	public CheckRunner(Budget master, Shard shard, Selection selection) {
		this.master = master;
		this.shard = shard;
		this.selection = selection == null ? Selection.ALL : selection;
	}

	public RunReport run(List<Path> inputs, Settings settings, ProcedureFrontEnd frontEnd, Listener listener) {
		// 1. collect and validate
		List<SourceDiagnostic> diagnostics = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		for (Path input : inputs) {
			collect(input, frontEnd.fileExtension(), files, diagnostics);
		}
		List<Finding> findings = new ArrayList<>();
		List<LoadedFile> all = frontEnd.load(files);
		if (settings.options() != null) {
			for (String name : settings.options().keySet()) {
				// a misspelt --option would otherwise fix nothing and check every combination
				boolean known = all.stream().flatMap(f -> f.procedure().stream()).flatMap(p -> p.getOptions().stream())
						.anyMatch(o -> o.getName().equals(name));
				if (!known && all.stream().anyMatch(f -> f.procedure().isPresent())) {
					diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.unknown-option",
							"--option " + name + ": no procedure checked has an option of that name", inputs.get(0)
									.toString(), 1, 1));
				}
			}
			if (diagnostics.stream().anyMatch(d -> d.code().equals("shall.unknown-option"))) {
				all.forEach(loaded -> diagnostics.addAll(loaded.diagnostics()));
				// a shard's report stays one, so that shall merge reports the error once, not a refusal
				return new RunReport(findings, diagnostics, shard == null ? null : new RunReport.Shard(shard.index(),
						shard.count(), List.of()));
			}
		}
		if (!selection.all() && all.stream().anyMatch(f -> f.procedure().isPresent())) {
			// a misspelt --property or --step would otherwise ask nothing and exit 0
			List<SourceDiagnostic> unknown = unknownNames(all);
			if (!unknown.isEmpty()) {
				all.forEach(loaded -> diagnostics.addAll(loaded.diagnostics()));
				diagnostics.addAll(unknown);
				return new RunReport(findings, diagnostics, shard == null ? null : new RunReport.Shard(shard.index(),
						shard.count(), List.of()));
			}
		}
		// every procedure compiled before the first question, so that the number of questions (and
		// a shard's share of them) is known up front; diagnostics keep their order per file
		List<Plan> plans = new ArrayList<>();
		coverages.clear();
		List<Finding> uncovered = new ArrayList<>();
		for (LoadedFile loaded : all) {
			diagnostics.addAll(capped(loaded.diagnostics()));
			loaded.procedure().ifPresent(procedure -> uncovered.addAll(coverage(procedure, loaded.file(), diagnostics)));
			loaded.procedure().ifPresent(procedure -> {
				listener.loaded(loaded.file(), procedure);
				Plan plan = plan(procedure, loaded.file(), settings, diagnostics, selection);
				if (plan != null) {
					plans.add(plan);
				}
			});
		}
		int first = 0;
		int total = 0;
		int[] firsts = new int[plans.size()];
		for (int p = 0; p < plans.size(); p++) {
			firsts[p] = first;
			for (int q = 0; q < plans.get(p).questions(); q++) {
				total += shard == null || shard.owns(first + q) ? 1 : 0;
			}
			first += plans.get(p).questions();
		}
		listener.planned(total);
		List<Integer> numbers = new ArrayList<>();
		for (int p = 0; p < plans.size(); p++) {
			Plan plan = plans.get(p);
			String key = cache == null ? null : cache.key(plan.file(), plan.procedure().getName(), settings, shard,
					firsts[p], cacheContext(plan));
			ResultCache.Entry hit = key == null ? null : cache.load(key);
			if (hit != null) {
				hit.findings().forEach(listener::answered);
				findings.addAll(hit.findings());
				numbers.addAll(hit.numbers());
				continue;
			}
			int before = numbers.size();
			List<Finding> answered = check(plan, settings, listener, firsts[p], shard, numbers);
			findings.addAll(answered);
			if (key != null && (master == null || master.over() == null)) {
				cache.store(key, answered, numbers.subList(before, numbers.size()));
			}
		}
		if (shard == null) {
			// not questions: a shard's report numbers questions only, so uncovered statements belong
			// to whole runs (and to shall coverage)
			findings.addAll(uncovered);
		}
		return new RunReport(findings, diagnostics, shard == null ? null : new RunReport.Shard(shard.index(), shard
				.count(), numbers));
	}

	/**
	 * The coverage stage (ADR 0016): with a CR (--cr or the procedure's {@code cr} line), the
	 * statements no element covers as findings, and ids the CR lacks as warnings; a CR that cannot
	 * be read is an error at the procedure.
	 */
	private List<Finding> coverage(Procedure procedure, Path file, List<SourceDiagnostic> diagnostics) {
		Path crFile = dev.shall.checker.cr.Coverage.crPath(procedure, file, cr);
		if (crFile == null) {
			return List.of();
		}
		try {
			dev.shall.checker.cr.StatementInventory inventory = dev.shall.checker.cr.StatementInventory.of(crFile);
			dev.shall.checker.cr.Coverage coverage = dev.shall.checker.cr.Coverage.of(procedure, file.toString(),
					inventory);
			coverages.add(coverage);
			diagnostics.addAll(coverage.diagnostics());
			return coverage.findings();
		} catch (dev.shall.checker.cr.CrInputException e) {
			SourceLocation at = procedure.getLocation();
			diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.bad-cr", "the CR cannot be read: "
					+ e.getMessage(), file.toString(), at == null ? 1 : at.getLine(), at == null ? 1 : at.getColumn()));
			return List.of();
		}
	}

	/**
	 * The names of {@link #selection} that no loaded procedure has: an error each, at the first
	 * procedure (file, line, column), listing the names there are.
	 */
	private List<SourceDiagnostic> unknownNames(List<LoadedFile> all) {
		List<Procedure> procedures = all.stream().flatMap(f -> f.procedure().stream()).toList();
		LoadedFile first = all.stream().filter(f -> f.procedure().isPresent()).findFirst().orElseThrow();
		List<SourceDiagnostic> errors = new ArrayList<>();
		for (String name : new java.util.TreeSet<>(selection.properties())) {
			if (procedures.stream().flatMap(p -> p.getProperties().stream()).noneMatch(p -> name.equals(p.getName()))) {
				errors.add(atProcedure(first.procedure().get(), first.file(), "shall.unknown-property", "--property "
						+ name + ": no procedure checked has a property of that name (properties: " + String.join(", ",
								procedures.stream().flatMap(p -> p.getProperties().stream()).map(Property::getName)
										.toList()) + ")"));
			}
		}
		for (String name : new java.util.TreeSet<>(selection.steps())) {
			if (procedures.stream().flatMap(p -> p.getTransitions().stream()).noneMatch(t -> name.equals(t
					.getName()))) {
				errors.add(atProcedure(first.procedure().get(), first.file(), "shall.unknown-step", "--step " + name
						+ ": no procedure checked has a step or event of that name (steps and events: " + String.join(
								", ", procedures.stream().flatMap(p -> p.getTransitions().stream()).map(
										Transition::getName).filter(n -> n != null).toList()) + ")"));
			}
		}
		return errors;
	}

	/** A compiled procedure and its questions: per combination, every obligation. */
	private record Plan(Procedure procedure, Path file, Layout layout, int instances,
			List<OptionAssignment> combinations, List<Obligation> obligations) {
		int questions() {
			return combinations.size() * obligations.size();
		}
	}

	/**
	 * The most errors reported per file, as compilers cap theirs ({@code javac -Xmaxerrs}, 100):
	 * past the first hundred, errors are mostly consequences of the first ones.
	 */
	public static final int MAX_ERRORS_PER_FILE = 100;

	/** The file's diagnostics with at most {@link #MAX_ERRORS_PER_FILE} errors, and a note of how many more there are. */
	static List<SourceDiagnostic> capped(List<SourceDiagnostic> diagnostics) {
		long errors = diagnostics.stream().filter(d -> d.severity() == SourceDiagnostic.Severity.ERROR).count();
		if (errors <= MAX_ERRORS_PER_FILE) {
			return diagnostics;
		}
		List<SourceDiagnostic> kept = new ArrayList<>();
		int shown = 0;
		SourceDiagnostic last = null;
		for (SourceDiagnostic d : diagnostics) {
			if (d.severity() != SourceDiagnostic.Severity.ERROR) {
				kept.add(d);
			} else if (shown < MAX_ERRORS_PER_FILE) {
				kept.add(d);
				last = d;
				shown++;
			}
		}
		kept.add(new SourceDiagnostic(SourceDiagnostic.Severity.INFO, "shall.too-many-errors", String.format(
				"%,d more errors in this file are not shown (the first %d are); fix those first", errors - shown, shown),
				last.file(), last.line(), last.column()));
		return kept;
	}

	private static void collect(Path input, String extension, List<Path> files, List<SourceDiagnostic> diagnostics) {
		if (Files.isDirectory(input)) {
			int before = files.size();
			try (Stream<Path> walk = Files.walk(input)) {
				walk.filter(p -> p.toString().endsWith("." + extension) && Files.isRegularFile(p)).sorted()
						.forEach(files::add);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (files.size() == before) {
				diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.no-such-file",
						"The folder holds no ." + extension + " file", input.toString(), 1, 1));
			}
		} else if (Files.isRegularFile(input)) {
			files.add(input);
		} else {
			diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.no-such-file",
					"No such file or folder", input.toString(), 1, 1));
		}
	}

	/** Every question about one compiled procedure; option values the procedure lacks are diagnostics. */
	public List<Finding> check(Procedure procedure, Path file, Settings settings, Listener listener,
			List<SourceDiagnostic> diagnostics) {
		Plan plan = plan(procedure, file, settings, diagnostics, selection);
		return plan == null ? new ArrayList<>() : check(plan, settings, listener, 0, null, new ArrayList<>());
	}

	/** 2. compile: the procedure's layout, combinations and questions, or null (with a diagnostic) when it cannot be checked. */
	private static Plan plan(Procedure procedure, Path file, Settings settings, List<SourceDiagnostic> diagnostics,
			Selection selection) {
		Layout layout;
		try {
			layout = new Layout(procedure);
		} catch (IllegalArgumentException e) {
			// a size the front end should have refused (another front end, or a gap in validation)
			diagnostics.add(atProcedure(procedure, file, "shall.limit-exceeded", e.getMessage()));
			return null;
		}
		int instances = settings.instances() != null ? settings.instances() : procedure.getInstances();
		String tooMany = tooManyMoves(layout, instances, settings.instances() != null);
		if (tooMany != null) {
			diagnostics.add(atProcedure(procedure, file, "shall.limit-exceeded", tooMany));
			return null;
		}
		String sessions = sessionsMissing(procedure, instances, settings.instances() != null);
		if (sessions != null) {
			diagnostics.add(atProcedure(procedure, file, "shall.sessions", sessions));
			return null;
		}
		List<OptionAssignment> combinations = selected(procedure, settings.options(), file, diagnostics);
		// the same questions for every combination
		List<Obligation> obligations = new ArrayList<>();
		procedure.getProperties().forEach(p -> obligations.add(Obligation.of(p)));
		obligations.add(Obligation.bounds());
		procedure.getTransitions().stream().filter(Obligation::asksReachability).forEach(t -> obligations.add(Obligation
				.reach(t)));
		// semantics §7.4: one question per message type a lane carries to its receiver
		for (Lane lane : layout.lanes()) {
			for (MessageType message : lane.messages()) {
				obligations.add(Obligation.unhandled(message, lane.channel(), lane.receiver()));
			}
		}
		obligations.removeIf(obligation -> !selection.asks(obligation));
		return new Plan(procedure, file, layout, instances, combinations, obligations);
	}

	/**
	 * 3. check, 4. report: the plan's questions, numbered in the run from {@code first}, that
	 * {@code shard} owns (all when null); the number of each question answered is added to {@code numbers}.
	 */
	private List<Finding> check(Plan plan, Settings settings, Listener listener, int first, Shard shard,
			List<Integer> numbers) {
		Procedure procedure = plan.procedure();
		Path file = plan.file();
		Layout layout = plan.layout();
		int instances = plan.instances();
		List<Finding> findings = new ArrayList<>();
		List<VacuityQuestion> vacuityQuestions = new ArrayList<>();
		int number = first;
		for (OptionAssignment options : plan.combinations()) {
			for (Obligation obligation : plan.obligations()) {
				boolean owned = shard == null || shard.owns(number);
				number++;
				if (!owned) {
					continue;
				}
				numbers.add(number - 1);
				// once the whole run is out of time or interrupted, the remaining questions are
				// reported unknown (not left out): a report never looks more complete than it is
				listener.checking(procedure.getName(), obligation.name());
				Finding finding = check(layout, options, instances, obligation, file, settings, listener::depthDone);
				if (obligation.kind() == Obligation.Kind.PROPERTY && finding.verdict() == Verdict.HOLDS
						&& VacuityCondition.of(obligation.property()) != null) {
					vacuityQuestions.add(new VacuityQuestion(findings.size(), options, obligation.property()));
				}
				findings.add(finding);
				listener.answered(finding);
			}
		}
		// semantics §7.5: every property that holds is asked whether it holds only vacuously — after
		// every other question, so that within a total budget (--total-timeout, the editor's quick
		// check) vacuity never takes the time of a verdict
		for (VacuityQuestion question : vacuityQuestions) {
			Finding finding = findings.get(question.index());
			listener.checking(procedure.getName(), finding.property() + " (vacuity)");
			long started = System.nanoTime();
			String over = master == null ? null : master.over();
			Vacuity vacuity = over != null ? new Vacuity(Vacuity.Status.UNDECIDED, "vacuity not decided: not checked: "
					+ over) : vacuity(layout, question.options(), instances, question.property(), master == null
							? Budget.of(settings.depth(), settings.timeout()) : master.member(settings.timeout()),
							settings.engine(), listener::depthDone);
			double seconds = (System.nanoTime() - started) / 1e9;
			findings.set(question.index(), finding.withVacuity(vacuity).withSeconds(finding.seconds() + seconds));
			listener.vacuityAnswered(findings.get(question.index()));
		}
		return findings;
	}

	/** A property that holds, to be asked whether it holds only vacuously: its finding's place, its combination. */
	private record VacuityQuestion(int index, OptionAssignment options, Property property) {
	}

	/**
	 * Why the instances are too many, or null. The encodings number a step's moves as values of
	 * {@code 0..instances × actions - 1} (in int arithmetic, as a domain of the checker), so the
	 * product, computed here in long, must stay within {@link Limits#MAX_VALUES}; validation says
	 * so for {@code instances N} in the file, this for {@code --instances}.
	 */
	static String tooManyMoves(Layout layout, int instances, boolean fromCommandLine) {
		int actions = Math.max(1, layout.actions().size());
		long moves = Limits.saturatedProduct(instances, actions);
		if (instances >= 1 && moves <= Limits.MAX_VALUES) {
			return null;
		}
		return (fromCommandLine ? "--instances " : "instances ") + Limits.format(instances) + " of " + actions
				+ " action(s) each make " + Limits.format(moves) + " possible moves per step; the checker takes at most "
				+ Limits.format(Limits.MAX_VALUES) + ", so at most " + Limits.format(Limits.MAX_VALUES / actions)
				+ " instances of this procedure";
	}

	/**
	 * Why the sessions do not fit the procedure, or null: a pool too small for a different identity
	 * per session ({@code unique}, semantics §2.5), or {@code other} with one session (§2.6). The
	 * validator says so for {@code instances N} in the file, this for {@code --instances}.
	 */
	static String sessionsMissing(Procedure procedure, int instances, boolean fromCommandLine) {
		String given = (fromCommandLine ? "--instances " : "instances ") + instances;
		for (org.eclipse.emf.common.util.TreeIterator<org.eclipse.emf.ecore.EObject> it = procedure.eAllContents(); it
				.hasNext();) {
			org.eclipse.emf.ecore.EObject next = it.next();
			if (next instanceof dev.shall.model.StateVariable variable
					&& variable.getInitial() instanceof dev.shall.model.UniqueIdentity) {
				dev.shall.model.Type type = variable.getType() instanceof dev.shall.model.OptionalType optional
						? optional.getElement() : variable.getType();
				int size = ((dev.shall.model.IdentityType) type).getDecl().getSize();
				if (size < instances) {
					return given + ": the pool " + ((dev.shall.model.IdentityType) type).getDecl().getName() + " of "
							+ Layout.qualifiedName(variable) + " = unique holds " + size
							+ " identities, too few for a different one in each session";
				}
			}
			if (instances < 2 && next instanceof dev.shall.model.VariableRef ref && ref.isOther()) {
				return given + ": 'other' reads another session's copy, which needs at least two sessions";
			}
		}
		return null;
	}

	private static SourceDiagnostic atProcedure(Procedure procedure, Path file, String code, String message) {
		SourceLocation location = procedure.getLocation();
		return new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, code, message, file.toString(),
				location == null ? 1 : Math.max(1, location.getLine()), location == null ? 1 : Math.max(1, location
						.getColumn()));
	}

	private static List<OptionAssignment> selected(Procedure procedure, Map<String, String> fixed, Path file,
			List<SourceDiagnostic> diagnostics) {
		List<OptionAssignment> all = OptionAssignment.all(procedure);
		if (fixed == null || fixed.isEmpty()) {
			return all;
		}
		List<OptionAssignment> kept = new ArrayList<>();
		for (OptionAssignment combination : all) {
			Map<String, String> names = combination.byName();
			boolean matches = true;
			for (Map.Entry<String, String> entry : fixed.entrySet()) {
				if (names.containsKey(entry.getKey()) && !names.get(entry.getKey()).equals(entry.getValue())) {
					matches = false;
				}
			}
			if (matches) {
				kept.add(combination);
			}
		}
		if (kept.isEmpty()) {
			diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.unknown-option",
					"No combination of options matches " + fixed, file.toString(), 1, 1));
		}
		return kept;
	}

	private Finding check(Layout layout, OptionAssignment options, int instances, Obligation obligation, Path file,
			Settings settings, ProgressListener progress) {
		CheckRequest request = new CheckRequest(layout, options, instances, obligation);
		long started = System.nanoTime();
		Budget budget = master == null ? Budget.of(settings.depth(), settings.timeout()) : master.member(settings.timeout());
		String notAsked = master == null ? null : master.over();
		Certifier certifier = settings.engine().certifier();
		CheckResult result = notAsked != null
				? CheckResult.unknown(obligation, "none", -1, "not checked: " + notAsked, CheckResult.Statistics.NONE)
				: answer(request, budget, settings.engine(), certifier, progress);
		// semantics §8.2: a verdict the other semantics did not confirm is not reported as decided
		result = certifier.decided(result);
		double seconds = (System.nanoTime() - started) / 1e9;
		Procedure procedure = layout.procedure();
		return switch (obligation.kind()) {
		case PROPERTY -> {
			Property property = obligation.property();
			yield finding(file, procedure, property.getName(), Finding.Kind.PROPERTY, null, cite(property.getSpec(), property
					.getClause()), options, instances, result.verdict(), options.expectedVerdict(property).getLiteral(),
					result, seconds, property.getLocation(), layout);
		}
		case BOUNDS -> finding(file, procedure, obligation.name(), Finding.Kind.BOUNDS, null, null, options, instances,
				result.verdict(), declared(procedure, options, obligation), result, seconds, procedure.getLocation(),
				layout);
		case UNHANDLED -> {
			Obligation.Arrival arrival = obligation.arrival();
			// reported at the message's declaration: what arrives and finds no handler
			yield finding(file, procedure, obligation.name(), Finding.Kind.UNHANDLED, arrival.describe(), null, options, instances, result.verdict(), declared(
							procedure, options, obligation), result, seconds, arrival.message().getLocation(), layout);
		}
		case REACHABILITY -> {
			Transition transition = obligation.transition();
			// the question asked is "can the step happen": a run reaching it is the good outcome
			Verdict verdict = switch (result.verdict()) {
			case VIOLATED -> Verdict.HOLDS;
			case HOLDS -> Verdict.VIOLATED;
			default -> Verdict.UNKNOWN;
			};
			yield finding(file, procedure, obligation.name(), Finding.Kind.DEAD_STEP, Obligation.subject(transition),
					cite(transition.getSpec(), transition.getClause()), options, instances, verdict, declared(procedure,
							options, obligation), result, seconds, transition.getLocation(), layout);
		}
		};
	}

	/**
	 * Whether a property that holds holds only vacuously (semantics §7.5): the invariant
	 * {@code never C} of its vacuity condition C ({@link VacuityCondition#question}), asked of the
	 * same engines within {@code budget} (the property's own per-question timeout) and certified as
	 * any safety question (§8.2) — in full even in the editor's quick check, whose breadth-first
	 * answers otherwise stay uncertified (ADR 0006): vacuity is never claimed from an uncertified
	 * answer.
	 *
	 * @return {@link Vacuity.Status#VACUOUS} when {@code never C} holds, certified, with the reason;
	 *         {@link Vacuity.Status#NOT_VACUOUS} when a certified run reaches C;
	 *         {@link Vacuity.Status#UNDECIDED} otherwise, with why
	 * @throws IllegalArgumentException when the property has no vacuity condition
	 */
	static Vacuity vacuity(Layout layout, OptionAssignment options, int instances, Property property, Budget budget,
			EngineChoice engine, ProgressListener progress) {
		Obligation question = VacuityCondition.question(property);
		if (question == null) {
			throw new IllegalArgumentException(property.getName() + " has no vacuity condition");
		}
		Certifier certifier = new Certifier(Certifier.Scope.EVERY_VERDICT);
		CheckResult answer = certifier.decided(answer(new CheckRequest(layout, options, instances, question), budget,
				engine, certifier, progress));
		String condition = VacuityCondition.role(property) + " \"" + VacuityCondition.text(VacuityCondition.of(
				property)) + "\"";
		return switch (answer.verdict()) {
		case HOLDS -> new Vacuity(Vacuity.Status.VACUOUS, condition + " is true in no reachable state (proved by "
				+ engineName(answer.engine()) + ", certified " + answer.certificate().kind() + ")");
		case VIOLATED -> new Vacuity(Vacuity.Status.NOT_VACUOUS, condition + " is true in a reachable state ("
				+ answer.bound() + "-step run, certified " + answer.certificate().kind() + ")");
		case UNKNOWN -> new Vacuity(Vacuity.Status.UNDECIDED, "vacuity not decided: " + answer.reason());
		};
	}

	/** An engine's name as a proof's reason says it. */
	private static String engineName(String engine) {
		return switch (engine) {
		case "bmc" -> "BMC";
		case "explicit" -> "breadth-first search";
		case "quick" -> "the quick check";
		default -> engine;
		};
	}

	/**
	 * The engines' answer, through the certification stage. Running out of budget or of heap while
	 * the encoding is built is an {@code unknown} with the reason, like running out during the
	 * search.
	 */
	private static CheckResult answer(CheckRequest request, Budget budget, EngineChoice choice, Certifier certifier,
			ProgressListener progress) {
		Obligation obligation = request.obligation();
		Engine engine = choice.create(certifier);
		try {
			if (TransitionEncoding.supports(obligation)) {
				return certifier.certify(request, engine.check(request, budget, progress), budget);
			}
			// response: the explicit graph proves or refutes; beyond its reach, SAT searches for lassos
			CheckResult result = certifier.certify(request, new ExplicitLiveness(LIVENESS_STATES).check(request,
					budget, progress), budget);
			if (result.verdict() == Verdict.UNKNOWN || !result.certified()) {
				CheckResult lasso = certifier.certify(request, new LassoBmc().check(request, budget, progress), budget);
				// an uncertified answer says more than the lasso search's "finds violations only"
				result = lasso.verdict() == Verdict.UNKNOWN && result.verdict() != Verdict.UNKNOWN ? result : lasso;
			}
			return result;
		} catch (EncodingStopped stopped) {
			return CheckResult.unknown(obligation, engine.name(), -1, stopped.reason(),
					CheckResult.Statistics.NONE);
		} catch (OutOfMemoryError full) {
			return CheckResult.unknown(obligation, engine.name(), -1, Portfolio.OUT_OF_MEMORY,
					CheckResult.Statistics.NONE);
		} finally {
			budget.release(); // members still running (a certification's own budget) stop with it
			MemoryLimit.recover();
		}
	}

	private static Finding finding(Path file, Procedure procedure, String name, Finding.Kind kind, String step,
			String clause,
			OptionAssignment options, int instances, Verdict verdict, String expected, CheckResult result,
			double seconds, SourceLocation location, Layout layout) {
		// a response counterexample keeps how it ends: stopped, or the state its cycle returns to (§6.4)
		var trace = result.moves().isEmpty() && result.verdict() != Verdict.VIOLATED ? null
				: result.loopStart() != null ? Traces.of(layout, options, instances, result.moves(), result.loopStart())
						: Traces.of(layout, options, instances, result.moves());
		String reason = result.reason();
		return new Finding(file.toString(), procedure.getName(), name, kind, step, clause, new LinkedHashMap<>(options
				.byName()), instances, verdict, expected, result.engine(), result.bound(), result.certificate(), seconds,
				reason, trace, location == null ? 0 : location.getLine(), location == null ? 0 : location.getColumn(),
				null, crossed(procedure, kind, step, verdict, trace));
	}

	/**
	 * The CR statements a verdict is about (ADR 0016): for a violation, the {@code covers} of the
	 * steps and events its run takes, in the order first taken; for a dead step, its own.
	 */
	static List<String> crossed(Procedure procedure, Finding.Kind kind, String step, Verdict verdict,
			dev.shall.checker.trace.Trace trace) {
		List<String> crossed = new ArrayList<>();
		if (verdict != Verdict.VIOLATED) {
			return crossed;
		}
		if (kind == Finding.Kind.DEAD_STEP) {
			for (Transition t : procedure.getTransitions()) {
				String label = (t.getKind() == dev.shall.model.TransitionKind.ENVIRONMENT ? "event " : "step ") + t.getName();
				if (label.equals(step) || t.getName().equals(step)) {
					t.getCovers().forEach(id -> add(crossed, id));
				}
			}
			return crossed;
		}
		if (trace == null) {
			return crossed;
		}
		for (dev.shall.checker.trace.TraceStep taken : trace.steps()) {
			if (taken.kind() != dev.shall.checker.trace.TraceStep.Kind.STEP
					&& taken.kind() != dev.shall.checker.trace.TraceStep.Kind.EVENT) {
				continue;
			}
			for (Transition t : procedure.getTransitions()) {
				if (t.getName().equals(taken.step()) && t.getActor() != null && t.getActor().getName().equals(taken
						.role())) {
					t.getCovers().forEach(id -> add(crossed, id));
				}
			}
		}
		return crossed;
	}

	private static void add(List<String> list, String id) {
		if (!list.contains(id)) {
			list.add(id);
		}
	}

	/**
	 * The verdict the author declares for a question other than a property (semantics §7.6):
	 * {@code violated} — a dead step, an unhandled message, the bounds exceeded — where an
	 * {@code expect} says so, else {@code holds}.
	 */
	private static String declared(Procedure procedure, OptionAssignment options, Obligation obligation) {
		return options.declaresFinding(procedure, obligation) ? "violated" : "holds";
	}

	private static String cite(String spec, String clause) {
		if (clause == null) {
			return spec;
		}
		return spec == null ? clause : spec + " " + clause;
	}
}
