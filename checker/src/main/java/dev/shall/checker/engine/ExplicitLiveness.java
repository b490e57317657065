package dev.shall.checker.engine;

import java.util.List;

import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.ResponseChecker;

/**
 * Response properties (A leads to B) under weak fairness of shall steps, on the explicit state
 * graph (see {@link ResponseChecker}); for procedures whose state space fits in memory. A lasso is
 * certified when its run replays and its cycle closes; holds is exact but not independently
 * certified. {@link LassoBmc} searches for the same counterexamples with SAT.
 */
public final class ExplicitLiveness implements Engine {

	private final int maxStates;

	public ExplicitLiveness(int maxStates) {
		this.maxStates = maxStates;
	}

	@Override
	public String name() {
		return "explicit-liveness";
	}

	@Override
	public CheckResult check(CheckRequest request, Budget budget, ProgressListener progress) {
		long started = System.nanoTime();
		ResponseChecker.Result result = new ResponseChecker().check(request.layout(), request.options(),
				request.instances(), request.obligation(), maxStates, budget::exhausted);
		CheckResult.Statistics statistics = new CheckResult.Statistics(0, 0, 0, (System.nanoTime() - started) / 1e9);
		if (result.violated() == null) {
			return CheckResult.unknown(request.obligation(), name(), -1, result.reason(), statistics);
		}
		if (!result.violated()) {
			return new CheckResult(request.obligation(), Verdict.HOLDS, name(), -1, false, List.of(), "all "
					+ result.statesSeen() + " reachable states seen; no fair run leaves a trigger unanswered", statistics);
		}
		String how = result.loopStart() < 0
				? "after step " + result.path().size() + " nothing that shall happen is possible, the trigger unanswered"
				: "steps " + (result.loopStart() + 1) + " to " + result.path().size()
						+ " repeat forever with the trigger unanswered";
		return new CheckResult(request.obligation(), Verdict.VIOLATED, name(), result.path().size(), closes(request,
				result), result.path(), how, statistics);
	}

	/** The run replays in the interpreter, and its cycle returns to the state where it started. */
	private static boolean closes(CheckRequest request, ResponseChecker.Result result) {
		Interpreter interpreter = new Interpreter(request.layout(), request.options(), request.instances());
		List<ConcreteState> states = ExplicitChecker.replay(interpreter, result.path());
		if (states == null) {
			return false;
		}
		if (result.loopStart() < 0) {
			// nothing that shall happen can happen any more
			return interpreter.successors(states.get(states.size() - 1)).stream().filter(Interpreter.Outcome::taken)
					.map(o -> request.layout().actions().get(o.move().action()))
					.noneMatch(a -> a.transition() != null
							&& a.transition().getStrength() == dev.shall.model.Strength.SHALL);
		}
		ConcreteState start = states.get(result.loopStart());
		ConcreteState end = states.get(states.size() - 1);
		return java.util.Arrays.deepEquals(start.variables(), end.variables()) && start.queues().equals(end.queues());
	}

}
