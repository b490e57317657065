package dev.shall.checker.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.trace.StatedStep;
import dev.shall.checker.trace.TraceStep;
import dev.shall.checker.trace.Traces;

/**
 * Finds the run of the model that a trace describes. A trace in a report (or written by hand)
 * names, per step, the instance, the role and the step label, and may give the exchanges (the
 * messages taken and put on lanes) and the state after it; the reconstruction follows the reference
 * interpreter and, at each step, takes the successor that agrees with everything the trace states.
 * A step the model cannot take is an error that names the step. Only the stated instance's moves
 * are tried, so a step costs the moves of one instance, not of all.
 */
final class TraceReconstruction {

	record Run(List<Move> moves, List<ConcreteState> states) {
	}

	/** The step at {@code position} (from 0 in the trace's list) cannot happen. */
	static final class Refused extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		final int position;

		Refused(int position, String message) {
			super(message);
			this.position = position;
		}
	}

	/** The most possible steps an error lists. */
	private static final int LISTED = 20;

	private TraceReconstruction() {
	}

	static Run follow(Interpreter interpreter, List<StatedStep> stated) {
		List<Move> moves = new ArrayList<>();
		List<ConcreteState> states = new ArrayList<>();
		ConcreteState current = interpreter.initial();
		states.add(current);
		for (int position = 0; position < stated.size(); position++) {
			StatedStep step = stated.get(position);
			Interpreter.Outcome chosen = null;
			List<String> possible = new ArrayList<>();
			for (Interpreter.Outcome outcome : interpreter.successors(current, step.instance())) {
				if (!outcome.taken()) {
					continue;
				}
				Action action = interpreter.layout().actions().get(outcome.move().action());
				String role = Traces.actor(action);
				possible.add("[" + outcome.move().instance() + "] " + role + " " + action.name());
				if (outcome.move().instance() != step.instance() || !role.equals(step.role())
						|| !action.name().equals(step.step())) {
					continue;
				}
				TraceStep described = Traces.step(interpreter.layout(), outcome.move(), current, outcome.next(),
						step.index());
				if (agrees(step, described)) {
					chosen = outcome;
					break;
				}
			}
			if (chosen == null) {
				String listed = String.join(", ", possible.subList(0, Math.min(LISTED, possible.size())))
						+ (possible.size() > LISTED ? " and " + (possible.size() - LISTED) + " more" : "");
				throw new Refused(position, "step " + step.index() + " (instance " + step.instance() + ", "
						+ step.role() + " " + step.step() + ") cannot happen at that point of the model"
						+ (step.state() == null && step.exchanges() == null ? ""
								: " with the exchanges and state the trace gives")
						+ "; possible steps of instance " + step.instance() + ": " + (possible.isEmpty() ? "none"
								: listed));
			}
			moves.add(chosen.move());
			current = chosen.next();
			states.add(current);
		}
		return new Run(moves, states);
	}

	private static boolean agrees(StatedStep step, TraceStep described) {
		if (step.exchanges() != null && !step.exchanges().equals(described.exchanges())) {
			return false;
		}
		if (step.state() != null) {
			for (Map.Entry<String, String> entry : step.state().entrySet()) {
				if (!entry.getValue().equals(described.state().get(entry.getKey()))) {
					return false;
				}
			}
		}
		return true;
	}
}
