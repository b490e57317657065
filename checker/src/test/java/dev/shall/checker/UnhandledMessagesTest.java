package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.cli.ShallCommand;
import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.ExplicitSearch;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * Unhandled messages (semantics §3.6, §7.4, ADR 0015) in both semantics: the question's verdicts
 * and shortest runs agree between breadth-first search (interpreter), BMC and k-induction (the
 * encoding), each certified by the other side; otherwise blocks and ignores are steps the encoding
 * takes exactly as the interpreter does; and the runner reports declared findings (§7.6).
 */
class UnhandledMessagesTest {

	/** A sends M twice; B takes M only once it is ready, which it becomes at some point. */
	private static final String EARLY = """
			procedure Early clause "1"
			role A { var sent : 0..2 = 0 }
			role B { var ready : bool = false  var got : 0..2 = 0 }
			channel c : A -> B capacity 2
			message M { v : 0..1 }
			step 1 clause "1": A shall when sent < 2 { sent := sent + 1  send M(v = sent - 1) on c }
			step 2 clause "2": B may when not ready { ready := true }
			step 3 clause "3": B shall receive M as m on c when ready and got < 2 { got := got + 1 }
			""";

	@TempDir
	Path folder;

	private Procedure load(String text) throws Exception {
		return Fixtures.load(Files.writeString(folder.resolve("t.shall"), text));
	}

	/** The question of M on c at B, answered by all three engines; they must agree, certified. */
	private static Verdict ask(Procedure procedure, int expectedLength) {
		Layout layout = new Layout(procedure);
		Lane lane = layout.lanes().stream().filter(l -> l.channel().getName().equals("c")).findFirst().orElseThrow();
		Obligation question = Obligation.unhandled(lane.messages().get(0), lane.channel(), lane.receiver());
		assertEquals("M on c at B is handled", question.name());
		CheckRequest request = new CheckRequest(layout, OptionAssignment.all(procedure).get(0), 1, question);
		Budget budget = Budget.of(20, Duration.ofSeconds(60));
		CheckResult explicit = Fixtures.certified(new ExplicitSearch(100_000), request, budget);
		CheckResult bmc = Fixtures.certified(new Bmc(), request, Budget.of(20, Duration.ofSeconds(60)));
		CheckResult induction = Fixtures.certified(new KInduction(), request, Budget.of(20, Duration.ofSeconds(60)));
		for (CheckResult result : List.of(explicit, bmc, induction)) {
			assertTrue(result.certified(), () -> result.engine() + ": " + result.verdict() + " " + result.reason());
			assertEquals(explicit.verdict(), result.verdict(), result.engine());
		}
		if (explicit.verdict() == Verdict.VIOLATED) {
			// semantics §7.4: the shortest run to the state where nothing takes the message
			assertEquals(expectedLength, explicit.moves().size());
			assertEquals(expectedLength, bmc.moves().size());
		}
		return explicit.verdict();
	}

	@Test
	void aMessageThatArrivesBeforeItsReceiverIsReadyIsUnhandled() throws Exception {
		assertEquals(Verdict.VIOLATED, ask(load(EARLY), 1));
	}

	@Test
	void aDeferOfTheEarlyArrivalAnswersTheQuestion() throws Exception {
		assertEquals(Verdict.HOLDS, ask(load(EARLY + "defer M on c at B when not ready\n"), 0));
	}

	@Test
	void aDeferThatDoesNotCoverEveryStateLeavesTheRest() throws Exception {
		// the defer reads the message: M(v = 1) waits, the first M (v = 0) at the head does not
		assertEquals(Verdict.VIOLATED, ask(load(EARLY + "defer M as m on c at B when not ready and m.v == 1\n"), 1));
		assertEquals(Verdict.HOLDS, ask(load(EARLY + "defer M as m on c at B when not ready and m.v == 0\n"), 0));
	}

	@Test
	void anOtherwiseBlockTakesWhatTheGuardRefuses() throws Exception {
		Procedure procedure = load(EARLY.replace("{ got := got + 1 }", "{ got := got + 1 } otherwise { }"));
		assertEquals(Verdict.HOLDS, ask(procedure, 0));
	}

	@Test
	void anIgnoreTakesWhatItsConditionCovers() throws Exception {
		assertEquals(Verdict.HOLDS, ask(load(EARLY + "ignore M on c at B when not ready\n"), 0));
		assertEquals(Verdict.VIOLATED, ask(load(EARLY + "ignore M as m on c at B when not ready and m.v == 1\n"), 1));
	}

	@Test
	void onAReorderingLaneEveryPositionIsDeliverable() throws Exception {
		// B takes only v == 1; FIFO: the first M (v = 0) blocks the head; reordering: it is still unhandled
		String fifo = EARLY.replace("when ready and got < 2", "when m.v == 1 and got < 2")
				.replace("step 2 clause \"2\": B may when not ready { ready := true }\n", "");
		assertEquals(Verdict.VIOLATED, ask(load(fifo), 1));
		String reordering = fifo.replace("capacity 2", "faults reordering capacity 2");
		assertEquals(Verdict.VIOLATED, ask(load(reordering), 1));
		assertEquals(Verdict.HOLDS, ask(load(reordering + "defer M as m on c at B when m.v == 0\n"), 0));
	}

