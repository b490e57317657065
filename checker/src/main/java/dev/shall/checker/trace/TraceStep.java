package dev.shall.checker.trace;

import java.util.List;
import java.util.Map;

/**
 * One step of a counterexample, in the author's vocabulary.
 *
 * @param index    1-based position in the run
 * @param instance which session (UE) acted, from 0
 * @param role     the acting role, or the channel for a channel fault
 * @param step     the step label or event name as in the CR, or the fault
 * @param clause   the clause the step cites, if any
 * @param message  what was received and sent, e.g. {@code received Hello(k=K.k1) on c; sent Ack on c}
 * @param state    every variable of the acting instance after the step, as {@code Role.variable → value}
 * @param changed  the variables whose value the step changed
 * @param exchanges the messages the step took from and put on lanes, in lane order
 */
public record TraceStep(int index, int instance, String role, String step, String clause, String message,
		Map<String, String> state, Map<String, String> changed, String file, int line, List<Exchange> exchanges) {

	public TraceStep {
		exchanges = List.copyOf(exchanges);
	}
}
