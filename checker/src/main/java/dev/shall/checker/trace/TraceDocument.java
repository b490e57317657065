package dev.shall.checker.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A trace with what it is a run of: the model, the option combination and number of instances it
 * ran under, and the question it answers. One JSON object of the trace format
 * ({@link TraceFormat}); self-contained, so that a trace cut out of a report replays on its own.
 *
 * @param file      the model file, as the checker was given it (null when not known)
 * @param procedure the procedure's name (null when not known)
 * @param question  what the run shows (null when it shows nothing in particular)
 * @param options   the value of every option of the procedure
 * @param instances the number of instances, as many as the trace's initial states
 * @param trace     the run
 */
public record TraceDocument(String file, String procedure, Question question, Map<String, String> options,
		int instances, Trace trace) {

	public TraceDocument {
		options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
		Objects.requireNonNull(trace, "trace");
		if (instances != trace.instances()) {
			throw new IllegalArgumentException(instances + " instances, but the trace has " + trace.instances()
					+ " initial states");
		}
	}

	/**
	 * The question a trace answers, as the reports name it.
	 *
	 * @param kind {@code property} (the run violates it), {@code dead-step} (the run reaches the
	 *             step), {@code bounds} (the run reaches a state with a blocked move, semantics §7.2)
	 *             or {@code unhandled-message} (the run leaves a message no step takes, §7.4)
	 * @param name the property's name, or the question as reported ({@code step 6 can happen})
	 */
	public record Question(String kind, String name) {

		/** Every kind of question, as {@code Finding.Kind} labels them. */
		public static final Set<String> KINDS = Set.of("property", "dead-step", "bounds", "unhandled-message");

		public Question {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(name, "name");
		}
	}

	/** The violated property's name, when the question is a property; null otherwise. */
	public String property() {
		return question != null && question.kind().equals("property") ? question.name() : null;
	}
}
