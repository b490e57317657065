package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Moves are values (semantics §5.1: a run is a sequence of moves), compared by content: the
 * engines key maps and sets by them and compare the interpreter's moves with the encoding's.
 */
class MoveTest {

	@Test
	void equalChoicesMakeEqualMoves() {
		Move move = new Move(1, 2, 3, new int[] { 0, 1 });
		Move same = new Move(1, 2, 3, new int[] { 0, 1 });
		assertEquals(move, same);
		assertEquals(move.hashCode(), same.hashCode());
		assertEquals(1, new HashSet<>(List.of(move, same)).size());
	}

	@Test
	void everyComponentTells() {
		Move move = new Move(1, 2, 3, new int[] { 0, 1 });
		Set<Move> different = Set.of(new Move(0, 2, 3, new int[] { 0, 1 }), new Move(1, 0, 3, new int[] { 0, 1 }),
				new Move(1, 2, 0, new int[] { 0, 1 }), new Move(1, 2, 3, new int[] { 1, 1 }), new Move(1, 2, 3,
						new int[] { 0 }), new Move(1, 2, 3, new int[] { 0, 1, 0 }));
		for (Move other : different) {
			assertNotEquals(move, other, other.toString());
		}
		assertNotEquals(move, "instance 1 action 2 slot 3 choices [0, 1]");
	}

	@Test
	void aMoveReadsAsItsParts() {
		assertEquals("instance 1 action 2 slot 3 choices [0, 1]", new Move(1, 2, 3, new int[] { 0, 1 }).toString());
	}
}
