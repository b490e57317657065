package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.ExplicitLiveness;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.LassoBmc;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.IntType;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Response;
import dev.shall.model.StateVariable;
import dev.shall.model.Type;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * Random procedures ({@link RandomProcedures}: the classic profile, the liveness profile and its
 * guard-written twins; a third of each with a timer, semantics §3.5) checked several ways, each
 * comparison citing the rule of the semantics it checks:
 * <ul>
 * <li>safety properties, the bounds check and a dead-step question: breadth-first search by the
 * explicit interpreter (the reference) against BMC and k-induction — same verdict, BMC's trace as
 * short as the shortest one, every trace replaying, every proof re-proved; the bounds check also
 * against {@link BoundsOracle}, which tells the procedure's messages from fault copies;
 * <li>response properties: the explicit response checker ({@link ExplicitLiveness}) against the SAT
 * lasso search ({@link LassoBmc}), both against {@link FairResponseOracle} (the definition, written
 * independently), and each model against its guard-written twin;
 * <li>declared ranges: the lowering's domain against the declaration.
 * </ul>
 * Disagreements are collected, not thrown at once: the run prints how many obligations it compared
 * per kind, how many disagreed and by which rule, then every disagreement with both verdicts and
 * the procedure's text, and fails at the end if there was any. The default build runs 200
 * models; {@code -Dshall.random.models=N} runs more.
 */
class DifferentialTest {

	/**
	 * 200 models in the default build (about 4 minutes on two cores); the long run behind the flag,
	 * {@code -Dshall.random.models=1000} (about 20 minutes), is the one issue 11 was closed on.
	 */
	private static final int MODELS = Integer.getInteger("shall.random.models", 200);
	private static final int MAX_STATES = 5_000;
	/** How deep the SAT lasso search looks for a violation that the explicit graph or the definition has. */
	private static final int MAX_LASSO_DEPTH = 24;
	/** As deep for the definition's witnesses (the cycles it builds are not the shortest). */
	private static final int DEFINITION_LASSO_DEPTH = 16;
	/** How deep it looks for a lasso that should not exist (the models are tiny: spurious lassos are short). */
	private static final int NO_LASSO_DEPTH = 6;
	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	/**
	 * k-induction's time on the liveness profile: its counters over large ranges (0..1000) stall the
	 * auxiliary-invariant search (a known scale problem, not one this test is after); a time-out is
	 * counted as inconclusive, never as holds or as a disagreement.
	 */
	private static final Duration LIVENESS_INDUCTION_TIMEOUT = Duration.ofSeconds(3);
	private static final Duration LASSO_TIMEOUT = Duration.ofSeconds(5);
	private static final Duration ATTACKER_INDUCTION_TIMEOUT = Duration.ofSeconds(5);

	/** The kinds of obligation compared, as the report counts them. */
	enum Kind {
		SAFETY("safety"), BOUNDS("bounds"), DEAD_STEP("dead step"), UNHANDLED("unhandled message"),
		RESPONSE("response"), RANGES("ranges"), FRONT_END("front end");

		final String label;

		Kind(String label) {
			this.label = label;
		}
	}

	/**
	 * Two answers to one question that the semantics says must agree, the procedure, and which known
	 * rule of today's code reproduces the wrong answer (null when none was looked for).
	 */
	record Disagreement(Kind kind, String rule, String where, String first, String second, String text,
			String cause) {
	}

	static final String BLOCKED_ENABLES = "fault 1: a step blocked by a declared bound counts as enabled";
	static final String STUTTER_IS_FAIR = "fault 2: a step that changes nothing satisfies weak fairness";
	static final String BOTH = "faults 1 and 2 together";
	static final String HUGE_RANGE = "fault 3: a range near 2^31 (empty domain, int arithmetic)";
	static final String FAULT_COPIES = "fault 4: fault copies fill a lane and block the procedure's sends";
	static final String UNEXPLAINED = "not explained by faults 1-4";

	@TempDir
	Path folder;

