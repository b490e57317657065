package dev.shall.checker.lowering;

import static dev.shall.checker.lowering.Procedures.MODEL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.shall.model.KeyAtom;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyParameter;
import dev.shall.model.Procedure;
import dev.shall.model.frontend.Limits;

/**
 * Key terms against their definition (semantics §2.4; the KeyUniverse class comment): a base
 * key's terms are its atoms; a derived key has one term per parent term and input values, the
 * parents' terms in turn, numbered in mixed radix with the parent term first, so that two terms
 * are equal exactly when derived from equal inputs.
 */
class KeyUniverseTest {

	private static final Procedure KEYS = Procedures.compile("""
			procedure Keys clause "t"
			key K { k1, k2, k3 }
			key NH { n1, n2 }
			key D = d(K, a: 0..2, b: 5..6)
			key S = s(K | NH, c: 1..3)
			key T = t(S)
			key U = u(D | S | NH, e: 0..0, f: 2..3)
			role A { var k : K = k1  var nh : NH = n1  var d : D? = none  var s : S? = none  var t : T? = none
			  var u : U? = none }
			step 1 clause "1": A shall when d == none {
			  d := D(k, 2, 6)  s := S(nh, 3)  t := T(S(k, 1))  u := U(s, 0, 2)
			}
			""");

	private final KeyUniverse keys = new KeyUniverse(KEYS);

	private static KeyDecl key(String name) {
		return Procedures.key(KEYS, name);
	}

	@Test
	void sizesFollowTheDefinition() {
		assertEquals(3, keys.size(key("K")));
		assertEquals(2, keys.size(key("NH")));
		assertEquals(3 * 3 * 2, keys.size(key("D")));
		assertEquals((3 + 2) * 3, keys.size(key("S")));
		assertEquals(15, keys.size(key("T")), "a derivation without inputs has one term per parent term");
		assertEquals((18 + 15 + 2) * 1 * 2, keys.size(key("U")));
	}

	@Test
	void eachParentsTermsStartWhereThePreviousParentsEnd() {
		assertEquals(0, keys.offset(key("S"), key("K")));
		assertEquals(3, keys.offset(key("S"), key("NH")));
		assertEquals(0, keys.offset(key("U"), key("D")));
		assertEquals(18, keys.offset(key("U"), key("S")));
		assertEquals(18 + 15, keys.offset(key("U"), key("NH")));
		assertThrows(IllegalArgumentException.class, () -> keys.offset(key("S"), key("D")));
	}

	/**
	 * Every derivation, in the order parent, parent term, then each input (the last varying
	 * fastest), is numbered 0, 1, 2, …: so the numbering is the documented mixed radix, no two
	 * derivations share a term (no collision), and every term of the key is some derivation.
	 */
	@Test
	void derivationsAreNumberedConsecutivelyWithoutCollision() {
		for (String name : List.of("D", "S", "T", "U")) {
			KeyDecl derived = key(name);
			int expected = 0;
			Set<Integer> seen = new HashSet<>();
			for (KeyDecl parent : derived.getParents()) {
				for (int parentTerm = 0; parentTerm < keys.size(parent); parentTerm++) {
					for (int[] inputs : inputCombinations(derived.getParameters())) {
						int term = keys.derive(derived, parent, parentTerm, inputs);
						String what = name + "(" + parent.getName() + " " + parentTerm + ", " + java.util.Arrays.toString(
								inputs) + ")";
						assertEquals(expected++, term, what);
						assertTrue(seen.add(term), "collision at " + what);
						KeyUniverse.Decoded decoded = keys.decode(derived, term);
						assertSame(parent, decoded.parent(), what);
						assertEquals(parentTerm, decoded.parentTerm(), what);
						assertArrayEquals(inputs, decoded.arguments(), what);
					}
				}
			}
			assertEquals(keys.size(derived), expected, name + ": every term is a derivation");
		}
	}

