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
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * Sessions with a shared role (semantics §1.3, §2.5–2.6, §3.7, §6; ADR 0018) in both semantics:
 * each rule meets a question whose verdict turns on it, answered by breadth-first search (the
 * interpreter), BMC and k-induction (the encoding), each certified by the other side.
 */
class SessionsTest {

	@TempDir
	Path folder;

	private Procedure load(String text) throws Exception {
		return Fixtures.load(Files.writeString(folder.resolve("t.shall"), text));
	}

	/** The question answered by the three engines with the given sessions; they agree, certified. */
	private static CheckResult ask(Procedure procedure, Obligation question, int sessions) {
		Layout layout = new Layout(procedure);
		CheckRequest request = new CheckRequest(layout, OptionAssignment.all(procedure).get(0), sessions, question);
		CheckResult explicit = Fixtures.certified(new ExplicitSearch(200_000), request, Budget.of(30, Duration
				.ofSeconds(60)));
		CheckResult bmc = Fixtures.certified(new Bmc(), request, Budget.of(30, Duration.ofSeconds(60)));
		CheckResult induction = Fixtures.certified(new KInduction(), request, Budget.of(30, Duration.ofSeconds(60)));
		for (CheckResult result : List.of(explicit, bmc, induction)) {
			assertTrue(result.certified(), () -> result.engine() + ": " + result.verdict() + " " + result.reason());
			assertEquals(explicit.verdict(), result.verdict(), result.engine());
		}
		return explicit;
	}

	private static Obligation property(Procedure procedure, String name) {
		return Obligation.of(procedure.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst()
				.orElseThrow());
	}

	/** A counter of the shared role that every session increments once. */
	private static final String COUNTER = """
			procedure Counter clause "1"
			role UE { var done : bool = false }
			role MME shared { var served : 0..3 = 0  var mine : bool = false per session }
			channel s1 : UE -> MME capacity 1
			message Attach
			step 1 clause "1": UE shall when not done { send Attach on s1  done := true }
			step 2 clause "2": MME shall receive Attach on s1 { served := served + 1  mine := true }
			property atMostOne clause "p": never MME.served == 2
			property mineOnce clause "q": never MME.mine and MME.served == 0
			""";

	@Test
	void aSharedVariableIsOneValueForEverySession() throws Exception {
		Procedure procedure = load(COUNTER);
		// §1.3: session 1's attach counts in the value session 0's property reads
		assertEquals(Verdict.HOLDS, ask(procedure, property(procedure, "atMostOne"), 1).verdict());
		CheckResult two = ask(procedure, property(procedure, "atMostOne"), 2);
		assertEquals(Verdict.VIOLATED, two.verdict());
		assertEquals(4, two.moves().size());
		// the per-session flag is not shared: it is set only with the count
		assertEquals(Verdict.HOLDS, ask(procedure, property(procedure, "mineOnce"), 2).verdict());
	}

	/** The SeGW locates the entry by the identity in the message; two UEs may pick the same one. */
	private static final String LOOKUP = """
			procedure Lookup clause "1"
			identity IDi pool 2
			role UE { var idi : IDi? = none  var own : IDi = unique  var authed : bool = false }
			role SeGW shared { var idi : IDi? = none per session  var wrong : bool = false per session }
			channel wlan : UE -> SeGW capacity 1
			channel xw : UE -> SeGW capacity 1
			message Provision { idi : IDi? }
			message Auth { idi : IDi? }
			step 1 clause "1": UE shall when idi == none { idi := CHOICE  send Provision(idi = idi) on xw }
			step 2 clause "2": SeGW shall receive Provision as p on xw { idi := p.idi }
			step 3 clause "3": UE shall when idi != none and not authed { send Auth(idi = idi) on wlan  authed := true }
			step 4 clause "4": SeGW shall receive Auth as m on wlan lookup e where e.idi == m.idi {
			  wrong := e.idi != idi or not (some s where s.idi == m.idi)
			}
			property ownEntry clause "p": never SeGW.wrong
			property distinct clause "q": never UE.own == other.UE.own
			instances 2
			""";

	@Test
	void aLookupLocatesEverySessionWhoseEntryMatches() throws Exception {
		// identities unique per session: the lookup only ever finds the session's own entry
		Procedure unique = load(LOOKUP.replace("CHOICE", "own"));
		assertEquals(Verdict.HOLDS, ask(unique, property(unique, "ownEntry"), 2).verdict());
		assertEquals(Verdict.HOLDS, ask(unique, property(unique, "distinct"), 2).verdict());
		// any of the pool: two sessions can hold the same IDi, and the lookup may take the other's entry
		// (semantics §3.7: one move per matching entry) while the own one is not provisioned yet: both
		// pick IDi#1, session 1's entry arrives, session 0 authenticates and is given session 1's entry
		Procedure any = load(LOOKUP.replace("CHOICE", "any IDi"));
		CheckResult collision = ask(any, property(any, "ownEntry"), 2);
		assertEquals(Verdict.VIOLATED, collision.verdict());
		assertEquals(5, collision.moves().size());
	}

	@Test
	void noMatchingEntryLeavesTheMessageUnhandled() throws Exception {
		// the UE authenticates before its entry is provisioned: no session's entry matches (§3.7, §7.4)
		Procedure procedure = load(LOOKUP.replace("CHOICE", "own"));
		Layout layout = new Layout(procedure);
		Lane wlan = layout.lanes().stream().filter(l -> l.channel().getName().equals("wlan")).findFirst()
				.orElseThrow();
		CheckResult result = ask(procedure, Obligation.unhandled(wlan.messages().get(0), wlan.channel(), wlan
				.receiver()), 2);
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertEquals(2, result.moves().size());
	}

	/** Session-specific state a property compares across sessions (§2.6). */
	@Test
	void otherReadsAnotherSessionsCopy() throws Exception {
		String text = """
				procedure Keys clause "1"
				identity K pool 2
				role UE { var k : K? = none }
				step 1 clause "1": UE shall when k == none { k := any K }
				property differ clause "p": never UE.k != none and UE.k == other.UE.k
				instances 2
				""";
		Procedure procedure = load(text);
		CheckResult result = ask(procedure, property(procedure, "differ"), 2);
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertEquals(2, result.moves().size());
	}
}
