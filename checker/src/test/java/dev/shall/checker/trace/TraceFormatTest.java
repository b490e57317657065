package dev.shall.checker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.shall.checker.Fixtures;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.LassoBmc;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.ResponseChecker;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.model.Transition;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * The trace format ({@code docs/trace-format.md}): what it writes, it reads back as the same
 * {@link TraceDocument} — for every counterexample and witness the checker finds in the examples,
 * for lassos, and for random documents full of characters that need escaping.
 */
class TraceFormatTest {

	private static final Path NAME = Path.of("trace.json");

	/** Written, then read: the very same document. */
	private static void roundTrips(TraceDocument document) {
		String text = TraceFormat.write(document);
		List<TraceEntry> read = TraceFormat.parse(NAME, text);
		assertEquals(1, read.size());
		assertEquals(Optional.of(document), read.get(0).document(), text);
	}

	/**
	 * Every violation and every reached step of every example, under every option combination, as
	 * the explicit engines find them (safety and reachability by breadth-first search, response by
	 * the state graph, which gives where a lasso's cycle starts), round-trips. The reports' traces,
	 * from the portfolio, round-trip in {@code ExamplesTest}.
	 */
	@Test
	void everyViolationOfTheExamplesRoundTrips() throws Exception {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Path.of("..", "examples"))) {
			files = walk.filter(p -> p.toString().endsWith(".shall")).sorted().toList();
		}
		int traces = 0;
		Map<Trace.Ending.Kind, Integer> endings = new EnumMap<>(Trace.Ending.Kind.class);
		Map<TraceStep.Kind, Integer> kinds = new EnumMap<>(TraceStep.Kind.class);
		for (LoadedFile loaded : ProcedureFrontEnd.find().load(files)) {
			if (loaded.procedure().isEmpty()) {
				continue; // a rule library
			}
			Procedure procedure = loaded.procedure().get();
			Layout layout = new Layout(procedure);
			int instances = procedure.getInstances();
			for (OptionAssignment options : OptionAssignment.all(procedure)) {
				List<Obligation> obligations = new ArrayList<>();
				procedure.getProperties().forEach(p -> obligations.add(Obligation.of(p)));
				obligations.add(Obligation.bounds());
				procedure.getTransitions().forEach(t -> obligations.add(Obligation.reach(t)));
				for (Obligation obligation : obligations) {
					Trace trace = counterexample(layout, options, instances, obligation);
					if (trace == null) {
						continue;
					}
					TraceDocument document = new TraceDocument(loaded.file().toString(), procedure.getName(), question(
							obligation), options.byName(), instances, trace);
					roundTrips(document);
					traces++;
					endings.merge(trace.ending().kind(), 1, Integer::sum);
					trace.steps().forEach(step -> kinds.merge(step.kind(), 1, Integer::sum));
				}
			}
		}
		assertTrue(traces >= 100, traces + " traces");
		assertTrue(endings.getOrDefault(Trace.Ending.Kind.STOPS, 0) >= 3, endings::toString);
		assertTrue(kinds.getOrDefault(TraceStep.Kind.LOSS, 0) > 0, () -> "fault steps are steps: " + kinds);
		assertTrue(kinds.getOrDefault(TraceStep.Kind.EVENT, 0) > 0, kinds::toString);
	}

	private static Trace counterexample(Layout layout, OptionAssignment options, int instances, Obligation obligation) {
		if (TransitionEncoding.supports(obligation)) {
			ExplicitChecker.Result result = new ExplicitChecker().check(layout, options, instances, obligation, 200_000);
			return Boolean.TRUE.equals(result.violated()) ? Traces.of(layout, options, instances, result.path()) : null;
		}
		ResponseChecker.Result result = new ResponseChecker().check(layout, options, instances, obligation, 200_000,
				() -> null);
		return Boolean.TRUE.equals(result.violated()) ? Traces.of(layout, options, instances, result.path(), result
				.loopStart()) : null;
	}

	private static TraceDocument.Question question(Obligation obligation) {
		return new TraceDocument.Question(switch (obligation.kind()) {
		case PROPERTY -> "property";
		case REACHABILITY -> "dead-step";
		case BOUNDS -> "bounds";
		case UNHANDLED -> "unhandled-message";
		}, obligation.name());
	}

	private static Procedure toggle() throws Exception {
		return Fixtures.load(Path.of(TraceFormatTest.class.getResource("/trace/toggle.shall").toURI()));
	}

	/** The lasso of the toggle fixture, as the explicit state graph finds it. */
	static Trace lasso(Procedure procedure) {
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		ResponseChecker.Result result = new ResponseChecker().check(layout, options, 1, Obligation.of(procedure
				.getProperties().get(0)), 10_000, () -> null);
		assertEquals(Boolean.TRUE, result.violated());
		assertTrue(result.loopStart() >= 0, "a cycle, not a stop");
		return Traces.of(layout, options, 1, result.path(), result.loopStart());
	}

	@Test
	void aLassoKeepsWhereItsCycleStarts() throws Exception {
		Procedure procedure = toggle();
		Trace trace = lasso(procedure);
		assertEquals(Trace.Ending.Kind.LOOP, trace.ending().kind());
		int loopStart = trace.ending().loopStart();
		// the offer comes first, and the cycle flips ready on and off, with M waiting
		assertEquals("offer", trace.steps().get(0).step());
		assertTrue(loopStart >= 1, trace::toString);
		assertTrue(trace.steps().subList(loopStart, trace.steps().size()).stream().allMatch(s -> s.step().equals(
				"flip")), trace::toString);
		Map<String, String> atStart = loopStart == 0 ? trace.initial().get(0) : trace.steps().get(loopStart - 1).state();
		assertEquals(atStart, trace.steps().get(trace.steps().size() - 1).state(), "the cycle closes");
		TraceDocument document = new TraceDocument("toggle.shall", "Toggle", new TraceDocument.Question("property",
				"answered"), Map.of(), 1, trace);
		roundTrips(document);
		String text = TraceFormat.write(document);
		assertTrue(text.contains("\"ending\": {\n    \"kind\": \"loop\",\n    \"loopStart\": " + loopStart + "\n  }"),
				text);
	}

	@Test
	void theSatLassoSearchGivesALassoTraceToo() throws Exception {
		Procedure procedure = toggle();
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		CheckResult result = Fixtures.certified(new LassoBmc(), new CheckRequest(layout, options, 1, Obligation.of(
				procedure.getProperties().get(0))), Budget.of(10, Duration.ofSeconds(30)));
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertTrue(result.certified());
		// the claim carries the loop start, and the reason says the same (ResponseChecker.describe)
		int loopStart = result.loopStart();
		Matcher steps = Pattern.compile("steps (\\d+) to (\\d+) repeat forever").matcher(result.reason());
		assertTrue(steps.find(), result.reason());
		assertEquals(loopStart, Integer.parseInt(steps.group(1)) - 1);
		Trace trace = Traces.of(layout, options, 1, result.moves(), loopStart);
		assertEquals(Trace.Ending.loop(loopStart), trace.ending());
		roundTrips(new TraceDocument("toggle.shall", "Toggle", null, Map.of(), 1, trace));
	}

	@Test
	void aCycleThatDoesNotCloseIsRefused() throws Exception {
		Procedure procedure = toggle();
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		ResponseChecker.Result result = new ResponseChecker().check(layout, options, 1, Obligation.of(procedure
				.getProperties().get(0)), 10_000, () -> null);
		List<Move> moves = result.path();
		// the initial state is not the state after the last move: the offer is not undone
		IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> Traces.of(layout, options,
				1, moves, 0));
		assertTrue(open.getMessage().contains("A.p is idle at the start, sent at the end"), open.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Traces.of(layout, options, 1, moves, moves.size()),
				"a cycle has a move");
		assertEquals(Trace.Ending.STOPS, Traces.of(layout, options, 1, moves, -1).ending());
		assertEquals(Trace.Ending.FINITE, Traces.of(layout, options, 1, moves).ending());
	}

	@Test
	void aReachedStepKnowsItsKindAndAFaultItsLane() throws Exception {
		Procedure procedure = Fixtures.load(Path.of("..", "examples", "more", "as-security-mode-command.shall"));
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		Obligation smcCompletes = Obligation.of(procedure.getProperties().stream().filter(p -> p.getName().equals(
				"smcCompletes")).findFirst().orElseThrow());
		Trace trace = counterexample(layout, options, 1, smcCompletes);
		assertEquals(Trace.Ending.STOPS, trace.ending(), "the command is lost and nothing retransmits it");
		TraceStep lost = trace.steps().stream().filter(s -> s.kind().isFault()).findFirst().orElseThrow();
		assertEquals(TraceStep.Kind.LOSS, lost.kind());
		assertEquals(new TraceStep.Lane("rrc", "ENB", "UE"), lost.lane());
		assertEquals(lost.lane().name(), lost.role());
		assertEquals("lost", lost.exchanges().get(0).kind());
		assertEquals(null, lost.file());
		Transition start = procedure.getTransitions().get(0);
		assertEquals(TraceStep.Kind.STEP, trace.steps().stream().filter(s -> s.step().equals(start.getName()))
				.findFirst().orElseThrow().kind());
	}

	/** Random documents whose every string may hold what JSON and the escaping must carry exactly. */
	@Test
	void randomDocumentsRoundTrip() {
		Random random = new Random(13);
		for (int n = 0; n < 300; n++) {
			int instances = 1 + random.nextInt(3);
			List<Map<String, String>> initial = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				initial.add(strings(random));
			}
			List<TraceStep> steps = new ArrayList<>();
			int length = random.nextInt(6);
			for (int k = 1; k <= length; k++) {
				TraceStep.Kind kind = TraceStep.Kind.values()[random.nextInt(TraceStep.Kind.values().length)];
				Map<String, String> state = strings(random);
				Map<String, String> changed = new LinkedHashMap<>();
				state.forEach((name, value) -> {
					if (random.nextBoolean()) {
						changed.put(name, value);
					}
				});
				List<Exchange> exchanges = new ArrayList<>();
				for (int e = random.nextInt(3); e > 0; e--) {
					exchanges.add(new Exchange(List.copyOf(Exchange.KINDS).get(random.nextInt(Exchange.KINDS.size())),
							text(random), text(random), text(random), text(random)));
				}
				boolean source = random.nextBoolean();
				steps.add(new TraceStep(k, random.nextInt(instances), kind, text(random), text(random), random
						.nextBoolean() ? text(random) : null, source ? text(random) : null, source ? random.nextInt(
								10_000) : 0, exchanges, state, changed, kind.isFault() ? new TraceStep.Lane(text(random),
										text(random), text(random)) : null));
			}
			Trace.Ending ending = length == 0 || random.nextInt(3) == 0 ? Trace.Ending.FINITE : random.nextBoolean()
					? Trace.Ending.STOPS : Trace.Ending.loop(random.nextInt(length));
			TraceDocument.Question question = random.nextBoolean() ? null : new TraceDocument.Question(List.of(
					"property", "dead-step", "bounds").get(random.nextInt(3)), text(random));
			if (length == 0 && question == null) {
				question = new TraceDocument.Question("property", text(random)); // an empty run shows a question
			}
			roundTrips(new TraceDocument(random.nextBoolean() ? text(random) : null, random.nextBoolean() ? text(
					random) : null, question, strings(random), instances, new Trace(initial, steps, ending)));
		}
	}

	private static final String[] PIECES = { "a", "UE.kasme", "K.k1", "→", "—", "\"", "\\", "/", "\u001b[2J", "\u0000",
			"\u007f", "\u009b", "\u202e", "\u2066", "\u2028", "\n", "\t", "\ud800", "\udc00", "\ud83d\ude00", "\ufeff",
			"\uffff", "</script>", "{\"x\": [1]}", " ", "" };

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(5); i > 0; i--) {
			text.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return text.toString();
	}

	private static Map<String, String> strings(Random random) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = random.nextInt(4); i > 0; i--) {
			values.put(text(random), text(random));
		}
		return values;
	}
}
