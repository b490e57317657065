package dev.shall.checker.explicit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;

/**
 * Breadth-first search of the quotient state space (semantics §8.3, ADR 0019): the interpreter's
 * search of {@link ExplicitChecker}, keeping one state per orbit of {@link SessionSymmetry} — each
 * successor is replaced by its canonical form before it is looked up. The question is asked of
 * the sessions the group fixes, so a state is bad exactly when its canonical form is (Clarke,
 * Emerson, Jha and Sistla 1998: the quotient is bisimilar to the full structure).
 *
 * <p>A violation found on the quotient is a path of canonical states, not a run; it is turned
 * back into a run of the interpreter by undoing the permutations along it (each step's
 * successor, permuted back by the product of the permutations before it, is a successor of the
 * run's state, found among the interpreter's own successors by equality), and the run found is
 * replayed to its bad state before it is returned, so that certification by the encoding
 * ({@code accepted-run}) sees an ordinary run.
 */
public final class SymmetricSearch {

	/**
	 * @param result     as {@link ExplicitChecker}'s; {@code statesSeen} and {@code reachable} count
	 *                   and list representatives, one per orbit (canonical when {@code inexact} is 0)
	 * @param symmetry   the group the search reduced by
	 * @param successors successors computed (before canonicalisation), a measure of the work
	 * @param inexact    representatives whose canonical form was not proved unique (too many tied
	 *                   orders): orbits seen more than once, which costs states but not soundness
	 * @param unreduced  the states the unreduced search would have seen: the sum of the orbits'
	 *                   sizes (orbit-stabiliser), exact when {@code inexact} is 0, else a lower bound
	 */
	public record Result(ExplicitChecker.Result result, SessionSymmetry symmetry, long successors, int inexact,
			long unreduced) {
	}

	private record Node(ConcreteState parent, Move move, int[] position, int depth) {
	}

	/** The search, asking {@code stop} now and then whether to give up (it returns the reason, or null). */
	public Result check(Layout layout, OptionAssignment options, int instances, Obligation obligation, int maxStates,
			java.util.function.Supplier<String> stop) {
		SessionSymmetry symmetry = SessionSymmetry.of(layout, obligation, instances);
		ExplicitProperty property = new ExplicitProperty(obligation, layout, options);
		if (!property.supported()) {
			return new Result(new ExplicitChecker.Result(null, List.of(), 0, 0, "the explicit checker does not handle "
					+ obligation.name()), symmetry, 0, 0, 0);
		}
		Interpreter interpreter = new Interpreter(layout, options, instances, property);
		ConcreteState start = interpreter.initial();
		SessionSymmetry.Canonical first = symmetry.canonical(start);
		Map<ConcreteState, Node> seen = new HashMap<>();
		ArrayDeque<ConcreteState> frontier = new ArrayDeque<>();
		seen.put(first.state(), new Node(null, null, first.position(), 0));
		frontier.add(first.state());
		int deepest = 0;
		int expanded = 0;
		int inexact = first.exact() ? 0 : 1;
		long unreduced = Math.max(1, first.orbit());
		long successorsSeen = 0;
		while (!frontier.isEmpty()) {
			if (++expanded % 256 == 0 && stop.get() != null) {
				return new Result(new ExplicitChecker.Result(null, List.of(), seen.size(), deepest, stop.get()), symmetry,
						successorsSeen, inexact, unreduced);
			}
			ConcreteState state = frontier.poll();
			List<Interpreter.Outcome> successors = interpreter.successors(state);
			int depth = seen.get(state).depth();
			deepest = Math.max(deepest, depth);
			// semantics §1.2: the question is asked of the fixed sessions, so the orbit's states are all bad or none
			if (property.isBad(state, successors)) {
				List<Move> run = run(interpreter, symmetry, start, state, seen);
				if (run == null || !ExplicitChecker.confirmsViolation(layout, options, instances, obligation, run)) {
					return new Result(new ExplicitChecker.Result(null, List.of(), seen.size(), depth,
							"the symmetry-reduced search found a bad state but no run of the interpreter to it "
									+ "(please report this model)"), symmetry, successorsSeen, inexact, unreduced);
				}
				return new Result(new ExplicitChecker.Result(true, run, seen.size(), depth, null), symmetry,
						successorsSeen, inexact, unreduced);
			}
			for (Interpreter.Outcome outcome : successors) {
				if (!outcome.taken()) {
					continue;
				}
				successorsSeen++;
				SessionSymmetry.Canonical canonical = symmetry.canonical(outcome.next());
				if (!seen.containsKey(canonical.state())) {
					if (seen.size() >= maxStates) {
						return new Result(new ExplicitChecker.Result(null, List.of(), seen.size(), deepest, "more than "
								+ maxStates + " states up to symmetry"), symmetry, successorsSeen, inexact, unreduced);
					}
					inexact += canonical.exact() ? 0 : 1;
					unreduced += Math.max(1, canonical.orbit());
					seen.put(canonical.state(), new Node(state, outcome.move(), canonical.position(), depth + 1));
					frontier.add(canonical.state());
				}
			}
		}
		return new Result(new ExplicitChecker.Result(false, List.of(), seen.size(), deepest, null, List.copyOf(seen
				.keySet())), symmetry, successorsSeen, inexact, unreduced);
	}

	/**
	 * The run of the interpreter to a state of the orbit of {@code target}: with c_j = h_j(t_j),
	 * t_j the successor of c_{j−1} by the stored move and c_0 = h_0(x_0), the run's states are
	 * x_j = g_{j−1}⁻¹(t_j) with g_j = h_j ∘ g_{j−1} (so that c_j = g_j(x_j)); each x_j is a
	 * successor of x_{j−1} since the permutations are automorphisms (semantics §1.2), and the move
	 * that reaches it is found among the interpreter's successors. Null when none is (a bug).
	 */
	private static List<Move> run(Interpreter interpreter, SessionSymmetry symmetry, ConcreteState start,
			ConcreteState target, Map<ConcreteState, Node> seen) {
		List<ConcreteState> chain = new ArrayList<>();
		for (ConcreteState c = target; c != null; c = seen.get(c).parent()) {
			chain.add(c);
		}
		Collections.reverse(chain);
		ConcreteState x = start;
		int[] g = seen.get(chain.get(0)).position();
		List<Move> moves = new ArrayList<>();
		for (int j = 1; j < chain.size(); j++) {
			Node node = seen.get(chain.get(j));
			Interpreter.Outcome step = interpreter.apply(chain.get(j - 1), node.move());
			if (step == null || !step.taken()) {
				return null;
			}
			ConcreteState next = symmetry.apply(step.next(), SessionSymmetry.inverse(g));
			Move found = null;
			for (Interpreter.Outcome outcome : interpreter.successors(x)) {
				if (outcome.taken() && outcome.next().equals(next)) {
					found = outcome.move();
					break;
				}
			}
			if (found == null) {
				return null;
			}
			moves.add(found);
			x = next;
			g = SessionSymmetry.compose(g, node.position());
		}
		return moves;
	}
}
