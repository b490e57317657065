package dev.shall.checker.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.Fixtures;
import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.Certificate;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Claim;
import dev.shall.checker.engine.Engine;
import dev.shall.checker.engine.ExplicitLiveness;
import dev.shall.checker.engine.ExplicitSearch;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.LassoBmc;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Strengthening;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * The certification stage (semantics §8.2, ADR 0009): each kind of claim gets its certificate when
 * it is true, and a forged claim of each kind — a run that does not end in a bad state, a
 * completeness bound too shallow, an induction depth that does not suffice, a lasso that does not
 * close — is refused and reported unknown.
 */
class CertifierTest {

	private static final Procedure HANDSHAKE = Fixtures.load("handshake.shall");

	private final Certifier certifier = new Certifier();

	@Test
	void everyTrueClaimGetsTheCertificateOfItsKind() {
		assertInstanceOf(Certificate.ReplayedRun.class, certified(new Bmc(), "invariantViolated").certificate());
		assertInstanceOf(Certificate.AcceptedRun.class, certified(new ExplicitSearch(10_000), "invariantViolated")
				.certificate());
		// semantics §8.2: the encoding's own search first; the closed-set check where it stops short
		assertInstanceOf(Certificate.EncodingGraph.class, certified(new ExplicitSearch(10_000), "invariantHolds")
				.certificate());
		CheckRequest holds = request("invariantHolds");
		Certifier shortSearch = new Certifier(Certifier.Scope.EVERY_VERDICT, 1);
		assertInstanceOf(Certificate.ClosedStateSet.class, shortSearch.certify(holds, new ExplicitSearch(10_000).check(
				holds, budget(), ProgressListener.NONE), budget()).certificate());
		CheckResult induction = certified(new KInduction(), "invariantHolds");
		Certificate.InductiveInvariant invariant = assertInstanceOf(Certificate.InductiveInvariant.class, induction
				.certificate());
		assertEquals(((Claim.KInductive) induction.claim()).invariant().size(), invariant.clauses().size());
		invariant.clauses().forEach(clause -> assertTrue(clause.startsWith("never "), clause));
	}

	@Test
	void proofsAreReprovedAtTheirDepthAndNotAtAShallowerOne(@TempDir Path folder) throws Exception {
		// runs end after two steps; "n <= 2" is not 0-inductive (n = 3 is in range) but 1-inductive
		Procedure procedure = Fixtures.load(Files.writeString(folder.resolve("c.shall"), """
				procedure C clause "t"
				role A { var n : 0..3 = 0 }
				step inc clause "1": A shall when n < 2 { n := n + 1 }
				property bounded clause "b": always A.n <= 2
				"""));
		CheckRequest request = new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1,
				Obligation.of(procedure.getProperties().get(0)));
		CheckResult bmc = certifier.certify(request, new Bmc().check(request, budget(), ProgressListener.NONE),
				budget());
		assertEquals(new Claim.Completeness(2), bmc.claim());
		assertEquals(new Certificate.CompletenessBound(2), bmc.certificate());
		assertRefused(CheckResult.of(request.obligation(), Verdict.HOLDS, "forged", 1, new Claim.Completeness(1), null,
				CheckResult.Statistics.NONE), request);

