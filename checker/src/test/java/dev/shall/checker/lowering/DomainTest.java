package dev.shall.checker.lowering;

import static dev.shall.checker.lowering.Procedures.optional;
import static dev.shall.checker.lowering.Procedures.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.shall.model.Procedure;
import dev.shall.model.frontend.Limits;

/**
 * Domains against their definition (semantics §2.4): the values of a type in a fixed order, an
 * index per value both ways, the bits that store an index, and what lies outside (§3.2).
 */
class DomainTest {

	/** The fewest bits that hold every index 0..size-1: the smallest b with 2^b >= size. */
	private static int bitsFor(long size) {
		int bits = 0;
		while (1L << bits < size) {
			bits++;
		}
		return bits;
	}

	// semantics §2.4: integers are their value, in order
	@ParameterizedTest(name = "{0}..{1}")
	@CsvSource({ "0,0", "0,1", "0,2", "0,3", "0,4", "3,7", "1,1", "-3,3", "-5,-2", "-1,-1", "0,255", "0,256",
			"1,65536", "-1073741823,-1073676288", "1073676288,1073741823" })
	void anIntegerRangeHoldsEachIntegerOnceInOrder(int min, int max) {
		Domain domain = Domain.of(range(min, max), null);
		long count = (long) max - min + 1;
		assertEquals(count, domain.size());
		for (int i = 0; i < domain.size(); i++) {
			assertEquals(min + i, domain.value(i), "value at " + i);
			assertEquals(i, domain.indexOf(min + i), "index of " + (min + i));
			assertTrue(domain.contains(min + i));
		}
		assertEquals(bitsFor(count), domain.bits());
		assertTrue(1L << domain.bits() >= domain.size(), "every index fits the bits");
	}

	// semantics §3.2: the integers just outside a declared range are outside its domain
	@ParameterizedTest(name = "{0}..{1}")
	@CsvSource({ "0,0", "0,3", "3,7", "-3,3", "-5,-2", "1,65536" })
	void theNeighboursOfARangeLieOutside(int min, int max) {
		Domain domain = Domain.of(range(min, max), null);
		for (int outside : new int[] { min - 1, max + 1, min - 2, max + 2, Integer.MIN_VALUE, Integer.MAX_VALUE }) {
			assertFalse(domain.contains(outside), outside + " outside " + min + ".." + max);
			assertEquals(-1, domain.indexOf(outside));
		}
	}

	@Test
	void aOneValueDomainTakesNoBit() {
		assertEquals(0, Domain.of(range(0, 0), null).bits());
		assertEquals(0, Domain.of(range(-7, -7), null).bits());
		assertEquals(0, Domain.range(4, 4).bits());
	}

	@Test
	void booleansAreZeroAndOne() {
		Domain domain = Domain.of(Procedures.MODEL.createBoolType(), null);
		assertArrayEquals(new int[] { 0, 1 }, domain.values());
		assertEquals(1, domain.bits());
		assertEquals(Domain.bool().size(), domain.size());
		assertFalse(domain.contains(2));
		assertFalse(domain.contains(Domain.NONE));
	}

	// semantics §2.4: an absent optional value is none, a value of its own, first in the order
	@ParameterizedTest(name = "{0}..{1}?")
	@CsvSource({ "0,0", "0,2", "0,3", "2,5", "-3,3", "-5,-2", "0,65535" })
	void anOptionalAddsNoneBeforeTheElementValues(int min, int max) {
		Domain element = Domain.of(range(min, max), null);
		Domain domain = Domain.of(optional(range(min, max)), null);
		assertEquals(element.size() + 1, domain.size());
		assertEquals(Domain.NONE, domain.value(0));
		assertEquals(0, domain.indexOf(Domain.NONE));
		for (int i = 0; i < element.size(); i++) {
			assertEquals(element.value(i), domain.value(i + 1));
			assertEquals(i + 1, domain.indexOf(element.value(i)), "index of " + element.value(i));
		}
		assertFalse(element.contains(Domain.NONE), "none is no value of the element type");
		assertFalse(domain.contains(min - 1));
		assertFalse(domain.contains(max + 1));
		assertEquals(bitsFor(domain.size()), domain.bits());
	}

