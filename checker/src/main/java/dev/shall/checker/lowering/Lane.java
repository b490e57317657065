package dev.shall.checker.lowering;

import java.util.List;

import dev.shall.model.Channel;
import dev.shall.model.Fault;
import dev.shall.model.MessageType;
import dev.shall.model.Role;
import dev.shall.model.StateVariable;

/**
 * One direction of a channel: a bounded queue from a sender role to a receiver role. A keyed
 * channel tags every message with the sender's key, which the receiver checks against its own.
 *
 * @param messages the message types sent in this direction; a queued message stores its type
 *                 as 1 + its position here (0 is an empty slot)
 * @param senderKey the variable whose value protects sent messages, or null
 * @param receiverKey the variable the receiver verifies with, or null
 */
public record Lane(int index, Channel channel, Role sender, Role receiver, List<MessageType> messages,
		StateVariable senderKey, StateVariable receiverKey) {

	public boolean keyed() {
		return senderKey != null && receiverKey != null;
	}

	/** How many messages sent by the procedure the lane holds (the declared bound, semantics §4.1). */
	public int capacity() {
		return channel.getCapacity();
	}

	/**
	 * Whether messages other than the procedure's can be in the lane: fault copies (duplication,
	 * replay) or the attacker's injections (semantics §4.3, §4.5).
	 */
	public boolean copies() {
		return has(Fault.DUPLICATION) || has(Fault.REPLAY) || has(Fault.INJECTION);
	}

	/**
	 * How many messages the lane can physically hold: its capacity, and as many fault copies
	 * besides on a lane that duplicates or replays (semantics §4.3). Copies are the channel's
	 * doing, not the procedure's, so they never count against the capacity nor block a send.
	 */
	public int length() {
		return copies() ? 2 * capacity() : capacity();
	}

	public boolean has(Fault fault) {
		return channel.getFaults().contains(fault);
	}

	/** The queue's name in traces, e.g. {@code rrc(MeNB→UE)}. */
	public String name() {
		return channel.getName() + "(" + sender.getName() + "→" + receiver.getName() + ")";
	}

	public int tagOf(MessageType message) {
		return messages.indexOf(message) + 1;
	}
}
