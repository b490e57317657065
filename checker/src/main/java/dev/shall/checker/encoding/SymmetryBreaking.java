package dev.shall.checker.encoding;

import java.util.ArrayList;
import java.util.List;

import dev.shall.checker.explicit.SessionSymmetry;
import dev.shall.checker.lowering.Domain;

/**
 * A symmetry-breaking predicate for the last state of a path (semantics §8.3, ADR 0019): the
 * movable sessions' blocks are sorted by a signature that the group's renaming of identities does
 * not change — an identity of a renamed pool is read as "the session's own", "another movable
 * session's", or its value (a fixed session's, or no session's) — compared lexicographically bit by
 * bit. Sound as a constraint on the <i>last</i> state of a BMC path or of a k-induction step path
 * for a question the group leaves invariant: for every state some permutation sorts it (the
 * signatures travel with the sessions), and the permuted path is again a path from the initial
 * state, which the group fixes, to a bad state (Clarke, Emerson, Jha and Sistla 1998; Crawford,
 * Ginsberg, Luks and Roy, <i>Symmetry-breaking predicates for search problems</i>, KR 1996, for
 * lex-leader predicates). A plain lexicographic order of the raw session vectors would not be
 * sound with {@code unique} pools: the renaming changes the values it compares.
 */
public final class SymmetryBreaking {

	private SymmetryBreaking() {
	}

	/**
	 * Whether BMC and k-induction constrain the last state of their paths ({@code -Dshall.symmetry.sat=true};
	 * off by default: measured, it did not pay on the benchmark, ADR 0019).
	 */
	public static boolean enabled() {
		return Boolean.getBoolean("shall.symmetry.sat");
	}

	/**
	 * The question's bad states at the end of a path, with the path's last state sorted when
	 * {@link #enabled()}: what BMC and the step case of k-induction (and its re-proof) ask.
	 */
	public static int badAndSorted(TransitionEncoding encoding, SymbolicState last,
			dev.shall.checker.lowering.Obligation obligation) {
		int bad = encoding.bad(last);
		if (!enabled()) {
			return bad;
		}
		SessionSymmetry symmetry = SessionSymmetry.of(encoding.layout(), obligation, encoding.instances());
		return encoding.circuit().and(bad, sorted(encoding, last, symmetry));
	}

	/** The literal "the state's movable sessions are sorted by signature"; TRUE when the group is trivial. */
	public static int sorted(TransitionEncoding encoding, SymbolicState state, SessionSymmetry symmetry) {
		if (!symmetry.reduces()) {
			return Circuit.TRUE;
		}
		Circuit circuit = encoding.circuit();
		int[] movable = symmetry.movable();
		List<Domain> domains = encoding.instanceFieldDomains();
		int result = Circuit.TRUE;
		List<Integer> previous = null;
		for (int session : movable) {
			List<Integer> code = signature(circuit, encoding.instanceFields(state, session), domains, symmetry, session,
					movable);
			if (previous != null) {
				result = circuit.and(result, lexLeq(circuit, previous, code));
			}
			previous = code;
		}
		return result;
	}

	/** The session's fields as bits, identities of renamed pools as (own, foreign, value unless either). */
	private static List<Integer> signature(Circuit circuit, List<SymbolicValue> fields, List<Domain> domains,
			SessionSymmetry symmetry, int session, int[] movable) {
		List<Integer> bits = new ArrayList<>();
		for (int f = 0; f < fields.size(); f++) {
			SymbolicValue value = fields.get(f);
			Domain domain = domains.get(f);
			int[] encoded = value.encode(circuit, domain);
			if (!symmetry.renamed(domain)) {
				for (int b = encoded.length - 1; b >= 0; b--) {
					bits.add(encoded[b]);
				}
				continue;
			}
			int own = value.equalTo(circuit, SymbolicValue.constant(session + 1));
			int foreign = Circuit.FALSE;
			for (int other : movable) {
				if (other != session) {
					foreign = circuit.or(foreign, value.equalTo(circuit, SymbolicValue.constant(other + 1)));
				}
			}
			int literal = Circuit.not(circuit.or(own, foreign));
			bits.add(own);
			bits.add(foreign);
			for (int b = encoded.length - 1; b >= 0; b--) {
				bits.add(circuit.and(literal, encoded[b]));
			}
		}
		return bits;
	}

	/** a ≤ b, lexicographically, first bit most significant. */
	private static int lexLeq(Circuit circuit, List<Integer> a, List<Integer> b) {
		int leq = Circuit.TRUE;
		for (int k = a.size() - 1; k >= 0; k--) {
			int x = a.get(k);
			int y = b.get(k);
			int less = circuit.and(Circuit.not(x), y);
			int equal = circuit.iff(x, y);
			leq = circuit.or(less, circuit.and(equal, leq));
		}
		return leq;
	}
}
