package dev.shall.checker.certify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.SymbolicState;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.Unrolling;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.QueuedMessage;
import dev.shall.checker.lowering.ConeOfInfluence;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.model.StateVariable;

/**
 * Checks the claim of a breadth-first "holds" ({@link dev.shall.checker.engine.Claim.ReachableStates})
 * with the other semantics: the SAT encoding is asked whether the states the search saw form an
 * inductive invariant that excludes the bad states — the initial state is one of them, no legal
 * step leads from one of them to a state outside, and none of them is bad. Three SAT questions on
 * one step, whatever the depth of the state space, where k-induction may need a depth as long as
 * the longest run. Its certificate is {@link dev.shall.checker.engine.Certificate.ClosedStateSet}.
 */
final class ClosedStateSetCheck {

	/**
	 * The most states written out as a disjunction; larger sets are left to k-induction (the cost
	 * grows faster than the set: about a second for 300 states, 20 to 60 s for 3,400).
	 */
	static final int MAX_STATES = 500;

	private ClosedStateSetCheck() {
	}

	/**
	 * {@link SatAnswer#UNSAT} when certified (no way out of the set), {@link SatAnswer#SAT} when the
	 * encoding finds one, {@link SatAnswer#UNKNOWN} when the budget ran out first.
	 */
	static SatAnswer escapes(CheckRequest request, List<ConcreteState> reachable, Budget budget) {
		try (Unrolling run = Certifier.unrolling(request, false, budget)) {
			TransitionEncoding encoding = run.encoding();
			Circuit circuit = run.circuit();
			List<SymbolicState> states = projected(request, reachable).stream().map(encoding::constantState).toList();
			SymbolicState from = run.state(0);
			int inside = member(encoding, circuit, from, states);
			SatAnswer initialOutside = run.satisfiable(Circuit.not(member(encoding, circuit, encoding.initialState(),
					states)));
			if (!initialOutside.isUnsat()) {
				return initialOutside;
			}
			SatAnswer badInside = run.satisfiable(circuit.and(inside, encoding.bad(from)));
			if (!badInside.isUnsat()) {
				return badInside;
			}
			run.extend();
			return run.satisfiable(circuit.and(inside, Circuit.not(member(encoding, circuit, run.state(1), states))));
		} catch (EncodingStopped stopped) {
			return SatAnswer.UNKNOWN;
		}
	}

	/**
	 * The states as the encoding sees them: it leaves variables and lanes outside the obligation's
	 * cone of influence at their initial values, so the states are compared on the rest.
	 */
	static Set<ConcreteState> projected(CheckRequest request, List<ConcreteState> reachable) {
		Layout layout = request.layout();
		ConeOfInfluence cone = new ConeOfInfluence(layout, request.obligation());
		ConcreteState initial = new Interpreter(layout, request.options(), request.instances()).initial();
		Set<ConcreteState> projected = new LinkedHashSet<>();
		for (ConcreteState state : reachable) {
			int[][] variables = new int[state.instances()][];
			List<List<List<QueuedMessage>>> queues = new ArrayList<>();
			QueuedMessage[][] replayable = new QueuedMessage[state.instances()][];
			for (int i = 0; i < state.instances(); i++) {
				variables[i] = state.variables()[i].clone();
				for (StateVariable variable : layout.variables()) {
					if (!cone.contains(variable)) {
						variables[i][layout.indexOf(variable)] = initial.variables()[i][layout.indexOf(variable)];
					}
				}
				List<List<QueuedMessage>> lanes = new ArrayList<>();
				replayable[i] = state.replayable()[i].clone();
				for (Lane lane : layout.lanes()) {
					boolean kept = cone.contains(lane);
					lanes.add(kept ? state.queues().get(i).get(lane.index()) : List.of());
					if (!kept) {
						replayable[i][lane.index()] = null;
					}
				}
				queues.add(lanes);
			}
			projected.add(new ConcreteState(variables, queues, replayable, state.lastInstance(), state.lastAction(),
					state.monitor()));
		}
		return projected;
	}

	private static int member(TransitionEncoding encoding, Circuit circuit, SymbolicState state,
			List<SymbolicState> states) {
		int result = Circuit.FALSE;
		for (SymbolicState candidate : states) {
			result = circuit.or(result, Circuit.not(encoding.differ(state, candidate)));
		}
		return result;
	}
}
