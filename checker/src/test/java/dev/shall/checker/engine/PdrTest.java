package dev.shall.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.Fixtures;
import dev.shall.checker.certify.Certifier;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Transition;

/**
 * IC3/PDR ({@link Pdr}): it proves and refutes on small models, finds a counterexample far
 * deeper than breadth-first search finds cheaply, its proofs are checked by the certification
 * stage — which must refuse an invariant that is not one — and it agrees with the reference
 * interpreter's breadth-first search on every question of the handshake fixture.
 */
class PdrTest {

	@TempDir
	Path folder;

	private static CheckRequest request(Procedure procedure, Obligation obligation) {
		return new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1, obligation);
	}

	private Procedure procedure(String text) throws Exception {
		Path file = folder.resolve("p" + System.nanoTime() + ".shall");
		Files.writeString(file, text);
		return Fixtures.load(file);
	}

	private static Obligation property(Procedure procedure, String name) {
		return Obligation.of(procedure.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst()
				.orElseThrow());
	}

	/** A counter that wraps at 5 never reaches 7; 6 is unreachable too, but not by a bound: IC3 must find it. */
	private static final String WRAP = """
			procedure Wrap clause "test"
			role C { var n : 0..7 = 0  var m : 0..7 = 0 }
			step up clause "u": C may when n < 5 { n := n + 1  m := n }
			step wrap clause "w": C may when n == 5 { n := 0 }
			property neverSeven clause "p": never C.n == 7 or C.m == 7
			property neverFive clause "q": never C.n == 5 and C.m == 5
			""";

	@Test
	void provesWithACertifiedInductiveInvariant() throws Exception {
		Procedure procedure = procedure(WRAP);
		CheckRequest request = request(procedure, property(procedure, "neverSeven"));
		CheckResult result = Fixtures.certified(new Pdr(), request, Budget.of(40, Duration.ofSeconds(60)));
		assertEquals(Verdict.HOLDS, result.verdict(), result.reason());
		Claim.Invariant claim = assertInstanceOf(Claim.Invariant.class, result.claim());
		assertTrue(claim.clauses().size() > 0, "n = 6 and n = 7 are well-formed states: the invariant must exclude them");
		Certificate.InvariantClauses certificate = assertInstanceOf(Certificate.InvariantClauses.class, result
				.certificate());
		assertEquals(claim.clauses().size(), certificate.clauses().size());
		assertTrue(certificate.clauses().stream().allMatch(c -> c.contains("C.n") || c.contains("C.m")),
				"clauses over named bits: " + certificate.clauses());
	}

	@Test
	void refutesWithARunTheInterpreterReplays() throws Exception {
		Procedure procedure = procedure(WRAP);
		CheckRequest request = request(procedure, property(procedure, "neverFive"));
		CheckResult result = Fixtures.certified(new Pdr(), request, Budget.of(40, Duration.ofSeconds(60)));
		assertEquals(Verdict.VIOLATED, result.verdict(), result.reason());
		assertEquals(5, result.moves().size());
		assertInstanceOf(Certificate.ReplayedRun.class, result.certificate());
	}

	/**
	 * Three 5-bit counters: the violation needs 93 steps (a breadth-first search visits about
	 * 95,000 states to reach it; BMC must unroll 93 copies). IC3 finds it with one copy of the
	 * transition relation, its run replayed by the interpreter; the bounds are proved.
	 */
	@Test
	void findsTheDeepViolationOfThreeCountersAndProvesTheirBounds() throws Exception {
		Procedure procedure = Fixtures.load(Path.of(PdrTest.class.getResource("/cases/scale/kind-three-counters.shall")
				.toURI()));
		CheckResult deep = Fixtures.certified(new Pdr(), request(procedure, property(procedure, "neverAllFull")),
				Budget.of(40, Duration.ofSeconds(120)));
		assertEquals(Verdict.VIOLATED, deep.verdict(), deep.reason());
		assertEquals(93, deep.moves().size(), "every run to the bad state has 93 steps");
		assertTrue(deep.certified());
		CheckResult bounds = Fixtures.certified(new Pdr(), request(procedure, Obligation.bounds()), Budget.of(40,
				Duration.ofSeconds(60)));
		assertEquals(Verdict.HOLDS, bounds.verdict(), bounds.reason());
		assertTrue(bounds.certified());
	}

	/** The certification stage checks the invariant itself: a broken one is never certified. */
	@Test
	void certificationRefusesABrokenInvariant() throws Exception {
		Procedure procedure = procedure(WRAP);
		CheckRequest request = request(procedure, property(procedure, "neverSeven"));
		CheckResult proof = new Pdr().check(request, Budget.of(40, Duration.ofSeconds(60)), ProgressListener.NONE);
		InvariantClauses found = ((Claim.Invariant) proof.claim()).clauses();
		Certifier certifier = new Certifier();
		assertTrue(certifier.certify(request, proof, Budget.of(40, Duration.ofSeconds(60))).certified());

		// too weak: true excludes no bad state
		assertRefused(certifier, request, new InvariantClauses(found.bits(), List.of()));
		// not inductive: only one of the clauses needed (each alone lets a step reach n = 6 or 7)
		for (int[] clause : found.clauses()) {
			if (found.size() > 1) {
				assertRefused(certifier, request, new InvariantClauses(found.bits(), List.of(clause)));
			}
		}
		// false in the initial state: "n's lowest bit is 1"
		List<int[]> withFalse = new ArrayList<>(found.clauses());
		withFalse.add(new int[] { 0 });
		assertRefused(certifier, request, new InvariantClauses(found.bits(), withFalse));
		// about another state layout
		assertRefused(certifier, request, new InvariantClauses(found.bits() + 1, found.clauses()));
	}

	private static void assertRefused(Certifier certifier, CheckRequest request, InvariantClauses forged) {
		CheckResult claimed = CheckResult.of(request.obligation(), Verdict.HOLDS, "forged", 0, new Claim.Invariant(
				forged), null, CheckResult.Statistics.NONE);
		CheckResult checked = certifier.certify(request, claimed, Budget.of(40, Duration.ofSeconds(60)));
		assertFalse(checked.certified(), "a broken invariant of " + forged.size() + " clauses was certified");
		assertEquals(Verdict.UNKNOWN, certifier.decided(checked).verdict());
	}

	/** Every question of the handshake fixture (two roles, a lossy channel, every property kind IC3 takes). */
	@Test
	void agreesWithBreadthFirstSearchOnTheHandshake() {
		Procedure handshake = Fixtures.load("handshake.shall");
		List<Obligation> obligations = new ArrayList<>();
		for (Property property : handshake.getProperties()) {
			Obligation obligation = Obligation.of(property);
			if (dev.shall.checker.encoding.TransitionEncoding.supports(obligation)) {
				obligations.add(obligation);
			}
		}
		for (Transition transition : handshake.getTransitions()) {
			obligations.add(Obligation.reach(transition));
		}
		obligations.add(Obligation.bounds());
		for (Obligation obligation : obligations) {
			CheckRequest request = request(handshake, obligation);
			ExplicitChecker.Result reference = new ExplicitChecker().check(request.layout(), request.options(), 1,
					obligation, 100_000);
			CheckResult result = Fixtures.certified(new Pdr(), request, Budget.of(40, Duration.ofSeconds(60)));
			assertEquals(reference.violated() ? Verdict.VIOLATED : Verdict.HOLDS, result.verdict(), obligation.name()
					+ ": " + result.reason());
			assertTrue(result.certified(), obligation.name());
		}
	}
}
