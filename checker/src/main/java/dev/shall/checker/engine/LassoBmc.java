package dev.shall.checker.engine;

import java.util.ArrayList;
import java.util.List;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.sat.SatAnswer;
import dev.shall.checker.explicit.ResponseChecker;
import dev.shall.checker.lowering.Action;
import dev.shall.model.Strength;

/**
 * Bounded search for counterexamples to a response property (trigger leads to response) under weak
 * fairness of shall steps, incremental over depths like {@link Bmc}. At depth k it asks for a run
 * of k steps that stops with the trigger unanswered where no shall step has an enabled move that
 * changes the state, or whose next step returns to an earlier state l so that steps l..k repeat
 * forever: the trigger unanswered on the cycle, the response never, and every shall step of every
 * instance taken with a state-changing move on the cycle or without such a move somewhere on it
 * (weak fairness over state-changing steps, semantics §5.3). It finds violations only; the
 * explicit engine proves.
 */
public final class LassoBmc implements Engine {

	@Override
	public String name() {
		return "lasso-bmc";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		List<Action> shall = request.layout().actions().stream().filter(a -> a.kind() == Action.Kind.TRANSITION && a
				.transition().getStrength() == Strength.SHALL).toList();
		int explored = -1;
		try (Unrolling path = new Unrolling(request, true, budget)) {
			TransitionEncoding encoding = path.encoding();
			Circuit c = path.circuit();
			int n = request.instances();
			List<int[][]> possible = new ArrayList<>(); // [depth][instance][shall action]
			List<Integer> answered = new ArrayList<>(); // [depth]
			List<int[]> changed = new ArrayList<>(); // [depth][instance]: step depth → depth + 1 changes it
			for (int k = 0; k <= budget.maxDepth(); k++) {
				if (budget.exhausted() != null) {
					return CheckResult.unknown(request.obligation(), name(), k - 1, budget.exhausted(), path
							.statistics());
				}
				possible.add(possibleAt(encoding, path, k, n, shall));
				answered.add(encoding.answered(path.state(k), 0));
				int nothingShall = Circuit.TRUE;
				for (int[] perInstance : possible.get(k)) {
					for (int literal : perInstance) {
						nothingShall = c.and(nothingShall, Circuit.not(literal));
					}
				}
				SatAnswer stops = path.satisfiable(c.and(encoding.pending(path.state(k), 0), nothingShall));
				if (stops.isUnknown()) {
					return CheckResult.unknown(request.obligation(), name(), k - 1, "time or conflict limit", path
							.statistics());
				}
				if (stops.isSat()) {
					return violated(request, path.moves(k), -1, path);
				}
				path.extend();
				// whether step k changes instance i's procedure state (semantics §5.2), once per depth
				int[] changes = new int[n];
				for (int i = 0; i < n; i++) {
					changes[i] = encoding.changes(path.state(k), path.state(k + 1), i);
				}
				changed.add(changes);
				int[] cycles = new int[k + 1];
				int lasso = Circuit.FALSE;
				for (int l = 0; l <= k; l++) {
					int closes = Circuit.not(encoding.differ(path.state(k + 1), path.state(l)));
					int cycle = c.and(closes, encoding.pending(path.state(l), 0));
					for (int j = l; j <= k; j++) {
						cycle = c.and(cycle, Circuit.not(answered.get(j)));
					}
					for (int i = 0; i < n; i++) {
						for (int a = 0; a < shall.size(); a++) {
							int excused = Circuit.FALSE;
							for (int j = l; j <= k; j++) {
								// taken with a move that changes the state, or not possible (semantics §5.3)
								excused = c.or(excused, c.and(encoding.selects(path.inputs(j), i, shall.get(a)),
										changed.get(j)[i]));
								excused = c.or(excused, Circuit.not(possible.get(j)[i][a]));
							}
							cycle = c.and(cycle, excused);
						}
					}
					cycles[l] = cycle;
					lasso = c.or(lasso, cycle);
				}
				for (int l = 0; l <= k; l++) {
					c.dimacs(cycles[l]); // so that the model tells where the cycle starts
				}
				SatAnswer loops = path.satisfiable(lasso);
				if (loops.isUnknown()) {
					return CheckResult.unknown(request.obligation(), name(), k, "time or conflict limit", path
							.statistics());
				}
				if (loops.isSat()) {
					int loopStart = 0;
					for (int l = 0; l <= k; l++) {
						if (c.valueOf(cycles[l])) {
							loopStart = l;
						}
					}
					return violated(request, path.moves(k + 1), loopStart, path);
				}
				progress.depthDone(name(), k);
				explored = k;
			}
			return CheckResult.unknown(request.obligation(), name(), budget.maxDepth(), "depth bound " + budget
					.maxDepth() + " (this engine finds violations only)", path.statistics());
		} catch (EncodingStopped stopped) {
			return CheckResult.stoppedWhileEncoding(request.obligation(), name(), explored, stopped);
		}
	}

	private static int[][] possibleAt(TransitionEncoding encoding, Unrolling path, int k, int n, List<Action> shall) {
		int[][] literals = new int[n][shall.size()];
		for (int i = 0; i < n; i++) {
			for (int a = 0; a < shall.size(); a++) {
				literals[i][a] = encoding.possible(path.state(k), i, shall.get(a));
			}
		}
		return literals;
	}

	private CheckResult violated(CheckRequest request, List<dev.shall.checker.lowering.Move> moves, int loopStart,
			Unrolling path) {
		String how = ResponseChecker.describe(moves.size(), loopStart);
		return CheckResult.of(request.obligation(), Verdict.VIOLATED, name(), moves.size(), new Claim.Lasso(moves,
				loopStart), how, path.statistics());
	}
}
