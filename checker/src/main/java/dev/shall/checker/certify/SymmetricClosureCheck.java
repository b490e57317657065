package dev.shall.checker.certify;

import dev.shall.checker.lowering.FieldVector;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.SymbolicState;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.SessionSymmetry;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.sat.Sat4jSolver;

/**
 * Certifies a breadth-first "holds" found on the quotient by session symmetry (semantics §8.3,
 * ADR 0019) with the SAT encoding's transition relation, evaluated on constants: the
 * representatives R the interpreter kept include (an image of) the initial state, none is bad, and
 * every legal step of the encoding from one of them leads to a state of G·R, the union of their
 * orbits. Since the group G consists of automorphisms of the encoding's transition system (sessions
 * permuted, identities renamed; ADR 0018 point 4) under which the bad states are invariant, G·R is
 * then an inductive invariant that excludes the bad states.
 *
 * <p>Membership of a successor t in G·R is decided by computing g(t) for the permutation g that
 * {@link SessionSymmetry#canonicalPositions} proposes and looking g(t) up among the representatives
 * (and their canonical forms): the group action on the encoding's field vectors ({@link #apply}) is
 * written here, on the encoding's own fields, so that whatever permutation the canonicaliser
 * proposes, g(t) is a member of t's orbit. A wrong canonicaliser can only make the lookup fail —
 * an escape, no certificate — never certify a set that is not closed up to the group. What this
 * certificate does not check is that the group consists of automorphisms: that rests on the
 * argument of ADR 0018 (and on the tests comparing reduced and unreduced searches).
 */
final class SymmetricClosureCheck {

	/**
	 * @param closed true when certified, false when some step leaves G·R (or a representative is
	 *               bad, or the initial state is outside), null when the budget ran out
	 * @param reason what failed or stopped
	 */
	record Answer(Boolean closed, int steps, String reason) {
	}

	private final TransitionEncoding encoding;
	private final SessionSymmetry symmetry;
	private final int instances;
	private final int block;
	private final List<Domain> domains;
	private final boolean[] renamed;
	private final Domain lastDomain;
	private final int actions;

	private SymmetricClosureCheck(TransitionEncoding encoding, SessionSymmetry symmetry, int actions) {
		this.encoding = encoding;
		this.symmetry = symmetry;
		this.instances = encoding.instances();
		this.domains = encoding.instanceFieldDomains();
		this.block = domains.size();
		this.renamed = new boolean[block];
		for (int f = 0; f < block; f++) {
			renamed[f] = symmetry.renamed(domains.get(f));
		}
		List<Domain> all = encoding.fieldDomains();
		this.lastDomain = all.size() == instances * block + 1 ? all.get(all.size() - 1) : null;
		this.actions = actions;
	}

	static Answer check(CheckRequest request, List<ConcreteState> representatives, SessionSymmetry symmetry,
			Budget budget) {
		Circuit circuit = new Circuit(new Sat4jSolver());
		circuit.stopWhen(budget::exhausted);
		try {
			TransitionEncoding encoding = new TransitionEncoding(request.layout(), request.options(), request
					.instances(), request.obligation(), circuit);
			return new SymmetricClosureCheck(encoding, symmetry, request.layout().actions().size()).closed(request,
					representatives, budget);
		} catch (EncodingStopped stopped) {
			return new Answer(null, 0, stopped.reason());
		}
	}

	private Answer closed(CheckRequest request, List<ConcreteState> representatives, Budget budget) {
		Set<FieldVector> inside = new HashSet<>();
		List<int[]> stored = new java.util.ArrayList<>();
		for (ConcreteState state : ClosedStateSetCheck.projected(request, representatives)) {
			int[] fields = encoding.constantFields(encoding.constantState(state));
			stored.add(fields);
			inside.add(new FieldVector(fields));
			inside.add(new FieldVector(canonical(fields)));
		}
		if (!member(inside, encoding.constantFields(encoding.initialState()))) {
			return new Answer(false, 0, "the initial state is not in the orbit of a representative");
		}
		int steps = 0;
		for (int r = 0; r < stored.size(); r++) {
			if (r % 64 == 0 && budget.exhausted() != null) {
				return new Answer(null, steps, budget.exhausted());
			}
			SymbolicState state = encoding.fromConstantFields(stored.get(r));
			if (encoding.constantBad(state)) {
				return new Answer(false, steps, "a representative is bad");
			}
			for (TransitionEncoding.ConstantStep step : encoding.constantSteps(state)) {
				steps++;
				if (!member(inside, encoding.constantFields(step.next()))) {
					return new Answer(false, steps, "a step (" + step.move() + ") leaves the orbits of the representatives");
				}
			}
		}
		return new Answer(true, steps, null);
	}

	/** Whether the state, or the image the canonicaliser proposes for it, is stored. */
	private boolean member(Set<FieldVector> inside, int[] fields) {
		return inside.contains(new FieldVector(fields)) || inside.contains(new FieldVector(canonical(fields)));
	}

	/** The image of the field vector under the permutation the canonicaliser proposes. */
	int[] canonical(int[] fields) {
		int[][] blocks = new int[instances][];
		boolean[][] identity = new boolean[instances][];
		int last = lastDomain == null ? -1 : lastDomain.value(fields[instances * block]);
		for (int s = 0; s < instances; s++) {
			blocks[s] = new int[block + 1];
			identity[s] = new boolean[block + 1];
			for (int f = 0; f < block; f++) {
				int index = fields[s * block + f];
				blocks[s][f] = renamed[f] ? domains.get(f).value(index) : index;
				identity[s][f] = renamed[f];
			}
			blocks[s][block] = last >= 0 && last / actions == s ? last % actions + 1 : 0;
		}
		return apply(fields, symmetry.canonicalPositions(blocks, identity).position());
	}

	/**
	 * The group action on the encoding's field vectors (domain indices in the order of
	 * {@link TransitionEncoding#fieldDomains}): session s's block moves to {@code position[s]}, an
	 * identity of a renamed pool s'+1 becomes {@code position[s']+1}, and the last move's session is
	 * moved likewise.
	 */
	int[] apply(int[] fields, int[] position) {
		int[] image = new int[fields.length];
		for (int s = 0; s < instances; s++) {
			int to = position[s] * block;
			for (int f = 0; f < block; f++) {
				int index = fields[s * block + f];
				if (renamed[f]) {
					Domain domain = domains.get(f);
					index = domain.indexOf(symmetry.rename(domain.value(index), position));
					if (index < 0) {
						throw new IllegalStateException("a renamed identity lies outside its pool");
					}
				}
				image[to + f] = index;
			}
		}
		if (lastDomain != null) {
			int last = lastDomain.value(fields[instances * block]);
			image[instances * block] = last < 0 ? fields[instances * block]
					: lastDomain.indexOf(position[last / actions] * actions + last % actions);
		}
		return image;
	}
}
