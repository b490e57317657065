package dev.shall.checker.explicit;

import java.util.Arrays;
import java.util.List;

/**
 * A state of N instances of a procedure, as the explicit interpreter sees it. Immutable.
 *
 * @param variables    per instance, the value of every variable in layout order
 * @param queues       per instance and lane, the queued messages, head first
 * @param replayable   per instance and lane, the last delivered message (for replaying lanes), or null
 * @param lastInstance the instance of the action that produced this state, -1 in an initial state
 * @param lastAction   the index of that action, -1 in an initial state
 * @param monitor      the state of the property monitor, per instance (see {@link Monitor})
 */
public record ConcreteState(int[][] variables, List<List<List<QueuedMessage>>> queues,
		QueuedMessage[][] replayable, int lastInstance, int lastAction, long[][] monitor) {

	public int instances() {
		return variables.length;
	}

	/**
	 * Whether the procedure state of the instance (its variables, lanes and replay registers) is the
	 * same in both states. The last action and the property monitors are bookkeeping of the checker,
	 * not state of the procedure: a move that changes only them is a stutter (semantics §5.2).
	 */
	public boolean sameProcedureState(ConcreteState other, int instance) {
		return Arrays.equals(variables[instance], other.variables[instance])
				&& queues.get(instance).equals(other.queues.get(instance))
				&& Arrays.equals(replayable[instance], other.replayable[instance]);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ConcreteState s && lastInstance == s.lastInstance && lastAction == s.lastAction
				&& Arrays.deepEquals(variables, s.variables) && queues.equals(s.queues)
				&& Arrays.deepEquals(replayable, s.replayable) && Arrays.deepEquals(monitor, s.monitor);
	}

	@Override
	public int hashCode() {
		int hash = Arrays.deepHashCode(variables);
		hash = hash * 31 + queues.hashCode();
		hash = hash * 31 + Arrays.deepHashCode(replayable);
		hash = hash * 31 + Arrays.deepHashCode(monitor);
		return (hash * 31 + lastInstance) * 31 + lastAction;
	}
}
