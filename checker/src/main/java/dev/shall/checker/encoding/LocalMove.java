package dev.shall.checker.encoding;

import dev.shall.checker.encoding.SymbolicState.Slot;

/**
 * Where one move of one instance runs: a copy of the instance's procedure state, updated as if
 * the move were taken, with the literals under which it is enabled and under which it would
 * exceed a declared bound (semantics §3.1, §3.2).
 */
final class LocalMove {
	final SymbolicValue[] variables;
	final Slot[][] queues;
	final Slot[] replayable;
	int enabled = Circuit.TRUE;
	int overflow = Circuit.FALSE;
	/** Every session's variables, this instance's the copy being changed (semantics §2.6). */
	SymbolicEvaluator.Sessions sessions;

	LocalMove(SymbolicState state, int instance, int lanes) {
		variables = state.variables[instance].clone();
		SymbolicValue[][] all = state.variables.clone();
		all[instance] = variables;
		sessions = new SymbolicEvaluator.Sessions(all, instance);
		queues = new Slot[lanes][];
		for (int l = 0; l < queues.length; l++) {
			queues[l] = state.queues[instance][l].clone();
		}
		replayable = state.replayable[instance].clone();
	}
}
