package dev.shall.checker.trace;

import java.util.List;
import java.util.Map;

/**
 * One step of a trace as a file states it. The replay finds the move by {@code instance},
 * {@code role} and {@code step}, and takes the one that agrees with {@code exchanges} and
 * {@code state} where they are given (null: not stated).
 *
 * @param index    the step's position in the run, from 1
 * @param complete the whole step, when the file gives every member of it; null for a step written
 *                 by hand with less
 */
public record StatedStep(int index, int instance, String role, String step, List<Exchange> exchanges,
		Map<String, String> state, TraceStep complete) {
}