		CheckResult induction = certifier.certify(request, new KInduction(false).check(request, budget(),
				ProgressListener.NONE), budget());
		assertEquals(new Claim.KInductive(1, Strengthening.NONE), induction.claim());
		assertEquals(new Certificate.InductiveInvariant(1, List.of()), induction.certificate());
		assertRefused(CheckResult.of(request.obligation(), Verdict.HOLDS, "forged", 0, new Claim.KInductive(0,
				Strengthening.NONE), null, CheckResult.Statistics.NONE), request);
	}

	@Test
	void aRunThatEndsInAGoodStateIsRefusedByEitherSemantics() {
		CheckRequest request = request("invariantViolated");
		CheckResult real = certified(new ExplicitSearch(10_000), "invariantViolated");
		List<Move> shorter = real.moves().subList(0, real.moves().size() - 1);
		for (Claim.Semantics foundBy : Claim.Semantics.values()) {
			assertRefused(CheckResult.of(request.obligation(), Verdict.VIOLATED, "forged", shorter.size(), new Claim.Run(
					shorter, foundBy), null, CheckResult.Statistics.NONE), request);
		}
	}

	@Test
	void aStateSetThatIsNotClosedFallsBackToTheEncodingsOwnSearch() {
		// the set is only a hint: the encoding decides. A set missing states on a holding property is
		// not closed, and the encoding's search certifies instead; on a violated property it refuses
		CheckRequest holds = request("invariantHolds");
		CheckResult exact = certified(new ExplicitSearch(10_000), "invariantHolds");
		var all = ((Claim.ReachableStates) new ExplicitSearch(10_000).check(holds, budget(), ProgressListener.NONE)
				.claim()).states();
		CheckResult partial = CheckResult.of(holds.obligation(), Verdict.HOLDS, "forged", 0, new Claim.ReachableStates(
				all.subList(0, 1)), null, CheckResult.Statistics.NONE);
		assertInstanceOf(Certificate.EncodingGraph.class, certifier.certify(holds, partial, budget()).certificate());
		assertInstanceOf(Certificate.EncodingGraph.class, exact.certificate());
		// with the search cut short, the partial set is not closed: no certificate, never "certified"
		Certifier shortSearch = new Certifier(Certifier.Scope.EVERY_VERDICT, 1);
		assertInstanceOf(Certificate.Missing.class, shortSearch.certify(holds, partial, budget()).certificate());

		CheckRequest violated = request("invariantViolated");
		CheckResult forged = CheckResult.of(violated.obligation(), Verdict.HOLDS, "forged", 0, new Claim.ReachableStates(
				all.subList(0, 1)), null, CheckResult.Statistics.NONE);
		assertRefused(forged, violated);
	}

	@Test
	void aLassoThatDoesNotCloseIsRefused(@TempDir Path folder) throws Exception {
		Procedure procedure = Fixtures.load(Files.writeString(folder.resolve("r.shall"), """
				procedure R clause "t"
				enum P { idle, sent }
				role A { var p : P = idle }
				role B { var got : bool = false  var ready : bool = false }
				channel c : A -> B reliable capacity 1
				message M
				step offer clause "1": A shall when p == idle { send M on c  p := sent }
				step take clause "2": B shall receive M on c when ready { got := true }
				step flip clause "3": B shall { ready := not ready }
				property answered clause "r": step offer leads to B.got
				"""));
		CheckRequest request = new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 1,
				Obligation.of(procedure.getProperties().get(0)));
		CheckResult lasso = certifier.certify(request, new ExplicitLiveness(10_000).check(request, budget(),
				ProgressListener.NONE), budget());
		assertEquals(Verdict.VIOLATED, lasso.verdict());
		Claim.Lasso claim = (Claim.Lasso) lasso.claim();
		assertEquals(new Certificate.ReplayedLasso(claim.moves().size(), claim.loopStart()), lasso.certificate());
		assertEquals(claim.loopStart(), lasso.loopStart());
		// the same run with the cycle said to start elsewhere does not return to its start
		int elsewhere = claim.loopStart() == 0 ? 1 : 0;
		assertRefused(CheckResult.of(request.obligation(), Verdict.VIOLATED, "forged", claim.moves().size(),
				new Claim.Lasso(claim.moves(), elsewhere), null, CheckResult.Statistics.NONE), request);
		CheckResult bmc = certifier.certify(request, new LassoBmc().check(request, Budget.of(10, Duration.ofSeconds(
				30)), ProgressListener.NONE), budget());
		assertInstanceOf(Certificate.ReplayedLasso.class, bmc.certificate());
	}

	@Test
	void theQuickChecksScopeLeavesTheBreadthFirstAnswersUnchecked() {
		Certifier quick = new Certifier(Certifier.Scope.QUICK);
		CheckRequest holds = request("invariantHolds");
		CheckResult unchecked = quick.certify(holds, new ExplicitSearch(10_000).check(holds, budget(),
				ProgressListener.NONE), budget());
		assertSame(Certificate.NOT_CHECKED, unchecked.certificate(), "closing the state set takes SAT calls");
		assertEquals(Verdict.HOLDS, quick.decided(unchecked).verdict(), "ADR 0006: the editor shows it, uncertified");
		assertEquals(Verdict.UNKNOWN, certifier.decided(unchecked).verdict(), "shall check never reports it decided");

		CheckRequest violated = request("invariantViolated");
		CheckResult found = new Bmc().check(violated, budget(), ProgressListener.NONE);
		assertInstanceOf(Certificate.ReplayedRun.class, quick.certify(violated, found, budget()).certificate());
		CheckResult searched = new ExplicitSearch(10_000).check(violated, budget(), ProgressListener.NONE);
		assertSame(Certificate.NOT_CHECKED, quick.certify(violated, searched, budget()).certificate(),
				"the encoding's acceptance of the run takes a SAT call");

		// a check that fails makes the verdict unknown, in the editor too
		List<Move> shorter = found.moves().subList(0, found.moves().size() - 1);
		CheckResult forged = quick.certify(violated, CheckResult.of(violated.obligation(), Verdict.VIOLATED, "forged",
				shorter.size(), new Claim.Run(shorter, Claim.Semantics.ENCODING), null, CheckResult.Statistics.NONE),
				budget());
		assertEquals(Verdict.UNKNOWN, quick.decided(forged).verdict());
	}

	@Test
	void anAlreadyCheckedResultIsNotCheckedAgain() {
		CheckRequest request = request("invariantViolated");
		CheckResult refused = CheckResult.of(request.obligation(), Verdict.VIOLATED, "forged", 0, new Claim.Run(List
				.of(), Claim.Semantics.ENCODING), null, CheckResult.Statistics.NONE).withCertificate(new Certificate.Missing(
						"checked before"));
		assertSame(refused, certifier.certify(request, refused, budget()));
	}

	private void assertRefused(CheckResult forged, CheckRequest request) {
		CheckResult checked = certifier.certify(request, forged, budget());
		assertFalse(checked.certified(), () -> "certified a forged claim " + forged.claim() + ": " + checked
				.certificate());
		CheckResult reported = certifier.decided(checked);
		assertEquals(Verdict.UNKNOWN, reported.verdict());
		assertTrue(reported.reason().contains("but not certified: " + checked.certificate().describe()), reported
				::reason);
	}

	private CheckResult certified(Engine engine, String property) {
		CheckRequest request = request(property);
		return certifier.certify(request, engine.check(request, budget(), ProgressListener.NONE), budget());
	}

	private static Budget budget() {
		return Budget.of(30, Duration.ofSeconds(60));
	}

	private static CheckRequest request(String property) {
		return new CheckRequest(new Layout(HANDSHAKE), OptionAssignment.all(HANDSHAKE).get(0), 1, Obligation.of(HANDSHAKE
				.getProperties().stream().filter(p -> p.getName().equals(property)).findFirst().orElseThrow()));
	}
}
