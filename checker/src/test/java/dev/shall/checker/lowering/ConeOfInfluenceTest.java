package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.shall.checker.RandomProcedures;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;

/**
 * The cone of influence of an obligation: what it reads, the actions that can change that, and,
 * transitively, what those actions read. Checked on a procedure built for it, by name, and on
 * random procedures against what the cone is for: an action outside the cone never changes the
 * cone's part of a state, and what an action of the cone does to that part depends on nothing else.
 */
class ConeOfInfluenceTest {

	private static final Procedure CONE = Procedures.compile("""
			procedure Cone clause "t"
			key K { k1, k2 }
			role A { var a : 0..3 = 0  var b : 0..3 = 0  var u : 0..1 = 0  var k : K = k1 }
			role B { var x : 0..3 = 0  var y : 0..1 = 0  var z : bool = false  var k : K = k1 }
			channel c : A -> B faults lossy, duplicating capacity 1
			channel d : A -> B faults lossy capacity 1
			channel e : A -> B integrity keyed by A.k and B.k capacity 1
			message M { v : 0..3 }
			message N
			step 1 clause "1": A shall when a < 3 { a := a + 1 }
			step 2 clause "2": A shall when b < 3 { b := b + 1 }
			step 3 clause "3": A shall when a == 1 { send M(v = b) on c }
			step 4 clause "4": B shall receive M as m on c { x := m.v }
			step 5 clause "5": A shall when u == 0 { u := 1  send N on d }
			step 6 clause "6": B shall receive N on d { y := 1 }
			step 7 clause "7": A shall when u == 1 { send N on e }
			step 8 clause "8": B shall receive N on e { z := true }
			event rekey at A when k == k1 { k := k2 }
			property onX clause "p": never B.x == 2
			property onA clause "p": never A.a == 3
			property onZ clause "p": never B.z
			property onY clause "p": always B.y == 0
			property mentionsAStep clause "p": never step 6
			property response clause "p": A.a == 1 leads to B.x == 1
			""");

	private final Layout layout = new Layout(CONE);

	private void assertCone(Obligation obligation, Set<String> actions, Set<String> variables, Set<String> lanes) {
		ConeOfInfluence cone = new ConeOfInfluence(layout, obligation);
		Set<String> inActions = new TreeSet<>();
		for (Action action : layout.actions()) {
			if (cone.contains(action)) {
				inActions.add(action.name());
			}
		}
		Set<String> inVariables = new TreeSet<>();
		for (StateVariable variable : layout.variables()) {
			if (cone.contains(variable)) {
				inVariables.add(Layout.qualifiedName(variable));
			}
		}
		Set<String> inLanes = new TreeSet<>();
		for (Lane lane : layout.lanes()) {
			if (cone.contains(lane)) {
				inLanes.add(lane.name());
			}
		}
		String what = obligation.name();
		assertEquals(new TreeSet<>(actions), inActions, what + ": actions");
		assertEquals(new TreeSet<>(variables), inVariables, what + ": variables");
		assertEquals(new TreeSet<>(lanes), inLanes, what + ": lanes");
	}

	private static Obligation property(String name) {
		return Obligation.of(Procedures.property(CONE, name));
	}

	/** x is written by the receive of M on c, which step 3 fills from a and b, which steps 1 and 2 write. */
	@Test
	void theConeFollowsWhatWritesWhatItReads() {
		assertCone(property("onX"), Set.of("1", "2", "3", "4", "lose on c(A→B)", "duplicate on c(A→B)"),
				Set.of("B.x", "A.a", "A.b"), Set.of("c(A→B)"));
	}

	/** Step 3 reads a but writes only a lane outside the cone; steps 2 and 4 write other variables. */
	@Test
	void anActionThatWritesOnlyOutsideTheConeIsOutside() {
		assertCone(property("onA"), Set.of("1"), Set.of("A.a"), Set.of());
	}

	/**
	 * z is written by the receive on the keyed lane e: both keys and what changes them (rekey, and
	 * the integrity failure, which takes from e) join, and so does the sender's guard u, its writer
	 * step 5, the lane d a full queue would block it on, and what takes from d. Step 6 writes y,
	 * which nothing in the cone reads, so y stays out.
	 */
	@Test
	void aKeyedLaneBringsItsKeysAndFullLanesBlockSenders() {
		assertCone(property("onZ"), Set.of("5", "6", "7", "8", "rekey", "lose on d(A→B)",
				"integrity failure on e(A→B)"), Set.of("B.z", "A.k", "B.k", "A.u"), Set.of("d(A→B)", "e(A→B)"));
		assertCone(property("onY"), Set.of("5", "6", "lose on d(A→B)"), Set.of("B.y", "A.u"), Set.of("d(A→B)"));
	}