	/** The input tuples of a derivation, the last input varying fastest. */
	private static List<int[]> inputCombinations(List<KeyParameter> parameters) {
		List<int[]> combinations = new ArrayList<>();
		combinations.add(new int[0]);
		for (KeyParameter parameter : parameters) {
			List<int[]> longer = new ArrayList<>();
			for (int[] prefix : combinations) {
				for (int value = parameter.getMin(); value <= parameter.getMax(); value++) {
					int[] combination = java.util.Arrays.copyOf(prefix, prefix.length + 1);
					combination[prefix.length] = value;
					longer.add(combination);
				}
			}
			combinations = longer;
		}
		return combinations;
	}

	// semantics §3.2: deriving a key from an input outside its range has no term
	@Test
	void anInputOutsideItsRangeDerivesNoTerm() {
		KeyDecl d = key("D");
		for (int[] inputs : new int[][] { { -1, 5 }, { 3, 5 }, { 0, 4 }, { 0, 7 }, { Integer.MIN_VALUE, 5 },
				{ Integer.MAX_VALUE, 5 }, { 0, Integer.MIN_VALUE }, { 2, Integer.MAX_VALUE } }) {
			assertEquals(-1, keys.derive(d, key("K"), 0, inputs), java.util.Arrays.toString(inputs));
		}
		assertEquals(-1, keys.derive(key("S"), key("NH"), 1, new int[] { 0 }));
		assertEquals(-1, keys.derive(key("S"), key("NH"), 1, new int[] { 4 }));
	}

	@Test
	void aNonTermDoesNotDecode() {
		assertThrows(IllegalArgumentException.class, () -> keys.decode(key("D"), 18));
		assertThrows(IllegalArgumentException.class, () -> keys.decode(key("U"), 70));
		assertThrows(IllegalArgumentException.class, () -> keys.decode(key("D"), -1));
		assertThrows(IllegalArgumentException.class, () -> keys.decode(key("U"), Domain.NONE));
	}

	@Test
	void termsReadAsTheirDerivation() {
		assertEquals("K.k2", keys.describe(key("K"), 1));
		assertEquals("D(K.k3, 2, 6)", keys.describe(key("D"), keys.derive(key("D"), key("K"), 2, new int[] { 2, 6 })));
		assertEquals("S(NH.n2, 3)", keys.describe(key("S"), keys.derive(key("S"), key("NH"), 1, new int[] { 3 })));
		int inner = keys.derive(key("S"), key("K"), 0, new int[] { 1 });
		assertEquals("T(S(K.k1, 1))", keys.describe(key("T"), keys.derive(key("T"), key("S"), inner, new int[0])));
		assertEquals("U(S(NH.n2, 3), 0, 3)", keys.describe(key("U"), keys.derive(key("U"), key("S"), keys.derive(
				key("S"), key("NH"), 1, new int[] { 3 }), new int[] { 0, 3 })));
	}

	@Test
	void aKeyExpressionHasTheDeclarationOfItsType() {
		Layout layout = new Layout(KEYS);
		assertSame(key("D"), KeyUniverse.declOf(Procedures.variable(KEYS, "A.d").getType()), "through the optional");
		assertSame(key("K"), KeyUniverse.declOf(Procedures.variable(KEYS, "A.k").getType()));
		assertThrows(IllegalArgumentException.class, () -> KeyUniverse.declOf(MODEL.createBoolType()));
		assertEquals(1 + 70, layout.domain(Procedures.variable(KEYS, "A.u")).size());
	}

	// ------------------------------------------------------------ what validation refuses

	private static KeyDecl base(Procedure procedure, String name, int atoms) {
		KeyDecl key = MODEL.createKeyDecl();
		key.setName(name);
		for (int a = 0; a < atoms; a++) {
			KeyAtom atom = MODEL.createKeyAtom();
			atom.setName(name.toLowerCase() + a);
			key.getAtoms().add(atom);
		}
		procedure.getKeys().add(key);
		return key;
	}