	@Test
	void aMessageWhoseIntegrityCheckFailsIsNotAnArrival() throws Exception {
		// semantics §4.4: B's key differs from A's, so no M ever passes B's check; it is discarded, not unhandled
		String keyed = """
				procedure Keyed clause "1"
				key K { a, b }
				role A { var k : K = a  var sent : bool = false }
				role B { var k : K = b  var got : bool = false }
				channel c : A -> B integrity keyed by A.k and B.k capacity 1
				message M
				step 1 clause "1": A shall when not sent { sent := true  send M on c }
				step 3 clause "3": B shall receive M on c when false { got := true }
				""";
		assertEquals(Verdict.HOLDS, ask(load(keyed), 0));
		assertEquals(Verdict.VIOLATED, ask(load(keyed.replace("var k : K = b", "var k : K = a")), 1));
	}

	/**
	 * Semantics §3.6 is a translation into §3.1: every move of an otherwise block and an ignore the
	 * interpreter takes from a reachable state, the encoding takes too, into the same state.
	 */
	@Test
	void theEncodingTakesTheInterpretersOtherwiseAndIgnoreMoves() throws Exception {
		Procedure procedure = load(EARLY.replace("{ got := got + 1 }", "{ got := got + 1 } otherwise { ready := true }")
				.replace("message M { v : 0..1 }", "message M { v : 0..1 }\nmessage N")
				.replace("step 2 clause \"2\": B may when not ready { ready := true }",
						"step 2 clause \"2\": B may when not ready { send N on d }\nchannel d : B -> A capacity 1")
				+ "ignore N on d at A when sent > 0\n");
		Layout layout = new Layout(procedure);
		OptionAssignment options = OptionAssignment.all(procedure).get(0);
		Interpreter interpreter = new Interpreter(layout, options, 1);
		Set<ConcreteState> seen = new HashSet<>();
		ArrayDeque<ConcreteState> queue = new ArrayDeque<>(List.of(interpreter.initial()));
		int translated = 0;
		while (!queue.isEmpty()) {
			ConcreteState state = queue.poll();
			if (!seen.add(state)) {
				continue;
			}
			for (Interpreter.Outcome outcome : interpreter.successors(state)) {
				if (!outcome.taken()) {
					continue;
				}
				var transition = layout.actions().get(outcome.move().action()).transition();
				if (transition != null && transition.getKind() != dev.shall.model.TransitionKind.STEP) {
					translated++;
					StepAgreementTest.assertEncodingTakes(layout, options, state, outcome, "move " + layout.actions()
							.get(outcome.move().action()).name() + " from " + state);
				}
				queue.add(outcome.next());
			}
		}
		assertTrue(translated >= 2, "both an otherwise and an ignore move were taken: " + translated);
	}

	/** {@code shall check} with the text report written to a file; the exit code and the report. */
	private record Run(int code, String text) {
		@Override
		public String toString() {
			return text;
		}
	}

	private Run check(Path model) throws Exception {
		Path report = folder.resolve("report.txt");
		int code = ShallCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "check",
				"--out", "text=" + report, model.toString());
		return new Run(code, Files.readString(report));
	}

	@Test
	void theRunnerReportsDeclaredAndUndeclaredFindings() throws Exception {
		Path model = Files.writeString(folder.resolve("early.shall"), EARLY);
		Run out = check(model);
		int code = out.code();
		// undeclared: a warning, the exit code unchanged
		assertEquals(0, code, out.toString());
		assertTrue(out.toString().contains("UNHANDLED  M on c at B is handled"), out.toString());
		assertTrue(out.toString().contains("B: ready = false, got = 0"), out.toString());
		assertTrue(out.toString().contains("1 unhandled message;"), out.toString());

		Files.writeString(model, EARLY + "expect unhandled M on c\nexpect dead step 2\n");
		out = check(model);
		code = out.code();
		// declared, found: quiet; declared dead but reachable: differs (exit 1)
		assertEquals(1, code, out.toString());
		assertTrue(out.toString().contains("unhandled  M on c at B is handled  (declared)"), out.toString());
		assertTrue(out.toString().contains("reachable  step 2 can happen  [2]  ← expected violated"), out.toString());
		assertTrue(out.toString().contains("1 declared finding not found;"), out.toString());

		Files.writeString(model, EARLY + "defer M on c at B when not ready\nexpect unhandled M on c\n"
				+ "expect bounds violated\n");
		out = check(model);
		code = out.code();
		assertEquals(1, code, out.toString());
		assertTrue(out.toString().contains("handled    M on c at B is handled  ← expected violated"), out.toString());
		assertTrue(out.toString().contains("holds      within declared bounds  ← expected violated"), out.toString());
		assertFalse(out.toString().contains("UNHANDLED"), out.toString());
	}
}
