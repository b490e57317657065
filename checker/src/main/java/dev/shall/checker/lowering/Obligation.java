package dev.shall.checker.lowering;

import dev.shall.model.Property;
import dev.shall.model.Transition;

/**
 * One question asked of the checker about a procedure: does a property hold, can a step ever
 * happen, or does the model stay within its declared bounds (channel capacities, value ranges).
 * Each is answered as a safety question: is a bad state reachable?
 */
public record Obligation(Kind kind, Property property, Transition transition) {

	public enum Kind {
		/** A property of the procedure: bad states are those that violate it. */
		PROPERTY,
		/** Whether a step can happen: "bad" states are those the step produces, so a violation is a witness. */
		REACHABILITY,
		/** Whether some action would overflow a channel or store a value outside its range. */
		BOUNDS
	}

	public static Obligation of(Property property) {
		return new Obligation(Kind.PROPERTY, property, null);
	}

	public static Obligation reach(Transition transition) {
		return new Obligation(Kind.REACHABILITY, null, transition);
	}

	public static Obligation bounds() {
		return new Obligation(Kind.BOUNDS, null, null);
	}

	public String name() {
		return switch (kind) {
		case PROPERTY -> property.getName();
		case REACHABILITY -> subject(transition) + " can happen";
		case BOUNDS -> "within declared bounds";
		};
	}

	/**
	 * How reports name a step or event in the question whether it can happen: {@code step 5},
	 * {@code event drbRelease}, or for a step that handles a timer's expiry (semantics §3.5)
	 * {@code step retransmit (on expiry of T3460)}. The one place this name is made: reports, the
	 * editors and fingerprints match on it.
	 */
	public static String subject(Transition transition) {
		String what = (transition.getKind() == dev.shall.model.TransitionKind.ENVIRONMENT ? "event " : "step ")
				+ transition.getName();
		return transition.getExpiry() == null ? what : what + " (on expiry of " + transition.getExpiry().getName() + ")";
	}
}
