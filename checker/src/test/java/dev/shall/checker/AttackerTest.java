package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.ExplicitSearch;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * The attacker (semantics §4.5, §6.7; ADR 0021) in both semantics: each rule meets a question
 * whose verdict turns on it, with the verdict written by hand from the rule, answered by
 * breadth-first search (the interpreter), BMC and k-induction (the encoding), each certified by
 * the other side.
 */
class AttackerTest {

	@TempDir
	Path folder;

	private Procedure load(String text) throws Exception {
		return Fixtures.load(Files.writeString(folder.resolve("t.shall"), text));
	}

	/** The question answered by the three engines; they agree, certified. */
	private static CheckResult ask(Procedure procedure, Obligation question, int combination) {
		Layout layout = new Layout(procedure);
		CheckRequest request = new CheckRequest(layout, OptionAssignment.all(procedure).get(combination), procedure
				.getInstances(), question);
		CheckResult explicit = Fixtures.certified(new ExplicitSearch(200_000), request, Budget.of(30, Duration
				.ofSeconds(60)));
		CheckResult bmc = Fixtures.certified(new Bmc(), request, Budget.of(30, Duration.ofSeconds(60)));
		CheckResult induction = Fixtures.certified(new KInduction(), request, Budget.of(30, Duration.ofSeconds(60)));
		for (CheckResult result : List.of(explicit, bmc, induction)) {
			// an attacker may act forever: BMC proves nothing when no bound ends every run, and says so
			if (result == bmc && explicit.verdict() == Verdict.HOLDS && result.verdict() == Verdict.UNKNOWN) {
				continue;
			}
			assertTrue(result.certified(), () -> result.engine() + ": " + result.verdict() + " " + result.reason());
			assertEquals(explicit.verdict(), result.verdict(), result.engine());
		}
		return explicit;
	}

	private static Verdict verdict(Procedure procedure, String property) {
		return verdict(procedure, property, 0);
	}

	private static Verdict verdict(Procedure procedure, String property, int combination) {
		return ask(procedure, Obligation.of(procedure.getProperties().stream().filter(p -> p.getName().equals(property))
				.findFirst().orElseThrow()), combination).verdict();
	}

	/** The MME sends KASME in a field, a proof of it, and a derived key under ciphering. */
	private static final String LEARN = """
			procedure Learn clause "1"
			attacker "eavesdropper"
			key KASME { current, old }
			key KNAS = nas(KASME, alg: 0..1)
			key KENC { e1, e2 }
			role UE { var kenc : KENC? = KENC.e1  var got : KNAS? = none }
			role MME { var kasme : KASME? = KASME.current  var kenc : KENC? = KENC.e1  var done : 0..3 = 0 }
			channel air : MME -> UE unprotected attacker eavesdrop capacity 3
			channel rrc : MME -> UE ciphered keyed by MME.kenc and UE.kenc attacker eavesdrop capacity 3
			message Proof { p : proof of KASME? }
			message Clear { k : KASME? }
			message Hidden { n : KNAS? }
			message Ciph { e : KENC? }
			option what { withProof, clear, hidden, hiddenAfterLeak }
			step 1 clause "1": MME shall when done == 0 and what == withProof { done := 1  send Proof(p = kasme) on air }
			step 2 clause "2": MME shall when done == 0 and what == clear { done := 1  send Clear(k = kasme) on air }
			step 3 clause "3": MME shall when done == 0 and (what == hidden or what == hiddenAfterLeak) {
			  done := 1  send Hidden(n = KNAS(kasme, 1)) on rrc }
			step 4 clause "4": MME shall when done == 1 and what == hiddenAfterLeak { done := 2  send Ciph(e = kenc) on air }
			step 5 clause "5": MME shall when done == 2 { done := 3  send Hidden(n = KNAS(kasme, 0)) on rrc }
			property kasme clause "p": secret MME.kasme
			property child clause "q": never attacker knows KNAS(KASME.current, 1)
			""";

