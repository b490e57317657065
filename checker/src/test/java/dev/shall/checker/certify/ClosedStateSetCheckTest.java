package dev.shall.checker.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.shall.checker.Fixtures;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.model.Property;

/**
 * The certificate of a breadth-first "holds": the encoding accepts the states seen as an
 * inductive invariant, and rejects a set with a reachable state missing.
 */
class ClosedStateSetCheckTest {

	@ParameterizedTest
	@ValueSource(strings = { "invariantHolds", "agreementHolds", "precedenceHolds", "freshnessHolds" })
	void reachableStatesOfAHoldingPropertyAreInductive(String name) {
		for (int instances = 1; instances <= 1; instances++) {
			CheckRequest request = request(name, instances);
			ExplicitChecker.Result result = new ExplicitChecker().check(request.layout(), request.options(), instances,
					request.obligation(), 100_000);
			assertEquals(Boolean.FALSE, result.violated(), name);
			List<ConcreteState> reachable = result.reachable();
			assertEquals(SatAnswer.UNSAT, ClosedStateSetCheck.escapes(request, reachable, Budget.of(10, Duration.ofSeconds(30))),
					name);

			// the initial state alone is not closed under steps (step 1 of A changes A's phase): refused
			assertEquals(SatAnswer.SAT, ClosedStateSetCheck.escapes(request, List.of(reachable.get(0)), Budget.of(10,
					Duration.ofSeconds(30))), name);
		}
	}

	private static CheckRequest request(String propertyName, int instances) {
		Procedure procedure = Fixtures.load("handshake.shall");
		Property property = procedure.getProperties().stream().filter(p -> p.getName().equals(propertyName)).findFirst()
				.orElseThrow();
		return new CheckRequest(new Layout(procedure), OptionAssignment.all(procedure).get(0), instances,
				Obligation.of(property));
	}
}
