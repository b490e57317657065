package dev.shall.checker.engine;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.explicit.ExplicitChecker;

/**
 * k-induction with simple-path constraints, strengthened by proved auxiliary invariants
 * ({@link Strengthening}). For k = 0, 1, …: the base case (no violation within k steps of the
 * initial state, incremental BMC) and the step case (no path of k+1 distinct, well-formed states
 * satisfying the auxiliary invariant whose first k are good and whose last is bad). When both hold
 * the property holds; the claim, including the auxiliary invariant, is then re-proved from scratch
 * by fresh solvers before it is reported as certified.
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
		Strengthening invariant = strengthen ? Strengthening.find(request, budget, SAMPLES) : Strengthening.NONE;
		int explored = -1;
		try (Unrolling base = new Unrolling(request, true, budget);
				Unrolling step = new Unrolling(request, false, budget)) {
			step.assertTrue(invariant.on(step.encoding(), step.state(0), request.instances()));
			for (int k = 0;; k++) {
				explored = k - 1;
				String stop = budget.exhausted();
				if (stop != null) {
					return CheckResult.unknown(request.obligation(), name(), k - 1, stop, merged(base, step));
				}
				// base case at depth k
				Boolean violated = base.satisfiable(base.encoding().bad(base.state(k)));
				if (violated == null) {
					return unknown(request, budget, k - 1, base, step);
				}
				if (violated) {
					var moves = base.moves(k);
					boolean certified = ExplicitChecker.confirmsViolation(request.layout(), request.options(),
							request.instances(), request.obligation(), moves);
					return new CheckResult(request.obligation(), Verdict.VIOLATED, name(), k, certified, moves, null,
							merged(base, step));
				}
				progress.depthDone(name(), k);
				// step case: s0..sk distinct, good at 0..k-1, bad at k
				Boolean counterexampleToInduction = step.satisfiable(step.encoding().bad(step.state(k)));
				if (counterexampleToInduction == null) {
					return unknown(request, budget, k, base, step);
				}
				if (!counterexampleToInduction) {
					if (!reprove(request, k, invariant, budget)) {
						// never claim holds on a proof that does not stand up to a fresh solver
						return CheckResult.unknown(request.obligation(), name(), k,
								"the proof could not be re-established by an independent solver", merged(base, step));
					}
					String how = invariant.clauses().isEmpty() ? "inductive at depth " + k
							: k + "-inductive with " + invariant.clauses().size() + " auxiliary invariant clauses";
					return new CheckResult(request.obligation(), Verdict.HOLDS, name(), k, true, java.util.List.of(),
							how, merged(base, step));
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

	private CheckResult unknown(CheckRequest request, Budget budget, int bound, Unrolling base, Unrolling step) {
		return CheckResult.unknown(request.obligation(), name(), bound,
				budget.whyStopped(), merged(base, step));
	}

	/**
	 * Re-proves with fresh solvers, non-incrementally: the auxiliary invariant holds initially and
	 * is inductive, no violation lies within k steps, and the property is k-inductive relative to
	 * the invariant.
	 */
	static boolean reprove(CheckRequest request, int k, Strengthening invariant, Budget budget) {
		int n = request.instances();
		try (Unrolling init = new Unrolling(request, true, budget); Unrolling inductive = new Unrolling(request, false,
				budget)) {
			if (!Boolean.FALSE.equals(init.satisfiable(Circuit.not(invariant.on(init.encoding(), init.state(0), n))))) {
				return false;
			}
			inductive.assertTrue(invariant.on(inductive.encoding(), inductive.state(0), n));
			inductive.extend();
			if (!Boolean.FALSE.equals(inductive.satisfiable(Circuit.not(invariant.on(inductive.encoding(),
					inductive.state(1), n))))) {
				return false;
			}
		}
		try (Unrolling base = new Unrolling(request, true, budget); Unrolling step = new Unrolling(request, false, budget)) {
			step.assertTrue(invariant.on(step.encoding(), step.state(0), n));
			int anyBad = Circuit.FALSE;
			for (int j = 0; j <= k; j++) {
				anyBad = base.circuit().or(anyBad, base.encoding().bad(base.state(j)));
				if (j < k) {
					base.extend();
				}
			}
			if (!Boolean.FALSE.equals(base.satisfiable(anyBad))) {
				return false;
			}
			for (int j = 0; j < k; j++) {
				step.assertTrue(Circuit.not(step.encoding().bad(step.state(j))));
				step.extend();
				step.assertTrue(invariant.on(step.encoding(), step.state(j + 1), n));
				for (int i = 0; i <= j; i++) {
					step.assertTrue(step.encoding().differ(step.state(i), step.state(j + 1)));
				}
			}
			return Boolean.FALSE.equals(step.satisfiable(step.encoding().bad(step.state(k))));
		}
	}

	private static CheckResult.Statistics merged(Unrolling base, Unrolling step) {
		CheckResult.Statistics a = base.statistics();
		CheckResult.Statistics b = step.statistics();
		return new CheckResult.Statistics(a.variables() + b.variables(), a.clauses() + b.clauses(),
				a.conflicts() + b.conflicts(), Math.max(a.seconds(), b.seconds()));
	}
}
