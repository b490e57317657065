package dev.shall.checker.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a run, in the author's vocabulary: a step or event of the procedure, or a fault of a
 * channel lane (semantics §4.2–§4.4), which is a step of the run like any other.
 *
 * @param index     1-based position in the run
 * @param instance  which session (UE) acted, from 0
 * @param kind      a step or event of the procedure, or which fault of a lane
 * @param role      the acting role, or the lane for a fault ({@code rrc(ENB→UE)})
 * @param step      the step label or event name as in the CR, or the fault ({@code lose on rrc(ENB→UE)})
 * @param clause    the clause the step cites, if any (null for faults)
 * @param file      the source file of the step (null for faults)
 * @param line      its line (0 when there is none)
 * @param exchanges the messages the step took from and put on lanes, in lane order
 * @param state     every variable of the acting instance after the step, as {@code Role.variable → value}
 * @param changed   the variables whose value the step changed, with their new values (a part of {@code state})
 * @param lane      for a fault, the lane it happened on; null otherwise
 * @param entry     for a step with a lookup, the session whose entry it located (semantics §3.7); null otherwise
 */
public record TraceStep(int index, int instance, Kind kind, String role, String step, String clause, String file,
		int line, List<Exchange> exchanges, Map<String, String> state, Map<String, String> changed, Lane lane,
		Integer entry) {

	/** A step that locates no session's entry. */
	public TraceStep(int index, int instance, Kind kind, String role, String step, String clause, String file,
			int line, List<Exchange> exchanges, Map<String, String> state, Map<String, String> changed, Lane lane) {
		this(index, instance, kind, role, step, clause, file, line, exchanges, state, changed, lane, null);
	}

	/** What acted: the procedure (a step, an event) or a lane's fault model. */
	public enum Kind {
		STEP("step"), EVENT("event"),
		/** The attacker put a message it built into a lane (semantics §4.5); its role is the attacker. */
		INJECT("inject"),
		/** A message lost (semantics §4.2). */
		LOSS("loss"),
		/** The head message copied (semantics §4.3). */
		DUPLICATE("duplicate"),
		/** The last delivered message sent again (semantics §4.3). */
		REPLAY("replay"),
		/** A message whose integrity check fails removed (semantics §4.4). */
		DISCARD("discard");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The name in the trace format. */
		public String label() {
			return label;
		}

		/** Whether the channel did it, not the procedure. */
		public boolean isFault() {
			return this != STEP && this != EVENT && this != INJECT;
		}
	}

	/** A lane: one direction of a channel (semantics §4.1), as {@code channel(from→to)}. */
	public record Lane(String channel, String from, String to) {

		public Lane {
			Objects.requireNonNull(channel, "channel");
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
		}

		/** {@code rrc(ENB→UE)}, as the lane is named in steps. */
		public String name() {
			return channel + "(" + from + "→" + to + ")";
		}
	}

	public TraceStep {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(step, "step");
		exchanges = List.copyOf(exchanges);
		state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
		changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
	}

	/** What was received and sent, e.g. {@code received Hello(k=K.k1) on c; sent Ack on c}. */
	public String message() {
		return String.join("; ", exchanges.stream().map(Exchange::text).toList());
	}
}