	private final Map<Kind, Integer> compared = new EnumMap<>(Kind.class);
	private final Map<Kind, Integer> disagreeing = new EnumMap<>(Kind.class);
	private final Map<String, Integer> byRule = new TreeMap<>();
	private final List<Disagreement> disagreements = new ArrayList<>();
	/** The explicit response verdicts of the liveness models, for their guard-written twins. */
	private final Map<String, Verdict> twinVerdicts = new HashMap<>();
	/** Time spent per engine, for the report. */
	private final Map<String, Double> seconds = new TreeMap<>();
	private final List<Object[]> slowest = new ArrayList<>();
	/** Per engine, the comparisons left undecided because the engine ran out of time or conflicts. */
	private final Map<String, Integer> inconclusive = new TreeMap<>();
	/** Per engine, the violations found on a run whose correspondence counter saturated (unknown, semantics §6.6). */
	private final Map<String, Integer> saturated = new TreeMap<>();
	private RandomProcedures.Profile profile;
	private boolean hugeRange;
	/** Whether the model being compared has an attacker (semantics §4.5). */
	private boolean attacker;
	private final Map<String, Integer> byCause = new TreeMap<>();
	private int provedByInduction;
	private int violated;
	/** Models with a timer (semantics §3.5), and the obligations compared on them. */
	private int timerModels;
	private int timerObligations;
	private int handlingModels;
	private int handlingObligations;
	/** Models whose properties use past time or correspondence (semantics §6.5, §6.6), and their comparisons. */
	private int pastTimeModels;
	private int pastTimeObligations;
	/** Models with a shared role, identities and lookups (semantics §1.3, §2.5–2.6, §3.7, §6), and their comparisons. */
	private int sessionModels;
	private int sessionObligations;
	/** Models with an attacker: knowledge, injections, secrecy and authenticity (semantics §4.5, §6.7), and their comparisons. */
	private int attackerModels;
	private int attackerObligations;
	/** Models with options marked independent (semantics §1.1): the combinations checked are fewer. */
	private int independentModels;
	private int independentObligations;
	/** Comparisons of questions whose states keep the last move (semantics §2.2), and of the others. */
	private int observingLastMove;
	private int forgettingLastMove;

