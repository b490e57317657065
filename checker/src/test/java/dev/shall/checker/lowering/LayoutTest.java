package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.shall.model.Channel;
import dev.shall.model.Fault;
import dev.shall.model.Procedure;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;

/**
 * The layout of an instance (semantics §2.1): variables in order, one lane per channel direction
 * (§4.1), the actions — steps and events, then each lane's faults (§3.1, §3.4, §4.2–§4.4) —
 * numbered by their position. Choices: {@link LayoutChoiceVectorsTest}.
 */
class LayoutTest {

	private final Procedure procedure = Procedures.lanes();
	private final Layout layout = new Layout(procedure);

	@Test
	void variablesAreNumberedRoleByRoleInDeclarationOrder() {
		List<String> names = layout.variables().stream().map(Layout::qualifiedName).toList();
		assertEquals(List.of("A.k", "A.n", "A.p", "B.k", "B.m", "B.dk", "C.seen"), names);
		for (int i = 0; i < names.size(); i++) {
			StateVariable variable = Procedures.variable(procedure, names.get(i));
			assertSame(variable, layout.variables().get(i));
			assertEquals(i, layout.indexOf(variable));
			assertSame(variable.getType(), layout.domain(variable).type());
		}
	}

	// semantics §4.1: A -> B has one lane, A <-> B two; channels in declaration order, A→B first
	@Test
	void oneLanePerChannelDirection() {
		List<String> names = layout.lanes().stream().map(Lane::name).toList();
		assertEquals(List.of("c(A→B)", "c(B→A)", "d(A→C)", "e(B→C)", "f(A→B)", "f(B→A)", "g(B→A)"), names);
		for (int i = 0; i < layout.lanes().size(); i++) {
			assertEquals(i, layout.lanes().get(i).index());
		}
		assertEquals(6, layout.maxLength(), "d replays: 3 messages and 3 copies");
	}

	@Test
	void theLaneOfARoleOnAChannelDependsOnTheDirection() {
		Channel c = Procedures.channel(procedure, "c");
		Channel d = Procedures.channel(procedure, "d");
		assertEquals("c(A→B)", layout.lane(c, Procedures.role(procedure, "A"), false).name());
		assertEquals("c(B→A)", layout.lane(c, Procedures.role(procedure, "A"), true).name());
		assertEquals("c(B→A)", layout.lane(c, Procedures.role(procedure, "B"), false).name());
		assertEquals("c(A→B)", layout.lane(c, Procedures.role(procedure, "B"), true).name());
		assertEquals("d(A→C)", layout.lane(d, Procedures.role(procedure, "C"), true).name());
		assertThrows(IllegalArgumentException.class, () -> layout.lane(d, Procedures.role(procedure, "C"), false));
		assertThrows(IllegalArgumentException.class, () -> layout.lane(d, Procedures.role(procedure, "B"), true));
	}

	/**
	 * semantics §3.1, §3.4, §4.2–§4.4: every step and event in declaration order, then, lane by lane,
	 * loss, duplication and replay where the channel has them and an integrity failure where it is
	 * keyed; reordering is a way to receive, not an action.
	 */
	@Test
	void actionsAreTransitionsThenEachLanesFaults() {
		List<String> expected = new ArrayList<>();
		for (Transition transition : procedure.getTransitions()) {
			expected.add(transition.getName());
		}
		expected.addAll(List.of("lose on c(A→B)", "duplicate on c(A→B)", "lose on c(B→A)", "duplicate on c(B→A)",
				"replay on d(A→C)", "integrity failure on f(A→B)", "integrity failure on f(B→A)"));
		assertEquals(expected, layout.actions().stream().map(Action::name).toList());
		assertEquals(9, procedure.getTransitions().size(), "eight steps and an event");
		for (int i = 0; i < layout.actions().size(); i++) {
			Action action = layout.actions().get(i);
			assertEquals(i, action.index(), "an action's number is its position");
			if (action.kind() == Action.Kind.TRANSITION) {
				assertSame(procedure.getTransitions().get(i), action.transition());
				assertNull(action.lane());
				assertSame(action, layout.action(action.transition()));
			} else {
				assertNull(action.transition());
			}
		}
	}

	@Test
	void faultActionsCountOnePerFaultOfEachLane() {
		long expected = 0;
		for (Lane lane : layout.lanes()) {
			expected += (lane.has(Fault.LOSS) ? 1 : 0) + (lane.has(Fault.DUPLICATION) ? 1 : 0) + (lane.has(
					Fault.REPLAY) ? 1 : 0) + (lane.keyed() ? 1 : 0);
		}
		long faults = layout.actions().stream().filter(a -> a.kind() != Action.Kind.TRANSITION).count();
		assertEquals(expected, faults);
		for (Action action : layout.actions()) {
			if (action.kind() != Action.Kind.TRANSITION) {
				Fault needed = switch (action.kind()) {
				case LOSE -> Fault.LOSS;
				case DUPLICATE -> Fault.DUPLICATION;
				case REPLAY -> Fault.REPLAY;
				default -> null;
				};
				if (needed != null) {
					assertEquals(true, action.lane().has(needed), action.name());
				} else {
					assertEquals(true, action.lane().keyed(), action.name());
				}
			}
		}
	}

	@Test
	void theKeyTagOfAKeyedLaneRangesOverTheSendersKey() {
		Lane ba = layout.lanes().get(5);
		assertEquals("f(B→A)", ba.name());
		assertSame(layout.domain(Procedures.variable(procedure, "B.k")), layout.macDomain(ba));
	}

	@Test
	void messageFieldsHaveTheirDomains() {
		var field = procedure.getMessages().get(0).getFields().get(0);
		assertEquals(4, layout.domain(field).size());
		assertEquals(0, layout.domain(field).value(0));
	}

	// semantics §2.4, as an author reads values
	@Test
	void valuesReadAsWritten() {
		assertEquals("true", layout.describe(Procedures.variable(procedure, "C.seen").getType(), 1));
		assertEquals("false", layout.describe(Procedures.variable(procedure, "C.seen").getType(), 0));
		assertEquals("3", layout.describe(Procedures.variable(procedure, "A.n").getType(), 3));
		assertEquals("busy", layout.describe(Procedures.variable(procedure, "A.p").getType(), 1));
		assertEquals("K.k2", layout.describe(Procedures.variable(procedure, "A.k").getType(), 1));
		assertEquals("2", layout.describe(Procedures.variable(procedure, "B.m").getType(), 2));
		assertEquals("none", layout.describe(Procedures.variable(procedure, "B.m").getType(), Domain.NONE));
		assertEquals("D(K.k2, 0)", layout.describe(Procedures.variable(procedure, "B.dk").getType(), 2));
	}
}
