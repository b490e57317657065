package dev.shall.checker.lowering;

import dev.shall.model.Transition;

/**
 * Something that can happen in one instance: a step or event of the procedure, or a fault of a
 * channel lane (a message lost, duplicated, replayed, or discarded because its integrity check
 * failed).
 */
public record Action(int index, Kind kind, Transition transition, Lane lane) {

	public enum Kind {
		TRANSITION, LOSE, DUPLICATE, REPLAY, DISCARD
	}

	public String name() {
		return switch (kind) {
		// semantics §3.6: an otherwise block and an ignore are steps of their own, named apart from their step
		case TRANSITION -> switch (transition.getKind()) {
		case OTHERWISE -> transition.getName() + " otherwise";
		// semantics §4.5: the compiler names an injection "attacker injects M on c(A→B)"
		case INJECTION -> transition.getName();
		case IGNORE -> "ignore " + transition.getReceive().getMessage().getName() + " on " + transition.getReceive()
				.getChannel().getName();
		default -> transition.getName();
		};
		case LOSE -> "lose on " + lane.name();
		case DUPLICATE -> "duplicate on " + lane.name();
		case REPLAY -> "replay on " + lane.name();
		case DISCARD -> "integrity failure on " + lane.name();
		};
	}
}
