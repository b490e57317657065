package dev.shall.checker.certify;

import dev.shall.checker.lowering.FieldVector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.SymbolicState;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.model.Strength;

/**
 * The explicit state graph rebuilt from the SAT encoding's transition relation, evaluated on
 * constants ({@link TransitionEncoding#constantSteps}), to certify what the interpreter's
 * breadth-first search and response checker decided with the other semantics (semantics §8.2).
 * It shares no code with the interpreter, and decides response properties with a different
 * algorithm: the Emerson–Lei greatest fixpoint for fair "eventually never answered" (Emerson and
 * Lei, <i>Efficient model checking in fragments of the propositional mu-calculus</i>, LICS 1986),
 * where the interpreter's checker uses strongly connected components.
 *
 * <p>States are the encoding's own (projected on the obligation's cone of influence), keyed by
 * their field vectors. Every state has an implicit stutter step, so a run that stops is a run
 * that stutters forever (semantics §5.1).
 */
public final class EncodingExploration {

	/**
	 * The answer about the obligation on the encoding's graph: {@link Verdict#UNKNOWN} with the
	 * reason when the budget or the state limit stopped the exploration.
	 */
	public record Answer(Verdict verdict, int states, String reason) {
	}

	private final CheckRequest request;
	private final TransitionEncoding encoding;
	private final int maxStates;
	private final List<int[]> fields = new ArrayList<>();
	private final Map<FieldVector, Integer> index = new HashMap<>();
	/**
	 * Per state, its steps: target state, instance, action, and whether the step changes the state
	 * (kept by the exploration for a response question only).
	 */
	private final List<int[][]> edges = new ArrayList<>();

	/** Evaluated on constants, so it grows only where a step's outcome is not constant; polled all the same. */
	private final Circuit circuit = new Circuit(new Sat4jSolver());

	public EncodingExploration(CheckRequest request, int maxStates) {
		this.request = request;
		this.encoding = new TransitionEncoding(request.layout(), request.options(), request.instances(), request
				.obligation(), circuit);
		this.maxStates = maxStates;
	}

	/** Safety obligations (properties, bounds, steps that can happen): no reachable state is bad. */
	public Answer safety(Budget budget) {
		String stopped = explore(budget, true);
		if (stopped != null) {
			return new Answer(stopped.isEmpty() ? Verdict.VIOLATED : Verdict.UNKNOWN, fields.size(), stopped.isEmpty()
					? "the encoding reaches a bad state" : stopped);
		}
		return new Answer(Verdict.HOLDS, fields.size(), null);
	}

	/**
	 * Response properties: no reachable state has the trigger of instance 0 unanswered on a fair
	 * infinite run (stutters included), by the Emerson–Lei fixpoint
	 * {@code νZ. pending ∧ ⋀_c E[Z U (Z ∧ Good_c(Z))]} over the weak-fairness constraints c (a shall
	 * step of an instance), where {@code Good_c(Z)} holds in a state of Z where c has no
	 * state-changing move, or that takes c with a state-changing move into Z (semantics §5.3, §6.4).
	 */
	public Answer response(Budget budget) {
		try {
			return responseWithin(budget);
		} catch (EncodingStopped stopped) {
			return new Answer(Verdict.UNKNOWN, fields.size(), stopped.reason());
		}
	}

