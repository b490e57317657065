package dev.shall.checker.lowering;

import java.util.List;

import dev.shall.model.Channel;
import dev.shall.model.Deferral;
import dev.shall.model.MessageType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Role;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;

/**
 * One question asked of the checker about a procedure: does a property hold, can a step ever
 * happen, does the model stay within its declared bounds (channel capacities, value ranges), is
 * every message of a kind that arrives on a lane handled (semantics §7). Each is answered as a
 * safety question: is a bad state reachable?
 *
 * @param arrival for {@link Kind#UNHANDLED}: the message, channel and receiving role asked about
 */
public record Obligation(Kind kind, Property property, Transition transition, Arrival arrival) {

	/** A message of one type arriving on a channel at its receiving role: one lane's share of the question of §7.4. */
	public record Arrival(MessageType message, Channel channel, Role receiver) {

		/** {@code SecurityModeCommand on nas at UE}: how reports, the editors and fingerprints name it. */
		public String describe() {
			return message.getName() + " on " + channel.getName() + " at " + receiver.getName();
		}

		/** The steps, events, otherwise blocks and ignores of the receiver that take this message on this channel. */
		public List<Transition> handlers(Procedure procedure) {
			return procedure.getTransitions().stream().filter(t -> t.getActor() == receiver && t.getReceive() != null
					&& t.getReceive().getChannel() == channel && t.getReceive().getMessage() == message).toList();
		}

		/** The {@code defer} declarations of the receiver for this message on this channel. */
		public List<Deferral> deferrals(Procedure procedure) {
			return procedure.getDeferrals().stream().filter(d -> d.getRole() == receiver && d.getReceive()
					.getChannel() == channel && d.getReceive().getMessage() == message).toList();
		}
	}

	public enum Kind {
		/** A property of the procedure: bad states are those that violate it. */
		PROPERTY,
		/** Whether a step can happen: "bad" states are those the step produces, so a violation is a witness. */
		REACHABILITY,
		/** Whether some action would overflow a channel or store a value outside its range. */
		BOUNDS,
		/**
		 * Whether a message that arrives finds its receiver without a handler (semantics §7.4):
		 * bad states are those where it waits, deliverable, and nothing takes or defers it.
		 */
		UNHANDLED
	}

	public static Obligation of(Property property) {
		return new Obligation(Kind.PROPERTY, property, null, null);
	}

	/**
	 * Whether the dead-step question (semantics §7.3) is asked of the transition: of every step,
	 * event, otherwise block and ignore of the author's, not of the attacker's injections (§4.5),
	 * which the compiler adds for every message type a lane may carry whether or not it matters.
	 */
	public static boolean asksReachability(Transition transition) {
		return transition.getKind() != TransitionKind.INJECTION;
	}

	/**
	 * Whether the question reads which move produced a state: a dead step (semantics §7.3), or a
	 * property that says {@code step X} (§6). Neither semantics needs the last move otherwise, so
	 * the encoding keeps it only then, and the interpreter's states forget it otherwise (two states
	 * that differ only in the move that reached them are one state for every other question).
	 */
	public boolean observesLastMove() {
		if (kind == Kind.REACHABILITY) {
			return true;
		}
		if (kind != Kind.PROPERTY) {
			return false;
		}
		for (var it = property.eAllContents(); it.hasNext();) {
			if (it.next() instanceof dev.shall.model.Fired) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a state keeps that the move of this transition (of any session) produced it: only for
	 * a transition the question reads so — the step of a dead-step question, the steps a property
	 * names with {@code step X} (semantics §6, §7.3); any other move is just "none of them" (-1).
	 *
	 * @param transition the move's transition, null for a fault of a channel
	 */
	public boolean keepsLastMove(Transition transition) {
		if (transition == null) {
			return false;
		}
		if (kind == Kind.REACHABILITY) {
			return transition == this.transition;
		}
		if (kind != Kind.PROPERTY) {
			return false;
		}
		for (var it = property.eAllContents(); it.hasNext();) {
			if (it.next() instanceof dev.shall.model.Fired fired && fired.getTransition() == transition) {
				return true;
			}
		}
		return false;
	}

	public static Obligation reach(Transition transition) {
		return new Obligation(Kind.REACHABILITY, null, transition, null);
	}

	public static Obligation bounds() {
		return new Obligation(Kind.BOUNDS, null, null, null);
	}

	public static Obligation unhandled(MessageType message, Channel channel, Role receiver) {
		return new Obligation(Kind.UNHANDLED, null, null, new Arrival(message, channel, receiver));
	}

	public String name() {
		return switch (kind) {
		case PROPERTY -> property.getName();
		case REACHABILITY -> subject(transition) + " can happen";
		case BOUNDS -> "within declared bounds";
		case UNHANDLED -> arrival.describe() + " is handled";
		};
	}

	/**
	 * How reports name a step or event in the question whether it can happen: {@code step 5},
	 * {@code event drbRelease}, for a step that handles a timer's expiry (semantics §3.5)
	 * {@code step retransmit (on expiry of T3460)}, for an otherwise block (§3.6)
	 * {@code step 3 (otherwise)}, for an ignore {@code ignore Reject on nas at MME}. The one place
	 * this name is made: reports, the editors and fingerprints match on it.
	 */
	public static String subject(Transition transition) {
		if (transition.getKind() == TransitionKind.IGNORE) {
			return "ignore " + new Arrival(transition.getReceive().getMessage(), transition.getReceive().getChannel(),
					transition.getActor()).describe();
		}
		if (transition.getKind() == TransitionKind.OTHERWISE) {
			return "step " + transition.getName() + " (otherwise)";
		}
		if (transition.getKind() == TransitionKind.INJECTION) {
			return transition.getName();
		}
		String what = (transition.getKind() == TransitionKind.ENVIRONMENT ? "event " : "step ") + transition.getName();
		return transition.getExpiry() == null ? what : what + " (on expiry of " + transition.getExpiry().getName() + ")";
	}
}
