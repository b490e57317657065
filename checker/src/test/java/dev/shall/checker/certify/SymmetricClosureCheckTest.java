package dev.shall.checker.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.shall.checker.Fixtures;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.Certificate;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.ExplicitSearch;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.SymmetricSearch;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;

/**
 * The certificate of a "holds" from the search reduced by symmetry (semantics §8.3, ADR 0019):
 * the encoding's steps from the states kept stay within their orbits, and a set with an orbit
 * missing is refused; the certification stage gives {@code closed-up-to-symmetry} for a set whose
 * orbits are too many to write out.
 */
class SymmetricClosureCheckTest {

	private static CheckRequest request(String property) {
		Procedure procedure = Fixtures.load(Path.of("src/test/resources/symmetry/peers.shall"));
		return new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), 3, Obligation.of(procedure
				.getProperties().stream().filter(p -> p.getName().equals(property)).findFirst().orElseThrow()));
	}

	@Test
	void theStatesKeptAreClosedUpToTheGroupAndAMissingOrbitIsAnEscape() {
		CheckRequest request = request("lastKnown");
		SymmetricSearch.Result reduced = new SymmetricSearch().check(request.layout(), request.options(), 3, request
				.obligation(), 100_000, () -> null);
		assertEquals(Boolean.FALSE, reduced.result().violated());
		List<ConcreteState> kept = reduced.result().reachable();
		Budget budget = Budget.of(10, Duration.ofSeconds(120));
		SymmetricClosureCheck.Answer closed = SymmetricClosureCheck.check(request, kept, reduced.symmetry(), budget);
		assertEquals(Boolean.TRUE, closed.closed(), closed.reason());

		// one orbit taken out (every state kept with its procedure state: the encoding does not keep the
		// last move for this property, so those differ only in what it does not see): the step that
		// reaches it leaves the set
		ConcreteState initial = kept.stream().filter(k -> k.lastAction() < 0).findFirst().orElseThrow();
		ConcreteState out = kept.stream().filter(k -> !java.util.Arrays.deepEquals(k.variables(), initial.variables()))
				.findFirst().orElseThrow();
		List<ConcreteState> missing = new ArrayList<>(kept);
		missing.removeIf(k -> java.util.Arrays.deepEquals(k.variables(), out.variables()) && k.queues().equals(out
				.queues()) && java.util.Arrays.deepEquals(k.replayable(), out.replayable()));
		assertEquals(Boolean.FALSE, SymmetricClosureCheck.check(request, missing, reduced.symmetry(), budget).closed());
	}

	@Test
	void theCertificationStageCertifiesTheReducedSearchsHolds() {
		CheckRequest request = request("lastKnown");
		Budget budget = Budget.of(10, Duration.ofSeconds(120));
		CheckResult result = new Certifier().certify(request, new ExplicitSearch(100_000).check(request, budget,
				dev.shall.checker.engine.ProgressListener.NONE), budget);
		assertInstanceOf(Certificate.ClosedUpToSymmetry.class, result.certificate(), result.certificate().describe());
		assertTrue(result.reason().contains("states up to symmetry"), result.reason());
	}
}