	@Test
	void theAttackerLearnsTheKeysItSeesButNotFromProofs() throws Exception {
		Procedure procedure = load(LEARN);
		// option order: proof, clear, hidden, hiddenAfterLeak
		assertEquals(Verdict.HOLDS, verdict(procedure, "kasme", 0), "a proof of KASME does not give KASME");
		assertEquals(Verdict.VIOLATED, verdict(procedure, "kasme", 1), "KASME in the clear");
		// knowing the parent gives every child (derivations are one-way and their inputs public)
		assertEquals(Verdict.VIOLATED, verdict(procedure, "child", 1));
		// ciphered under a key the attacker does not know: nothing learnt; the child never gives the parent
		assertEquals(Verdict.HOLDS, verdict(procedure, "child", 2));
		assertEquals(Verdict.HOLDS, verdict(procedure, "kasme", 2));
		// the ciphertext of KNAS(KASME, 1) is recorded; once the ciphering key leaks, the attacker opens
		// it (a Dolev-Yao attacker keeps what it saw) — but a child never gives KASME
		assertEquals(Verdict.VIOLATED, verdict(procedure, "child", 3));
		assertEquals(Verdict.HOLDS, verdict(procedure, "kasme", 3));
	}

	@Test
	void aCipheredMessageIsReadWhenItsKeyIsKnown() throws Exception {
		Procedure procedure = load(LEARN.replace("property child clause \"q\": never attacker knows KNAS(KASME.current, 1)",
				"property child clause \"q\": never attacker knows KNAS(KASME.current, 0)"));
		assertEquals(Verdict.VIOLATED, verdict(procedure, "child", 3), "leaked KENC opens the later Hidden");
		assertEquals(Verdict.HOLDS, verdict(procedure, "child", 2));
	}

	/** A detach the UE accepts on a channel: unprotected, or integrity protected with a key. */
	private static final String INJECT = """
			procedure Inject clause "1"
			attacker "fake base station" KNOWLEDGE
			key KNAS { current, old }
			role UE { var knas : KNAS? = KNAS.current  var detached : bool = false  var smcs : 0..3 = 0 }
			role MME { var knas : KNAS? = KNAS.current  var sent : bool = false }
			channel air : MME -> UE PROTECTION capacity 1
			message Detach
			step 1 clause "1": MME may "detach" when not sent { sent := true  send Detach on air }
			step 2 clause "2": UE shall receive Detach on air { detached := true }
			property onlyTheNetwork clause "p": authentic Detach on air
			property detachedByMme clause "q": step 1 before UE.detached
			""";

	@Test
	void anInjectionIsAcceptedOnlyWhereItsProtectionPasses() throws Exception {
		Procedure open = load(INJECT.replace("KNOWLEDGE", "").replace("PROTECTION", "unprotected"));
		assertEquals(Verdict.VIOLATED, verdict(open, "onlyTheNetwork"));
		assertEquals(Verdict.VIOLATED, verdict(open, "detachedByMme"));
		CheckResult run = ask(open, Obligation.of(open.getProperties().get(0)), 0);
		assertEquals(2, run.moves().size(), "inject, accept");
		// integrity protected with a key the attacker does not know: a guess fails the check (§4.4)
		Procedure keyed = load(INJECT.replace("KNOWLEDGE", "").replace("PROTECTION",
				"integrity keyed by MME.knas and UE.knas"));
		assertEquals(Verdict.HOLDS, verdict(keyed, "onlyTheNetwork"));
		assertEquals(Verdict.HOLDS, verdict(keyed, "detachedByMme"));
		// ... and with the key known, the attacker's MAC verifies
		Procedure known = load(INJECT.replace("KNOWLEDGE", "knows KNAS.current").replace("PROTECTION",
				"integrity keyed by MME.knas and UE.knas"));
		assertEquals(Verdict.VIOLATED, verdict(known, "onlyTheNetwork"));
		// knowing another key is no help
		Procedure other = load(INJECT.replace("KNOWLEDGE", "knows KNAS.old").replace("PROTECTION",
				"integrity keyed by MME.knas and UE.knas"));
		assertEquals(Verdict.HOLDS, verdict(other, "onlyTheNetwork"));
	}