	private static KeyDecl derived(Procedure procedure, String name, List<KeyDecl> parents, int... bounds) {
		KeyDecl key = MODEL.createKeyDecl();
		key.setName(name);
		key.setDerivation(name.toLowerCase());
		key.getParents().addAll(parents);
		for (int i = 0; i < bounds.length; i += 2) {
			KeyParameter parameter = MODEL.createKeyParameter();
			parameter.setName("p" + i / 2);
			parameter.setMin(bounds[i]);
			parameter.setMax(bounds[i + 1]);
			key.getParameters().add(parameter);
		}
		procedure.getKeys().add(key);
		return key;
	}

	// the limits of dev.shall.model.frontend.Limits: a key has at most MAX_VALUES terms
	@Test
	void theLargestKeyIsAcceptedAndItsLastTermDecodes() {
		Procedure procedure = MODEL.createProcedure();
		KeyDecl a = base(procedure, "A", 2);
		KeyDecl b = derived(procedure, "B", List.of(a), 0, Limits.MAX_VALUES / 2 - 1);
		KeyUniverse universe = new KeyUniverse(procedure);
		assertEquals(Limits.MAX_VALUES, universe.size(b));
		int last = universe.derive(b, a, 1, new int[] { Limits.MAX_VALUES / 2 - 1 });
		assertEquals(Limits.MAX_VALUES - 1, last);
		assertEquals(1, universe.decode(b, last).parentTerm());
	}

	@Test
	void aKeyWithMoreTermsThanTheLimitIsRefused() {
		Procedure procedure = MODEL.createProcedure();
		KeyDecl a = base(procedure, "A", 2);
		derived(procedure, "B", List.of(a), 0, Limits.MAX_VALUES / 2);
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new KeyUniverse(
				procedure));
		assertTrue(refused.getMessage().contains("B"), refused.getMessage());
	}

	/** 2^31 × 2^31 × 2^31 wraps a long product to 0, a key without terms; the count saturates instead. */
	@Test
	void aProductBeyondALongIsRefusedNotWrapped() {
		Procedure procedure = MODEL.createProcedure();
		KeyDecl a = base(procedure, "A", 1);
		derived(procedure, "B", List.of(a), Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, -1);
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new KeyUniverse(
				procedure));
		assertTrue(refused.getMessage().contains("too many"), refused.getMessage());
	}

	@Test
	void aKeyWithoutTermsIsRefused() {
		Procedure procedure = MODEL.createProcedure();
		KeyDecl a = base(procedure, "A", 2);
		derived(procedure, "B", List.of(a), 1, 0);
		assertThrows(IllegalArgumentException.class, () -> new KeyUniverse(procedure));
	}

	@Test
	void aDerivationCycleIsRefused() {
		Procedure procedure = MODEL.createProcedure();
		KeyDecl a = derived(procedure, "A", List.of(), 0, 1);
		KeyDecl b = derived(procedure, "B", List.of(a), 0, 1);
		a.getParents().add(b);
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new KeyUniverse(
				procedure));
		assertTrue(refused.getMessage().contains("derived from itself"), refused.getMessage());
	}

	/** Inputs at the magnitude limit: their distance from the range's minimum needs a long. */
	@Test
	void inputsAtTheMagnitudeLimitDeriveExactly() {
		int top = Limits.MAX_MAGNITUDE;
		Procedure procedure = MODEL.createProcedure();
		KeyDecl a = base(procedure, "A", 2);
		KeyDecl b = derived(procedure, "B", List.of(a), -top, -top + 1, top - 1, top);
		KeyUniverse universe = new KeyUniverse(procedure);
		assertEquals(8, universe.size(b));
		assertEquals(7, universe.derive(b, a, 1, new int[] { -top + 1, top }));
		assertEquals(-1, universe.derive(b, a, 1, new int[] { top, top }));
		assertEquals(-1, universe.derive(b, a, 1, new int[] { -top, -top }));
		assertArrayEquals(new int[] { -top + 1, top - 1 }, universe.decode(b, 6).arguments());
	}
}