	/**
	 * semantics §2.4, §3.2: none is no integer. An integer expression takes values within
	 * ±{@link Limits#MAX_MAGNITUDE} (validation keeps every literal, bound, sum and difference there),
	 * so none must lie beyond: when it was -1, {@code x := y - 1} with y = 0 stored none into
	 * {@code x : 0..3?} instead of being blocked, and {@code none == y - 1} held.
	 */
	@Test
	void noneIsNoIntegerAProcedureComputes() {
		assertFalse(Limits.withinMagnitude(Domain.NONE), "none = " + Domain.NONE);
		Domain optional = Domain.of(optional(range(0, 3)), null);
		for (int computed : new int[] { -1, -2, -Limits.MAX_MAGNITUDE, 4, Limits.MAX_MAGNITUDE }) {
			assertFalse(optional.contains(computed), computed + " lies outside 0..3?");
		}
	}

	// the limits of dev.shall.model.frontend.Limits: the largest enumerable range, and one beyond
	@Test
	void theLargestEnumerableRangeIsAcceptedAndOneMoreRefused() {
		Domain largest = Domain.of(range(0, Limits.MAX_VALUES - 1), null);
		assertEquals(Limits.MAX_VALUES, largest.size());
		assertEquals(16, largest.bits());
		Domain optional = Domain.of(optional(range(0, Limits.MAX_VALUES - 1)), null);
		assertEquals(Limits.MAX_VALUES + 1, optional.size());
		assertEquals(17, optional.bits());
		// the encodings' bookkeeping (a message tag: 0 for an empty slot, then one per message type)
		assertEquals(Limits.MAX_VALUES + 1, Domain.range(0, Limits.MAX_VALUES).size());
		assertThrows(IllegalArgumentException.class, () -> Domain.range(0, Limits.MAX_VALUES + 1));
	}

	/** A count computed in int wraps: 0..2^31-1 has 2^31 values, which as an int is negative. */
	@ParameterizedTest(name = "{0}..{1}")
	@CsvSource({ "0,2147483647", "-2147483648,2147483647", "-2147483648,0", "-1073741823,1073741823" })
	void aRangeTooLargeToEnumerateIsRefusedNotWrapped(int min, int max) {
		assertThrows(IllegalArgumentException.class, () -> Domain.of(range(min, max), null));
		assertThrows(IllegalArgumentException.class, () -> Domain.of(optional(range(min, max)), null));
	}

	@Test
	void anEmptyRangeIsRefused() {
		// an empty type would make every property hold vacuously
		assertThrows(IllegalArgumentException.class, () -> Domain.of(range(1, 0), null));
		assertThrows(IllegalArgumentException.class, () -> Domain.of(range(Integer.MAX_VALUE, Integer.MIN_VALUE), null));
	}

	@Test
	void valuesIsACopy() {
		Domain domain = Domain.of(range(0, 2), null);
		domain.values()[0] = 7;
		assertEquals(0, domain.value(0));
		assertFalse(domain.contains(7));
	}

	@Test
	void bookkeepingDomainsHaveNoType() {
		assertNull(Domain.range(0, 3).type());
		assertNull(Domain.bool().type());
	}

	// semantics §2.4: enumeration literals and key terms are their number
	@Test
	void enumerationsAndKeysAreNumberedFromZero() {
		Procedure procedure = Procedures.compile("""
				procedure P clause "t"
				enum Phase { idle, sent, done }
				enum One { only }
				key K { k1, k2, k3 }
				key D = d(K, n: 0..1)
				role A { var phase : Phase = idle  var one : One = only  var k : K? = none  var d : D? = none }
				step 1 clause "1": A shall when phase == idle { phase := sent  k := k2  d := D(k, 1) }
				""");
		Layout layout = new Layout(procedure);
		Domain phase = layout.domain(Procedures.variable(procedure, "A.phase"));
		assertArrayEquals(new int[] { 0, 1, 2 }, phase.values());
		assertEquals(2, phase.bits());
		Domain one = layout.domain(Procedures.variable(procedure, "A.one"));
		assertArrayEquals(new int[] { 0 }, one.values());
		assertEquals(0, one.bits());
		assertArrayEquals(new int[] { Domain.NONE, 0, 1, 2 }, layout.domain(Procedures.variable(procedure, "A.k"))
				.values());
		Domain derived = layout.domain(Procedures.variable(procedure, "A.d"));
		assertEquals(1 + layout.keys().size(Procedures.key(procedure, "D")), derived.size());
		assertEquals(1 + 3 * 2, derived.size());
		assertEquals(3, derived.bits());
	}
}