	@Test
	void beforeTheReceiverHasAKeyAnUnprotectedInjectionPasses() throws Exception {
		// semantics §4.5: a message protected with none passes while the receiver's key is none
		Procedure procedure = load(INJECT.replace("KNOWLEDGE", "").replace("PROTECTION",
				"integrity keyed by MME.knas and UE.knas").replace("var knas : KNAS? = KNAS.current  var detached",
						"var knas : KNAS? = none  var detached"));
		assertEquals(Verdict.VIOLATED, verdict(procedure, "onlyTheNetwork"));
	}

	@Test
	void injectionsNeverBlockTheProcedureNorOverflowTheLane() throws Exception {
		// the attacker fills the lane with its own messages: the MME's send still goes in (§4.3, §4.5)
		Procedure procedure = load(INJECT.replace("KNOWLEDGE", "").replace("PROTECTION", "unprotected"));
		assertEquals(Verdict.HOLDS, ask(procedure, Obligation.bounds(), 0).verdict());
		assertEquals(Verdict.VIOLATED, ask(procedure, Obligation.reach(procedure.getTransitions().get(0)), 0).verdict(),
				"step 1 can happen");
	}

	/** A replaying attacker only: every accepted Detach was sent by the MME, but one send is accepted twice. */
	private static final String REPLAY = """
			procedure Replay clause "1"
			attacker "replayer"
			role UE { var detaches : 0..2 = 0 }
			role MME { var sent : bool = false }
			channel air : MME -> UE unprotected attacker replay capacity 1
			message Detach
			step 1 clause "1": MME may "detach" when not sent { sent := true  send Detach on air }
			step 2 clause "2": UE shall receive Detach on air when detaches < 2 { detaches := detaches + 1 }
			property onlyTheNetwork clause "p": authentic Detach on air
			property eachItsOwn clause "q": each step 2 preceded by step 1
			""";

	@Test
	void aReplayIsAuthenticButNotInjective() throws Exception {
		Procedure procedure = load(REPLAY);
		assertEquals(Verdict.HOLDS, verdict(procedure, "onlyTheNetwork"));
		assertEquals(Verdict.VIOLATED, verdict(procedure, "eachItsOwn"));
	}

	@Test
	void sessionsShareOneAttacker() throws Exception {
		// each session's UE leaks one key term of its choice, once: one session alone can leak one term,
		// two sessions both, because the attacker is one for all sessions (§1.3, §4.5)
		String text = """
				procedure Shared clause "1"
				attacker "one attacker"
				key K { a, b }
				role UE { var k : K? = none  var leaked : bool = false }
				role Net { var k : K? = none }
				channel air : UE -> Net unprotected attacker eavesdrop capacity 1
				message Leak { k : K? }
				step 1 clause "1": UE may "leak" when not leaked {
				  leaked := true  either { k := K.a } or { k := K.b }  send Leak(k = k) on air }
				property both clause "p": never attacker knows K.a and attacker knows K.b
				instances NUMBER
				""";
		assertEquals(Verdict.HOLDS, verdict(load(text.replace("NUMBER", "1")), "both"));
		assertEquals(Verdict.VIOLATED, verdict(load(text.replace("NUMBER", "2")), "both"));
	}

	@Test
	void injectionsAreNotAskedWhetherTheyCanHappen() throws Exception {
		Procedure procedure = load(INJECT.replace("KNOWLEDGE", "").replace("PROTECTION", "unprotected"));
		assertTrue(procedure.getTransitions().stream().anyMatch(t -> !Obligation.asksReachability(t)));
		assertTrue(procedure.getTransitions().stream().filter(t -> !Obligation.asksReachability(t)).allMatch(t -> t
				.getName().startsWith("attacker injects ")));
	}
}