	// semantics §7.3: whether a step can happen depends on what enables it
	@Test
	void aReachabilityQuestionStartsFromItsStep() {
		assertCone(Obligation.reach(Procedures.transition(CONE, "4")), Set.of("1", "2", "3", "4", "lose on c(A→B)",
				"duplicate on c(A→B)"), Set.of("A.a", "A.b"), Set.of("c(A→B)"));
		assertCone(Obligation.reach(Procedures.transition(CONE, "1")), Set.of("1"), Set.of("A.a"), Set.of());
		assertCone(Obligation.reach(Procedures.transition(CONE, "rekey")), Set.of("rekey"), Set.of("A.k"), Set.of());
	}

	/**
	 * The bounds (any action may overflow), response properties (fairness concerns every shall
	 * step, semantics §5.3) and properties that observe which step came last (every action changes
	 * that) see everything.
	 */
	@Test
	void someQuestionsSeeEverything() {
		Set<String> actions = new HashSet<>();
		layout.actions().forEach(a -> actions.add(a.name()));
		Set<String> variables = new HashSet<>();
		layout.variables().forEach(v -> variables.add(Layout.qualifiedName(v)));
		Set<String> lanes = new HashSet<>();
		layout.lanes().forEach(l -> lanes.add(l.name()));
		for (Obligation obligation : List.of(Obligation.bounds(), property("mentionsAStep"), property("response"))) {
			assertCone(obligation, actions, variables, lanes);
		}
	}

	@Test
	void theConeIsClosedHere() {
		for (Property property : CONE.getProperties()) {
			checkClosed(layout, Obligation.of(property));
		}
		for (Transition transition : CONE.getTransitions()) {
			checkClosed(layout, Obligation.reach(transition));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 })
	void theConeIsClosedOnRandomProcedures(long seed) {
		Procedure procedure = Procedures.compile(new RandomProcedures(seed).generate("R" + seed));
		Layout random = new Layout(procedure);
		for (Property property : procedure.getProperties()) {
			checkClosed(random, Obligation.of(property));
		}
		for (Transition transition : procedure.getTransitions()) {
			checkClosed(random, Obligation.reach(transition));
		}
	}

	/**
	 * On the reachable states (up to 300) of one instance: (1) an action outside the cone leaves
	 * the cone's part of the state as it was; (2) two states with the same cone part offer the
	 * same moves of the cone's actions, with the same outcome on the cone part (taken, and where
	 * to, or blocked by a bound). Together: the cone's part evolves on its own, so leaving the rest
	 * out changes no answer about it.
	 */
	private static void checkClosed(Layout layout, Obligation obligation) {
		ConeOfInfluence cone = new ConeOfInfluence(layout, obligation);
		OptionAssignment options = OptionAssignment.all(layout.procedure()).get(0);
		Interpreter interpreter = new Interpreter(layout, options, 1);
		Map<List<Object>, Map<Move, List<Object>>> byPart = new HashMap<>();
		for (ConcreteState state : ExplicitChecker.reachable(layout, options, Obligation.bounds(), 300)) {
			List<Object> part = part(layout, cone, state);
			Map<Move, List<Object>> coneMoves = new HashMap<>();
			for (Interpreter.Outcome outcome : interpreter.successors(state)) {
				Action action = layout.actions().get(outcome.move().action());
				String where = obligation.name() + ", " + action.name() + " from " + describe(state);
				if (!cone.contains(action)) {
					if (outcome.taken()) {
						assertEquals(part, part(layout, cone, outcome.next()), "outside the cone, yet changes it: "
								+ where);
					}
				} else {
					coneMoves.put(outcome.move(), outcome.taken() ? part(layout, cone, outcome.next()) : List.of(
							"blocked"));
				}
			}
			Map<Move, List<Object>> other = byPart.putIfAbsent(part, coneMoves);
			if (other != null) {
				assertEquals(other, coneMoves, obligation.name() + ": the cone's actions depend on more than the cone, "
						+ "in " + describe(state));
			}
		}
		assertTrue(!byPart.isEmpty());
	}

	private static String describe(ConcreteState state) {
		return java.util.Arrays.toString(state.variables()[0]) + " " + state.queues().get(0);
	}

	/** The cone's part of instance 0: its variables, and its lanes' queues and replay registers. */
	private static List<Object> part(Layout layout, ConeOfInfluence cone, ConcreteState state) {
		List<Object> part = new ArrayList<>();
		for (StateVariable variable : layout.variables()) {
			if (cone.contains(variable)) {
				part.add(state.variables()[0][layout.indexOf(variable)]);
			}
		}
		for (Lane lane : layout.lanes()) {
			if (cone.contains(lane)) {
				part.add(state.queues().get(0).get(lane.index()));
				part.add(String.valueOf(state.replayable()[0][lane.index()]));
			}
		}
		return part;
	}
}
