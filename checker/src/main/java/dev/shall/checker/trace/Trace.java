package dev.shall.checker.trace;

import java.util.List;
import java.util.Map;

/**
 * A run of the procedure that violates a property (or reaches a step), as data before any
 * rendering: the initial state, then one entry per step, in order.
 */
public record Trace(Map<String, String> initialState, List<TraceStep> steps) {

	public Trace {
		// insertion order is the layout's order, which reports keep stable
		initialState = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(initialState));
		steps = List.copyOf(steps);
	}
}
