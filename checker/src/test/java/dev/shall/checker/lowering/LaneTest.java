package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.shall.model.Fault;
import dev.shall.model.MessageType;
import dev.shall.model.Procedure;

/** Lanes against semantics §4: one per channel direction, capacity, copies and length, keys. */
class LaneTest {

	private final Procedure procedure = Procedures.lanes();
	private final Layout layout = new Layout(procedure);

	private Lane lane(String name) {
		return layout.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(
				() -> new AssertionError("no lane " + name + " among " + layout.lanes().stream().map(Lane::name)
						.toList()));
	}

	private MessageType message(String name) {
		return procedure.getMessages().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
	}

	// semantics §4.1: the procedure's sends count against the capacity
	@Test
	void capacityIsTheDeclaredBound() {
		assertEquals(2, lane("c(A→B)").capacity());
		assertEquals(2, lane("c(B→A)").capacity());
		assertEquals(3, lane("d(A→C)").capacity());
		assertEquals(1, lane("e(B→C)").capacity());
		assertEquals(2, lane("g(B→A)").capacity());
	}

	// semantics §4.3: duplication and replay add at most capacity copies besides
	@Test
	void aLaneThatCopiesHoldsTwiceItsCapacity() {
		assertTrue(lane("c(A→B)").copies(), "duplicating");
		assertEquals(4, lane("c(A→B)").length());
		assertTrue(lane("d(A→C)").copies(), "replaying");
		assertEquals(6, lane("d(A→C)").length());
		assertFalse(lane("e(B→C)").copies(), "reliable");
		assertEquals(1, lane("e(B→C)").length());
		assertFalse(lane("g(B→A)").copies(), "reordering makes no copy");
		assertEquals(2, lane("g(B→A)").length());
		assertFalse(lane("f(A→B)").copies());
		assertEquals(1, lane("f(A→B)").length());
	}

	@Test
	void faultsAreTheChannelsOwn() {
		Lane c = lane("c(A→B)");
		assertTrue(c.has(Fault.LOSS) && c.has(Fault.DUPLICATION));
		assertFalse(c.has(Fault.REPLAY) || c.has(Fault.REORDERING));
		assertTrue(lane("c(B→A)").has(Fault.LOSS), "both directions of a channel have its faults");
		assertTrue(lane("d(A→C)").has(Fault.REPLAY));
		assertTrue(lane("g(B→A)").has(Fault.REORDERING));
		for (Fault fault : Fault.values()) {
			assertFalse(lane("e(B→C)").has(fault), "reliable: " + fault);
		}
	}

	// semantics §4.4: each direction is protected with its sender's key, checked with its receiver's
	@Test
	void aKeyedChannelSwapsItsKeysInTheOtherDirection() {
		Lane ab = lane("f(A→B)");
		Lane ba = lane("f(B→A)");
		assertTrue(ab.keyed() && ba.keyed());
		assertSame(Procedures.variable(procedure, "A.k"), ab.senderKey());
		assertSame(Procedures.variable(procedure, "B.k"), ab.receiverKey());
		assertSame(Procedures.variable(procedure, "B.k"), ba.senderKey());
		assertSame(Procedures.variable(procedure, "A.k"), ba.receiverKey());
		assertFalse(lane("c(A→B)").keyed());
		assertNull(lane("c(A→B)").senderKey());
	}

	@Test
	void aLaneCarriesTheTypesItsSenderSendsOnItsChannelInOrder() {
		assertEquals(List.of(message("M2"), message("M1")), lane("c(A→B)").messages());
		assertEquals(List.of(message("M3")), lane("c(B→A)").messages());
		assertEquals(List.of(message("M1")), lane("d(A→C)").messages());
		assertEquals(List.of(message("M3")), lane("f(A→B)").messages());
		assertEquals(List.of(), lane("f(B→A)").messages());
	}

	// a queued message stores its type as 1 + its position; 0 is an empty slot
	@Test
	void tagsStartAtOne() {
		Lane c = lane("c(A→B)");
		assertEquals(1, c.tagOf(message("M2")));
		assertEquals(2, c.tagOf(message("M1")));
		assertEquals(0, c.tagOf(message("M3")), "a type never sent on the lane has the empty slot's tag");
	}

	@Test
	void aLaneIsNamedByChannelAndDirection() {
		Lane c = lane("c(A→B)");
		assertEquals("c", c.channel().getName());
		assertEquals("A", c.sender().getName());
		assertEquals("B", c.receiver().getName());
	}
}