	@Test
	void enginesAgreeWithBreadthFirstSearchAndWithTheDefinitionsOnRandomProcedures() throws Exception {
		long started = System.nanoTime();
		List<RandomProcedures> generators = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		for (int m = 0; m < MODELS; m++) {
			RandomProcedures generator = RandomProcedures.forModel(m);
			String text = generator.generate("R" + m);
			generators.add(generator);
			texts.add(text);
			files.add(Files.writeString(folder.resolve("r" + m + ".shall"), text));
		}
		List<LoadedFile> loaded = ProcedureFrontEnd.find().load(files);
		Map<RandomProcedures.Profile, Integer> profiles = new EnumMap<>(RandomProcedures.Profile.class);
		for (int m = 0; m < MODELS; m++) {
			RandomProcedures generator = generators.get(m);
			profiles.merge(generator.profile(), 1, Integer::sum);
			long modelStarted = System.nanoTime();
			int comparedBefore = compared.values().stream().mapToInt(Integer::intValue).sum();
			checkModel(m, generator, loaded.get(m), texts.get(m));
			if (generator.hasTimer()) {
				timerModels++;
				timerObligations += compared.values().stream().mapToInt(Integer::intValue).sum() - comparedBefore;
			}
			if (generator.hasHandling()) {
				handlingModels++;
				handlingObligations += compared.values().stream().mapToInt(Integer::intValue).sum() - comparedBefore;
			}
			if (generator.hasPastTime()) {
				pastTimeModels++;
				pastTimeObligations += compared.values().stream().mapToInt(Integer::intValue).sum() - comparedBefore;
			}
			if (generator.hasSessions()) {
				sessionModels++;
				sessionObligations += compared.values().stream().mapToInt(Integer::intValue).sum() - comparedBefore;
			}
			if (generator.hasIndependentOptions()) {
				independentModels++;
				independentObligations += compared.values().stream().mapToInt(Integer::intValue).sum() - comparedBefore;
			}
			if (generator.hasAttacker()) {
				attackerModels++;
				attackerObligations += compared.values().stream().mapToInt(Integer::intValue).sum() - comparedBefore;
			}
			seconds.merge("profile " + generator.profile().name().toLowerCase(), (System.nanoTime() - modelStarted)
					/ 1e9, Double::sum);
		}
		String report = report(profiles, (System.nanoTime() - started) / 1e9);
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "differential-report.txt"), report);
		int obligations = compared.getOrDefault(Kind.SAFETY, 0) + compared.getOrDefault(Kind.BOUNDS, 0) + compared
				.getOrDefault(Kind.DEAD_STEP, 0) + compared.getOrDefault(Kind.UNHANDLED, 0);
		assertTrue(obligations >= MODELS, "most obligations fit the oracle");
		if (MODELS >= 40) {
			assertTrue(independentModels > 0 && observingLastMove > 0 && forgettingLastMove > 0,
					"the models exercise independent options and questions that do and do not read the last move");
		}
		// >>> THE STRICT ASSERTION, EXPECTED TO FAIL on main as of 9e2bf1b (2026-11-29), by four faults
		// (the report attributes each disagreement): 1. a step blocked by a declared bound counts as
		// enabled in the liveness checks; 2. weak fairness is satisfied by a step that changes nothing;
		// 3. 0..2147483647 lowers to an empty domain; 4. replayed copies fill a lane and block the
		// procedure's own sends. It passes once those are fixed; do not weaken it to make it pass.
		assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " disagreements:\n" + summary(profiles));
	}

	private void checkModel(int m, RandomProcedures generator, LoadedFile file, String text) throws IOException {
		String model = "model " + m + " (seed " + generator.seed() + ", " + generator.profile().name().toLowerCase()
				+ ")";
		count(Kind.FRONT_END);
		profile = generator.profile();
		attacker = generator.hasAttacker();
		hugeRange = generator.hugeRange();
		if (file.procedure().isEmpty() || file.hasErrors()) {
			boolean positioned = file.diagnostics().stream().anyMatch(d -> d.severity() == SourceDiagnostic.Severity.ERROR
					&& d.line() > 0);
			if (generator.hugeRange() && positioned) {
				// semantics (declared ranges): a range too large to check is refused with a positioned error
				count(Kind.RANGES);
				return;
			}
			// the generator writes only valid procedures: a refusal is a fault of the generator or the front end
			disagree(Kind.FRONT_END, "every random model compiles", model, "front end: " + file.diagnostics(),
					"generator: a valid procedure", text);
			disagreeing.merge(Kind.FRONT_END, 1, Integer::sum);
			return;
		}
		Procedure procedure = file.procedure().get();
		Layout layout;
		try {
			layout = new Layout(procedure);
		} catch (RuntimeException e) {
			disagree(Kind.RANGES, "declared ranges: lowering accepts what the front end accepts", model, "lowering: "
					+ e, "front end: valid", text);
			return;
		}
		checkRanges(layout, procedure, model, text);
		boolean classic = generator.profile() == RandomProcedures.Profile.CLASSIC;
		// two concurrent instances for every tenth classic model (interleavings and the symmetry
		// argument); the liveness profile chooses, the same for both twins
		int instances = classic ? (m % 10 == 0 || generator.hasSessions() ? 2 : 1) : generator.instances();
		// a guard-written twin has the same safety verdicts as its liveness model (it is asked only what
		// its guards change: response properties and the bounds check)
		boolean twin = generator.profile() == RandomProcedures.Profile.LIVENESS_GUARD_TWIN;
		List<Obligation> obligations = new ArrayList<>();
		for (Property property : procedure.getProperties()) {
			if (!twin || property instanceof Response) {
				obligations.add(Obligation.of(property));
			}
		}
		obligations.add(Obligation.bounds());
		int steps = procedure.getTransitions().size();
		if (!twin) {
			obligations.add(Obligation.reach(procedure.getTransitions().get(classic ? 0 : (int) (generator.seed() / 4
					% steps))));
			// semantics §7.4: every arrival of a model that has otherwise, ignore or defer (§3.6), so
			// that each of them meets the question; one, chosen by the seed, of the others
			List<Obligation> arrivals = new ArrayList<>();
			for (dev.shall.checker.lowering.Lane lane : layout.lanes()) {
				for (dev.shall.model.MessageType message : lane.messages()) {
					arrivals.add(Obligation.unhandled(message, lane.channel(), lane.receiver()));
				}
			}
			if (generator.hasHandling()) {
				obligations.addAll(arrivals);
			} else if (!arrivals.isEmpty()) {
				obligations.add(arrivals.get((int) (generator.seed() / 8 % arrivals.size())));
			}
		}
		for (OptionAssignment options : OptionAssignment.all(procedure)) {
			for (Obligation obligation : obligations) {
				String where = model + ", options " + options.byName() + ", " + instances + " instance(s), "
						+ obligation.name();
				CheckRequest request = new CheckRequest(layout, options, instances, obligation);
				if (obligation.observesLastMove()) {
					observingLastMove++;
				} else {
					forgettingLastMove++;
				}
				if (obligation.kind() == Obligation.Kind.PROPERTY && obligation.property() instanceof Response) {
					String twinKey = generator.seed() + "|" + options.byName() + "|" + instances + "|" + obligation
							.name();
					compareResponse(request, where, text, generator.profile(), twinKey);
				} else {
					compareSafety(request, where, text);
				}
			}
		}
	}

	/** Safety, bounds and dead-step obligations: breadth-first search against BMC and k-induction. */
	private void compareSafety(CheckRequest request, String where, String text) {
		Obligation obligation = request.obligation();
		Kind kind = switch (obligation.kind()) {
		case BOUNDS -> Kind.BOUNDS;
		case REACHABILITY -> Kind.DEAD_STEP;
		case UNHANDLED -> Kind.UNHANDLED;
		case PROPERTY -> Kind.SAFETY;
		};
		ExplicitChecker.Result reference = run(kind, where, text, "breadth-first search", () -> new ExplicitChecker()
				.check(request.layout(), request.options(), request.instances(), obligation, MAX_STATES));
		if (reference == null || reference.violated() == null) {
			return; // too big for the reference
		}
		count(kind);
		int before = disagreements.size();
		String bfs = reference.violated() ? "breadth-first: violated, shortest run " + reference.path().size()
				+ " steps" : "breadth-first: holds, all " + reference.statesSeen() + " states seen";
		// BMC as deep as the deepest state breadth-first search met: enough to see every state
		int depth = reference.violated() ? reference.path().size() : reference.depth() + 1;
		CheckResult bmc = run(kind, where, text, "BMC", () -> Fixtures.certified(new Bmc(), request, Budget.of(depth,
				TIMEOUT)));
		// an attacker's knowledge and marks need invariants that k-induction is slow to find (they are
		// not what it is compared for): a short budget, whose unknowns are not compared
		Duration inductionTimeout = profile == RandomProcedures.Profile.CLASSIC && !attacker ? TIMEOUT
				: attacker ? ATTACKER_INDUCTION_TIMEOUT : LIVENESS_INDUCTION_TIMEOUT;
		CheckResult induction = run(kind, where, text, "k-induction", () -> Fixtures.certified(new KInduction(),
				request, Budget.of(30, inductionTimeout)));
		// semantics §8.2: an answer the other semantics refuses to certify is a disagreement, whatever the
		// reference says (a violation the interpreter cannot replay is no "holds" either)
		agree(!refused(bmc) && !refused(induction), kind, "certified answers: the other semantics certifies "
				+ "every answer it checks", where, bfs, describe("bmc", bmc) + "; " + describe("k-induction",
						induction), text);
		// semantics §6.6: an unknown for a saturated counter needs a bad state, which only a violated reference has
		agree(reference.violated() || !saturatedUnknown(bmc) && !saturatedUnknown(induction), kind, "saturation: "
				+ "an unknown for a saturated counter is a bad state", where, bfs, describe("bmc", bmc) + "; "
						+ describe("k-induction", induction), text);
		bmc = decided("BMC", bmc);
		induction = decided("k-induction", induction);
		if (reference.violated()) {
			violated++;
			// semantics (one transition system): the SAT encoding reaches exactly the states the interpreter reaches
			agree(bmc == null || bmc.verdict() == Verdict.VIOLATED, kind, "one transition system: BMC finds the bad "
					+ "state breadth-first search reaches", where, bfs, describe("bmc", bmc), text);
			// semantics (one transition system): the same runs, so the shortest counterexamples have one length
			agree(bmc == null || bmc.verdict() != Verdict.VIOLATED || bmc.moves().size() == reference.path().size(),
					kind, "one transition system: BMC's run is as short as the shortest", where, bfs, describe("bmc",
							bmc), text);
			// semantics (one transition system): every run of the encoding is a run of the interpreter
			agree(bmc == null || bmc.verdict() != Verdict.VIOLATED || bmc.certified(), kind, "certified runs: BMC's "
					+ "run replays in the interpreter", where, bfs, describe("bmc", bmc), text);
			agree(induction == null || induction.verdict() == Verdict.VIOLATED, kind, "one transition system: "
					+ "k-induction finds the bad state breadth-first search reaches", where, bfs, describe("k-induction",
							induction), text);
			agree(induction == null || induction.verdict() != Verdict.VIOLATED || induction.certified(), kind,
					"certified runs: k-induction's run replays in the interpreter", where, bfs, describe("k-induction",
							induction), text);
		} else {
			// semantics (one transition system): no bad state the interpreter cannot reach
			agree(bmc == null || bmc.verdict() != Verdict.VIOLATED, kind, "one transition system: BMC finds no bad "
					+ "state breadth-first search cannot reach", where, bfs, describe("bmc", bmc), text);
			agree(induction == null || induction.verdict() != Verdict.VIOLATED, kind, "one transition system: "
					+ "k-induction finds no bad state breadth-first search cannot reach", where, bfs, describe(
							"k-induction", induction), text);
			if (induction != null && induction.verdict() == Verdict.HOLDS) {
				provedByInduction++;
				agree(induction.certified(), kind, "certified proofs: k-induction's proof is re-proved", where, bfs,
						describe("k-induction", induction), text);
			}
		}
		if (kind == Kind.BOUNDS) {
			BoundsOracle.Result definition = run(kind, where, text, "bounds oracle", () -> new BoundsOracle(request
					.layout(), request.options(), request.instances()).check(4 * MAX_STATES));
			if (definition != null && definition.violated() != null) {
				// semantics (fault copies): replayed and duplicated copies are the channel's, not the procedure's
				// sends; they neither overflow a lane nor block the procedure's own sends
				if (definition.violated() != reference.violated()) {
					disagree(kind, "fault copies neither overflow a lane nor block the procedure's sends", where, bfs,
							"definition: " + (definition.violated() ? "violated" : "holds; in " + definition
									.blockedByCopies() + " states only fault copies block a send, e.g. " + definition
											.example()), text, definition.violated() ? UNEXPLAINED : FAULT_COPIES);
				}
			}
		}
		if (disagreements.size() > before) {
			disagreeing.merge(kind, 1, Integer::sum);
		}
	}

	/**
	 * Response properties: the explicit response checker, the SAT lasso search and the definition
	 * ({@link FairResponseOracle}), and the explicit verdict against the guard-written twin's.
	 */
	private void compareResponse(CheckRequest request, String where, String text, RandomProcedures.Profile profile,
			String twinKey) {
		Kind kind = Kind.RESPONSE;
		CheckResult explicit = run(kind, where, text, "explicit liveness", () -> Fixtures.certified(
				new ExplicitLiveness(MAX_STATES), request, Budget.of(0, TIMEOUT)));
		FairResponseOracle oracle = new FairResponseOracle(request.layout(), request.options(), request.instances(),
				request.obligation());
		FairResponseOracle.Result definition = run(kind, where, text, "response oracle", () -> oracle.check(2
				* MAX_STATES));
		boolean explicitExact = explicit != null && explicit.verdict() != Verdict.UNKNOWN;
		boolean definitionExact = definition != null && definition.violated() != null;
		if (!explicitExact && !definitionExact) {
			return; // too big
		}
		count(kind);
		int before = disagreements.size();
		String defined = !definitionExact ? "definition: too big"
				: definition.violated() ? "definition: violated, " + (definition.loopStart() < 0 ? "the run stops after "
						+ definition.path().size() + " steps" : "lasso of " + definition.path().size()
								+ " steps, cycle from step " + (definition.loopStart() + 1)) : "definition: holds";
		if (definitionExact && definition.violated()) {
			// the oracle's own check: its witness is a run of the interpreter that stops or closes
			agree(oracle.confirms(definition), kind, "the definition's witness replays", where, defined, "replay: "
					+ "fails", text);
		}
		int depth = NO_LASSO_DEPTH;
		if (explicitExact && explicit.verdict() == Verdict.VIOLATED) {
			depth = Math.max(depth, Math.min(MAX_LASSO_DEPTH, 2 * explicit.moves().size() + 2));
		}
		if (definitionExact && definition.violated()) {
			depth = Math.max(depth, Math.min(DEFINITION_LASSO_DEPTH, definition.path().size()));
		}
		int lassoDepth = depth;
		CheckResult lasso = decided("lasso BMC", run(kind, where, text, "lasso BMC", () -> Fixtures.certified(
				new LassoBmc(), request, Budget.of(lassoDepth, LASSO_TIMEOUT))));
		String explicitSays = describe("explicit", explicit);
		String lassoSays = describe("lasso-bmc (depth " + lassoDepth + ")", lasso);
		if (explicitExact && lasso != null) {
			// semantics (one fairness rule): the SAT lasso search and the explicit graph decide the same fair runs
			if (explicit.verdict() == Verdict.VIOLATED) {
				agree(explicit.certified(), kind, "certified runs: the explicit lasso replays and closes", where,
						explicitSays, "replay: fails", text);
				agree(lasso.verdict() == Verdict.VIOLATED || explicit.moves().size() > lassoDepth, kind, "one fairness "
						+ "rule: lasso BMC finds the explicit violation", where, explicitSays, lassoSays, text);
				agree(lasso.verdict() != Verdict.VIOLATED || lasso.certified(), kind, "certified runs: lasso BMC's "
						+ "run replays and closes", where, explicitSays, lassoSays, text);
			} else {
				agree(lasso.verdict() != Verdict.VIOLATED, kind, "one fairness rule: no lasso where the explicit "
						+ "graph has none", where, explicitSays, lassoSays, text);
			}
		}
		if (definitionExact) {
			// semantics (weak fairness over state-changing steps; a step blocked by a declared bound is
			// disabled): a fair run leaves the trigger unanswered exactly as FairResponseOracle defines
			if (explicitExact && (explicit.verdict() == Verdict.VIOLATED) != definition.violated()) {
				disagree(kind, "weak fairness (definition): explicit liveness", where, defined, explicitSays, text,
						cause(request, explicit.verdict() == Verdict.VIOLATED));
			}
			if (lasso != null && definition.violated() && definition.path().size() <= lassoDepth
					&& lasso.verdict() != Verdict.VIOLATED) {
				disagree(kind, "weak fairness (definition): lasso BMC finds the violation", where, defined, lassoSays,
						text, cause(request, false));
			}
			if (lasso != null && !definition.violated() && lasso.verdict() == Verdict.VIOLATED) {
				disagree(kind, "weak fairness (definition): lasso BMC finds no fair lasso where none exists", where,
						defined, lassoSays, text, cause(request, true));
			}
		}
		if (explicitExact && profile == RandomProcedures.Profile.LIVENESS) {
			twinVerdicts.put(twinKey, explicit.verdict());
		}
		Verdict twin = twinVerdicts.get(twinKey);
		if (explicitExact && profile == RandomProcedures.Profile.LIVENESS_GUARD_TWIN && twin != null) {
			// semantics (a step blocked by a declared bound is disabled): the model whose steps overflow a
			// range and its twin whose guards exclude the overflow have the same runs, so the same verdict
			if (twin != explicit.verdict()) {
				disagree(kind, "a step blocked by a declared bound is disabled: same verdict as with the bound "
						+ "written as a guard", where, "explicit, bound as a guard (this model): " + explicit.verdict()
								.name().toLowerCase(), "explicit, bound as a range (the liveness model of the same "
										+ "seed): " + twin.name().toLowerCase(), text, BLOCKED_ENABLES);
			}
		}
		if (disagreements.size() > before) {
			disagreeing.merge(kind, 1, Integer::sum);
		}
	}

	/**
	 * Semantics (declared ranges): a range {@code min..max} holds exactly the integers from min to max
	 * (a range too large to check may be refused, with a position, by the front end).
	 */
	private void checkRanges(Layout layout, Procedure procedure, String where, String text) {
		int before = disagreements.size();
		for (StateVariable variable : layout.variables()) {
			checkRange(variable.getType(), layout.domain(variable), Layout.qualifiedName(variable), where, text);
		}
		for (MessageType message : procedure.getMessages()) {
			for (MessageField field : message.getFields()) {
				checkRange(field.getType(), layout.domain(field), message.getName() + "." + field.getName(), where,
						text);
			}
		}
		if (disagreements.size() > before) {
			disagreeing.merge(Kind.RANGES, 1, Integer::sum);
		}
	}

	private void checkRange(Type type, Domain domain, String name, String where, String text) {
		Type element = type instanceof OptionalType optional ? optional.getElement() : type;
		if (!(element instanceof IntType range)) {
			return;
		}
		count(Kind.RANGES);
		long declared = (long) range.getMax() - range.getMin() + 1;
		long values = domain.size() - (type instanceof OptionalType ? 1 : 0);
		agree(domain.contains(range.getMin()) && domain.contains(range.getMax()) && values == declared, Kind.RANGES,
				"declared ranges: min..max holds max - min + 1 values", where + ", " + name, "declared: " + range
						.getMin() + ".." + range.getMax() + " (" + declared + " values)", "lowering: " + values
								+ " values", text);
	}

	private <T> T run(Kind kind, String where, String text, String engine, Callable<T> call) {
		long started = System.nanoTime();
		try {
			return call.call();
		} catch (Exception | StackOverflowError e) {
			// an engine answers every question of a valid procedure with a verdict (unknown at worst), never a crash
			disagree(kind, "every engine answers (no exception)", where, engine + ": " + e, "expected: a verdict",
					text);
			return null;
		} finally {
			double time = (System.nanoTime() - started) / 1e9;
			seconds.merge(engine, time, Double::sum);
			slowest.add(new Object[] { time, engine + ", " + where.lines().findFirst().orElse("") });
			slowest.sort((a, b) -> Double.compare((Double) b[0], (Double) a[0]));
			if (slowest.size() > 5) {
				slowest.remove(5);
			}
		}
	}

	/**
	 * The result, or null (nothing to compare) when the engine ran out of time or conflicts: a budget
	 * is not a verdict. Counted as inconclusive in the report.
	 */
	private static boolean refused(CheckResult result) {
		return result != null && result.verdict() == Verdict.UNKNOWN && result.reason() != null && result.reason()
				.contains("the two semantics disagree");
	}

	private static boolean saturatedUnknown(CheckResult result) {
		return result != null && result.verdict() == Verdict.UNKNOWN && result.reason() != null && result.reason()
				.contains("raise the bound with `within N`");
	}

	private CheckResult decided(String engine, CheckResult result) {
		if (saturatedUnknown(result)) {
			// semantics §6.6: a violation on a run where the counter saturated is unknown; the run's
			// replay in the interpreter decided that, so the comparison is of the bad state alone,
			// which only a violated reference has
			saturated.merge(engine, 1, Integer::sum);
			return null;
		}
		if (result != null && result.verdict() == Verdict.UNKNOWN && result.reason() != null && (result.reason()
				.contains("time") || result.reason().contains("conflict limit") || result.reason().equals(
						"cancelled"))) {
			inconclusive.merge(engine, 1, Integer::sum);
			return null;
		}
		return result;
	}

	private static String describe(String engine, CheckResult result) {
		if (result == null) {
			return engine + ": threw";
		}
		return engine + ": " + result.verdict().name().toLowerCase() + (result.verdict() == Verdict.VIOLATED ? ", "
				+ result.moves().size() + " steps" + (result.certified() ? ", certified" : ", NOT certified") : "")
				+ (result.reason() == null ? "" : " — " + result.reason());
	}

	private void count(Kind kind) {
		compared.merge(kind, 1, Integer::sum);
	}

	private void agree(boolean agrees, Kind kind, String rule, String where, String first, String second,
			String text) {
		if (!agrees) {
			disagree(kind, rule, where, first, second, text);
		}
	}

	private void disagree(Kind kind, String rule, String where, String first, String second, String text) {
		disagree(kind, rule, where, first, second, text, null);
	}

	private void disagree(Kind kind, String rule, String where, String first, String second, String text,
			String cause) {
		String why = hugeRange ? HUGE_RANGE : cause != null ? cause : UNEXPLAINED;
		disagreements.add(new Disagreement(kind, rule, where, first, second, text, why));
		byRule.merge(kind.label + ": " + rule, 1, Integer::sum);
		byCause.merge(kind.label + ": " + why, 1, Integer::sum);
	}

	/**
	 * Which of today's rules reproduces an engine's response verdict where it differs from the
	 * definition: the definition with blocked moves enabling their step, with stutters counting as
	 * fair steps, or with both (see {@link FairResponseOracle}).
	 */
	private static String cause(CheckRequest request, boolean engineSaysViolated) {
		String[] causes = { BLOCKED_ENABLES, STUTTER_IS_FAIR, BOTH };
		boolean[][] rules = { { true, false }, { false, true }, { true, true } };
		for (int r = 0; r < rules.length; r++) {
			FairResponseOracle.Result variant = new FairResponseOracle(request.layout(), request.options(), request
					.instances(), request.obligation(), rules[r][0], rules[r][1]).check(2 * MAX_STATES);
			if (variant.violated() != null && variant.violated() == engineSaysViolated) {
				return causes[r];
			}
		}
		return UNEXPLAINED;
	}

	private String summary(Map<RandomProcedures.Profile, Integer> profiles) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("differential: %d models %s; %d violated safety obligations, %d proved by "
				+ "k-induction%n", MODELS, profiles, violated, provedByInduction));
		out.append(String.format("  %d models with a timer (semantics §3.5); %d of the comparisons below were made on them%n", timerModels,
				timerObligations));
		out.append(String.format("  %d models with otherwise, ignore or defer (semantics §3.6); %d of the comparisons below were made on them%n",
				handlingModels, handlingObligations));
		out.append(String.format("  %d models with past time or correspondence (semantics §6.5, §6.6); %d of the "
				+ "comparisons below were made on them%n", pastTimeModels, pastTimeObligations));
		out.append(String.format("  %d models with a shared role, identities and lookups (semantics §1.3, §3.7), two "
				+ "sessions; %d of the comparisons below were made on them%n", sessionModels, sessionObligations));
		out.append(String.format("  %d models with an attacker (semantics §4.5, §6.7); %d of the comparisons below were "
				+ "made on them%n", attackerModels, attackerObligations));
		out.append(String.format("  %d models with options marked independent (semantics §1.1); %d of the comparisons "
				+ "below were made on them%n", independentModels, independentObligations));
		out.append(String.format("  %d questions asked of states that keep the last move (step X, dead steps), %d of "
				+ "states that forget it (semantics §2.2)%n", observingLastMove, forgettingLastMove));
		out.append(String.format("  %-10s %10s %12s %14s%n", "kind", "compared", "disagreeing", "disagreements"));
		for (Kind kind : Kind.values()) {
			long count = disagreements.stream().filter(d -> d.kind() == kind).count();
			out.append(String.format("  %-10s %10d %12d %14d%n", kind.label, compared.getOrDefault(kind, 0),
					disagreeing.getOrDefault(kind, 0), count));
		}
		out.append("  inconclusive (engine out of time or conflicts, not compared): " + inconclusive + "\n");
		out.append("  unknown for a saturated correspondence counter (semantics §6.6; the bad state agreed): " + saturated
				+ "\n");
		out.append("  by rule:\n");
		byRule.forEach((rule, count) -> out.append(String.format("  %6d  %s%n", count, rule)));
		out.append("  by cause (the rule of today's code that reproduces the wrong answer):\n");
		byCause.forEach((cause, count) -> out.append(String.format("  %6d  %s%n", count, cause)));
		return out.toString();
	}

	private String report(Map<RandomProcedures.Profile, Integer> profiles, double seconds) {
		StringBuilder out = new StringBuilder(summary(profiles));
		out.append(String.format("  %.1f s in all;", seconds));
		this.seconds.forEach((engine, time) -> out.append(String.format(" %s %.1f s,", engine, time)));
		out.setLength(out.length() - 1);
		out.append("\n  slowest:");
		slowest.forEach(slow -> out.append(String.format(" %.1f s %s;", slow[0], slow[1])));
		out.append('\n');
		int n = 0;
		for (Disagreement d : disagreements) {
			out.append(String.format("%n--- disagreement %d/%d [%s] %s%n    %s%n    %s%n    %s%n    cause: %s%n%s", ++n,
					disagreements.size(), d.kind().label, d.rule(), d.where(), d.first(), d.second(), d.cause(), d
							.text()));
		}
		return out.toString();
	}
}