	private Answer responseWithin(Budget budget) {
		String stopped = explore(budget, false);
		if (stopped != null) {
			return new Answer(Verdict.UNKNOWN, fields.size(), stopped);
		}
		int n = fields.size();
		List<Action> shall = request.layout().actions().stream().filter(a -> a.kind() == Action.Kind.TRANSITION && a
				.transition().getStrength() == Strength.SHALL).toList();
		int instances = request.instances();
		BitSet z = new BitSet(n);
		int[] constraintOf = new int[request.layout().actions().size()]; // action → index among shall, or -1
		java.util.Arrays.fill(constraintOf, -1);
		for (int a = 0; a < shall.size(); a++) {
			constraintOf[shall.get(a).index()] = a;
		}
		// per state: constraint (instance * shall + a) has an enabled state-changing move — read off
		// the steps the exploration already evaluated (semantics §5.3)
		BitSet[] enabled = new BitSet[n];
		for (int s = 0; s < n; s++) {
			if (TransitionEncoding.constantTruth(encoding.pending(encoding.fromConstantFields(fields.get(s)), 0))) {
				z.set(s);
			}
			enabled[s] = new BitSet();
			for (int[] edge : edges.get(s)) {
				if (edge[3] == 1 && constraintOf[edge[2]] >= 0) {
					enabled[s].set(edge[1] * shall.size() + constraintOf[edge[2]]);
				}
			}
			if (s % 256 == 0 && budget.exhausted() != null) {
				return new Answer(Verdict.UNKNOWN, n, budget.exhausted());
			}
		}
		List<List<Integer>> predecessors = new ArrayList<>();
		for (int s = 0; s < n; s++) {
			predecessors.add(new ArrayList<>());
		}
		for (int s = 0; s < n; s++) {
			for (int[] edge : edges.get(s)) {
				predecessors.get(edge[0]).add(s);
			}
		}
		boolean changed = true;
		while (changed && !z.isEmpty()) {
			if (budget.exhausted() != null) {
				return new Answer(Verdict.UNKNOWN, n, budget.exhausted());
			}
			BitSet next = (BitSet) z.clone();
			for (int i = 0; i < instances; i++) {
				for (int a = 0; a < shall.size(); a++) {
					int constraint = i * shall.size() + a;
					int action = shall.get(a).index();
					ArrayDeque<Integer> work = new ArrayDeque<>();
					BitSet reaches = new BitSet(n);
					for (int s = z.nextSetBit(0); s >= 0; s = z.nextSetBit(s + 1)) {
						boolean good = !enabled[s].get(constraint);
						for (int[] edge : edges.get(s)) {
							good |= edge[1] == i && edge[2] == action && edge[3] == 1 && z.get(edge[0]);
						}
						if (good) {
							reaches.set(s);
							work.add(s);
						}
					}
					while (!work.isEmpty()) {
						for (int p : predecessors.get(work.poll())) {
							if (z.get(p) && !reaches.get(p)) {
								reaches.set(p);
								work.add(p);
							}
						}
					}
					next.and(reaches);
				}
			}
			changed = !next.equals(z);
			z = next;
		}
		return z.isEmpty() ? new Answer(Verdict.HOLDS, n, null)
				: new Answer(Verdict.VIOLATED, n, "the encoding's graph has a fair run with the trigger unanswered");
	}

	/**
	 * Breadth-first search over the encoding's constant steps; null when every state was seen (and,
	 * if asked, none is bad), "" when a bad state was found, or the reason the search stopped.
	 */
	private String explore(Budget budget, boolean checkBad) {
		circuit.stopWhen(budget::exhausted);
		try {
			return exploreWithin(budget, checkBad);
		} catch (EncodingStopped stopped) {
			return stopped.reason();
		}
	}

	private String exploreWithin(Budget budget, boolean checkBad) {
		SymbolicState initial = encoding.initialState();
		add(encoding.constantFields(initial));
		ArrayDeque<Integer> frontier = new ArrayDeque<>();
		frontier.add(0);
		while (!frontier.isEmpty()) {
			int s = frontier.poll();
			if (s % 256 == 0 && budget.exhausted() != null) {
				return budget.exhausted();
			}
			SymbolicState state = s == 0 ? initial : encoding.fromConstantFields(fields.get(s));
			if (checkBad && encoding.constantBad(state)) {
				return "";
			}
			List<TransitionEncoding.ConstantStep> steps = encoding.constantSteps(state);
			// the edges serve the response fixpoint only: a safety question needs the states
			int[][] out = checkBad ? null : new int[steps.size()][];
			for (int e = 0; e < steps.size(); e++) {
				TransitionEncoding.ConstantStep step = steps.get(e);
				int[] key = encoding.constantFields(step.next());
				Integer target = index.get(new FieldVector(key));
				if (target == null) {
					if (fields.size() >= maxStates) {
						return "more than " + maxStates + " states";
					}
					target = add(key);
					frontier.add(target);
				}
				if (out != null) {
					int instance = step.move().instance();
					boolean changes = TransitionEncoding.constantTruth(encoding.changes(state, step.next(), instance));
					out[e] = new int[] { target, instance, step.move().action(), changes ? 1 : 0 };
				}
			}
			if (out != null) {
				edges.add(out);
			}
		}
		return null;
	}

	private int add(int[] key) {
		index.put(new FieldVector(key), fields.size());
		fields.add(key);
		return fields.size() - 1;
	}
}
