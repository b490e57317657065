package dev.shall.checker.engine;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.sat.SatAnswer;

/**
 * k-induction with simple-path constraints, strengthened by proved auxiliary invariants
 * ({@link Strengthening}). For k = 0, 1, …: the base case (no violation within k steps of the
 * initial state, incremental BMC) and the step case (no path of k+1 distinct, well-formed states
 * satisfying the auxiliary invariant whose first k are good and whose last is bad). When both hold
 * the property holds; the claim ({@link Claim.KInductive}, with the auxiliary invariant) is re-proved
 * from scratch by fresh solvers in the certification stage before it is reported.
 */
public final class KInduction implements Engine {

	/** How many states of one instance seed the candidate invariants. */
	private static final int SAMPLES = 20_000;

	private final boolean strengthen;

	public KInduction() {
		this(true);
	}

	/** @param strengthen whether to look for auxiliary invariants first (off: plain k-induction) */
	public KInduction(boolean strengthen) {
		this.strengthen = strengthen;
	}

	@Override
	public String name() {
		return "k-induction";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		// The auxiliary invariants are looked for only when the first step case fails: a property that is
		// 0-inductive by itself (many are) needs none, and their search (a breadth-first sample, candidates,
		// Houdini) was over half of k-induction's time on the differential test's models (issue 20).
		Strengthening invariant = Strengthening.NONE;
		boolean searched = !strengthen;
		int explored = -1;
		try (Unrolling base = new Unrolling(request, true, budget);
				Unrolling step = new Unrolling(request, false, budget)) {
			for (int k = 0;; k++) {
				explored = k - 1;
				String stop = budget.exhausted();
				if (stop != null) {
					return CheckResult.unknown(request.obligation(), name(), k - 1, stop, merged(base, step));
				}
				// base case at depth k
				SatAnswer violated = base.satisfiable(base.encoding().bad(base.state(k)));
				if (violated.isUnknown()) {
					return unknown(request, budget, k - 1, base, step);
				}
				if (violated.isSat()) {
					return CheckResult.of(request.obligation(), Verdict.VIOLATED, name(), k, new Claim.Run(base.moves(k),
							Claim.Semantics.ENCODING), null, merged(base, step));
				}
				progress.depthDone(name(), k);
				// step case: s0..sk distinct, good at 0..k-1, bad at k
				// semantics §8.3: the shortest reachable violation, permuted to sort its last state, is still one
				SatAnswer counterexampleToInduction = step.satisfiable(dev.shall.checker.encoding.SymmetryBreaking
						.badAndSorted(step.encoding(), step.state(k), request.obligation()));
				if (counterexampleToInduction.isSat() && !searched) {
					searched = true;
					invariant = strengthening(request, budget);
					if (invariant.size() > 0) {
						for (int j = 0; j <= k; j++) {
							step.assertTrue(invariant.on(step.encoding(), step.state(j), request.instances()));
						}
						counterexampleToInduction = step.satisfiable(dev.shall.checker.encoding.SymmetryBreaking
								.badAndSorted(step.encoding(), step.state(k), request.obligation()));
					}
				}
				if (counterexampleToInduction.isUnknown()) {
					return unknown(request, budget, k, base, step);
				}
				if (counterexampleToInduction.isUnsat()) {
					String how = invariant.size() == 0 ? "inductive at depth " + k
							: k + "-inductive with " + invariant.size() + " auxiliary invariant clauses";
					return CheckResult.of(request.obligation(), Verdict.HOLDS, name(), k, new Claim.KInductive(k,
							invariant), how, merged(base, step));
				}
				if (k >= budget.maxDepth()) {
					return CheckResult.unknown(request.obligation(), name(), k,
							"depth bound " + budget.maxDepth() + " (not " + budget.maxDepth() + "-inductive)",
							merged(base, step));
				}
				step.assertTrue(Circuit.not(step.encoding().bad(step.state(k))));
				step.extend();
				step.assertTrue(invariant.on(step.encoding(), step.state(k + 1), request.instances()));
				for (int j = 0; j <= k; j++) {
					step.assertTrue(step.encoding().differ(step.state(j), step.state(k + 1)));
				}
				base.extend();
			}
		} catch (EncodingStopped stopped) {
			return CheckResult.stoppedWhileEncoding(request.obligation(), name(), explored, stopped);
		}
	}

	/** The auxiliary invariants, searched in a share of the remaining time only (issue 20: never the whole budget). */
	private static Strengthening strengthening(CheckRequest request, Budget budget) {
		long remaining = budget.deadline() - System.nanoTime();
		Budget search = budget.deadline() == Long.MAX_VALUE ? budget
				: budget.member(java.time.Duration.ofNanos(Math.max(0, (long) (remaining * Strengthening.SHARE))));
		try {
			return Strengthening.find(request, search, SAMPLES);
		} finally {
			if (search != budget) {
				search.release();
			}
		}
	}

	private CheckResult unknown(CheckRequest request, Budget budget, int bound, Unrolling base, Unrolling step) {
		return CheckResult.unknown(request.obligation(), name(), bound,
				budget.whyStopped(), merged(base, step));
	}

	private static CheckResult.Statistics merged(Unrolling base, Unrolling step) {
		CheckResult.Statistics a = base.statistics();
		CheckResult.Statistics b = step.statistics();
		return new CheckResult.Statistics(a.variables() + b.variables(), a.clauses() + b.clauses(),
				a.conflicts() + b.conflicts(), Math.max(a.seconds(), b.seconds()));
	}
}
