package dev.shall.checker.executor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.crypto.BitString;
import dev.shall.checker.crypto.Bytes;
import dev.shall.checker.crypto.EpsAlgorithms;
import dev.shall.checker.crypto.EpsParameters;
import dev.shall.checker.crypto.Ikev2Prf;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.QueuedMessage;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.KeyUniverse;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.trace.Traces;
import dev.shall.model.KeyDecl;
import dev.shall.model.Protection;
import dev.shall.model.StateVariable;

/**
 * The messages in flight with real protection. Each lane of each instance keeps, beside the
 * interpreter's queue, the protected PDUs: the message text (a stand-in for its ASN.1 encoding),
 * its COUNT, the MAC computed with the sender's key and, on ciphered lanes, the ciphertext. A
 * receiver verifies with its own key. The interpreter decides acceptance symbolically; here the
 * bytes decide, and a difference between the two is an error of the checker.
 */
final class ProtectedLanes {

	/**
	 * A protected PDU; {@code guessed}: the attacker's, protected with no key it knows (semantics §4.5),
	 * so its MAC is computed with a key it guessed, which only a receiver without a key does not check.
	 */
	private record Pdu(String text, long count, int keyTerm, byte[] mac, byte[] ciphertext, boolean guessed) {
		Pdu(String text, long count, int keyTerm, byte[] mac, byte[] ciphertext) {
			this(text, count, keyTerm, mac, ciphertext, false);
		}
	}

	/** Per-step findings, in the order they happened. */
	record Outcome(List<String> lines, List<String> contradictions) {
	}

	private final Layout layout;
	private final ConcreteKeys keys;
	private final int integrityAlgorithm;
	private final int cipheringAlgorithm;
	private final Map<String, List<Pdu>> queues = new HashMap<>();
	private final Map<String, Long> nextCount = new HashMap<>();
	private final Map<String, Pdu> lastDelivered = new HashMap<>();
	private final Map<String, String> keystreamUses = new HashMap<>();

	ProtectedLanes(Layout layout, ConcreteKeys keys, int integrityAlgorithm, int cipheringAlgorithm) {
		this.layout = layout;
		this.keys = keys;
		this.integrityAlgorithm = integrityAlgorithm;
		this.cipheringAlgorithm = cipheringAlgorithm;
	}

	Outcome step(Move move, ConcreteState before, ConcreteState after, int index) {
		List<String> lines = new ArrayList<>();
		List<String> contradictions = new ArrayList<>();
		Action action = layout.actions().get(move.action());
		int instance = move.instance();
		for (Lane lane : layout.lanes()) {
			String id = instance + "/" + lane.index();
			List<Pdu> mirror = queues.computeIfAbsent(id, k -> new ArrayList<>());
			List<QueuedMessage> was = before.queues().get(instance).get(lane.index());
			List<QueuedMessage> is = after.queues().get(instance).get(lane.index());
			boolean receives = action.kind() == Action.Kind.TRANSITION && action.transition().getReceive() != null
					&& layout.lane(action.transition().getReceive().getChannel(), action.transition().getActor(), true) == lane;
			boolean takes = !was.isEmpty() && (receives || action.lane() == lane
					&& (action.kind() == Action.Kind.LOSE || action.kind() == Action.Kind.DISCARD));
			int remaining = was.size();
			if (takes) {
				int slot = Math.min(move.slot(), was.size() - 1);
				Pdu taken = mirror.remove(slot);
				remaining--;
				if (action.kind() != Action.Kind.LOSE) {
					lastDelivered.put(id, taken);
					verify(lane, taken, before.variables()[instance], action.kind() == Action.Kind.DISCARD, index,
							lines, contradictions);
				}
			}
			for (int j = remaining; j < is.size(); j++) {
				QueuedMessage message = is.get(j);
				Pdu pdu = switch (action.kind()) {
				case DUPLICATE -> mirror.stream().filter(p -> p.text().equals(Traces.describe(layout, lane, message)))
						.findFirst().orElseThrow();
				case REPLAY -> lastDelivered.get(id);
				default -> action.transition().getKind() == dev.shall.model.TransitionKind.INJECTION
						? inject(id, lane, message, lines)
						: protect(id, lane, message, instance, lines);
				};
				mirror.add(pdu);
				if (action.kind() != Action.Kind.TRANSITION && pdu.mac() != null) {
					lines.add("the copy on " + lane.name() + " carries the original COUNT " + pdu.count() + " and MAC "
							+ Bytes.hex(pdu.mac()));
				}
			}
		}
		return new Outcome(lines, contradictions);
	}

	/**
	 * The attacker's message (semantics §4.5): protected with the key term it chose, which it knows, so
	 * that its MAC is the real one; or, chosen unprotected on a keyed lane, with a MAC under a key it
	 * guessed (random bytes), which the real EIA check of a receiver holding a key rejects.
	 */
	private Pdu inject(String id, Lane lane, QueuedMessage message, List<String> lines) {
		if (!lane.keyed()) {
			return protect(id, lane, message, -1, lines);
		}
		String text = Traces.describe(layout, lane, message);
		long count = nextCount.merge(id, 1L, Long::sum) - 1;
		KeyDecl key = KeyUniverse.declOf(lane.receiverKey().getType());
		if (message.mac() != Domain.NONE) {
			byte[] mac = mac(key, keys.value(key, message.mac()), lane, count, text);
			lines.add("the attacker protects " + text + " (COUNT " + count + ") with "
					+ layout.describe(lane.receiverKey().getType(), message.mac()) + ", which it knows: " + macName(key)
					+ " " + Bytes.hex(mac));
			return new Pdu(text, count, message.mac(), mac, null);
		}
		byte[] guess = new byte[keys.value(key, 0).length];
		guesses.nextBytes(guess);
		byte[] mac = mac(key, guess, lane, count, text);
		lines.add("the attacker knows no key of " + lane.name() + ": it protects " + text + " (COUNT " + count
				+ ") with a guessed key " + Bytes.hex(guess) + ": " + macName(key) + " " + Bytes.hex(mac));
		return new Pdu(text, count, Domain.NONE, mac, null, true);
	}

	/** The attacker's guesses: a fixed seed, so that a replay prints the same bytes every time. */
	private final java.util.Random guesses = new java.util.Random(0x5A11L);

	private Pdu protect(String id, Lane lane, QueuedMessage message, int instance, List<String> lines) {
		String text = Traces.describe(layout, lane, message);
		long count = nextCount.merge(id, 1L, Long::sum) - 1;
		if (!lane.keyed() || message.mac() == Domain.NONE) {
			return new Pdu(text, count, Domain.NONE, null, null);
		}
		KeyDecl key = KeyUniverse.declOf(lane.senderKey().getType());
		byte[] value = keys.value(key, message.mac());
		byte[] mac = mac(key, value, lane, count, text);
		String term = layout.describe(lane.senderKey().getType(), message.mac());
		lines.add(lane.sender().getName() + " protects " + text + " (COUNT " + count + ") with " + term + ": "
				+ macName(key) + " " + Bytes.hex(mac));
		byte[] ciphertext = null;
		Protection protection = lane.channel().getProtection();
		if (protection == Protection.CIPHERING || protection == Protection.INTEGRITY_AND_CIPHERING) {
			KeyUsage usage = KeyUsage.of(key);
			byte[] cipheringKey = usage.cipheringKey(value, cipheringAlgorithm);
			EpsParameters parameters = new EpsParameters(cipheringKey, count, bearer(lane), direction(lane));
			ciphertext = EpsAlgorithms.cipher(cipheringAlgorithm)
					.apply(parameters, BitString.ofOctets(text.getBytes(StandardCharsets.UTF_8))).bytes();
			String use = Bytes.hex(cipheringKey) + "/" + count + "/" + bearer(lane) + "/" + direction(lane);
			String earlier = keystreamUses.putIfAbsent(use, text + " on " + lane.name());
			lines.add("ciphered with 128-EEA" + cipheringAlgorithm + ": " + Bytes.hex(ciphertext));
			if (earlier != null) {
				lines.add("KEYSTREAM REUSE: the same key, COUNT, BEARER and DIRECTION already ciphered " + earlier);
			}
		}
		return new Pdu(text, count, message.mac(), mac, ciphertext);
	}

	private void verify(Lane lane, Pdu pdu, int[] receiverVariables, boolean discarded, int index, List<String> lines,
			List<String> contradictions) {
		if (!lane.keyed()) {
			return;
		}
		StateVariable receiverKey = lane.receiverKey();
		int term = receiverVariables[layout.indexOf(receiverKey)];
		boolean verified;
		if (pdu.guessed() && term == Domain.NONE) {
			// semantics §4.5: a receiver without a key does not verify, so the guess goes unchecked
			lines.add(lane.receiver().getName() + " takes " + pdu.text() + " unchecked: it holds no key yet");
			verified = true;
		} else if (pdu.mac() == null && term == Domain.NONE) {
			// the checker's semantics: with no key on either side, the lane is not protected yet
			lines.add(lane.receiver().getName() + " takes " + pdu.text() + " unprotected: neither side holds a key yet");
			verified = true;
		} else if (pdu.mac() == null) {
			lines.add(lane.receiver().getName() + " receives " + pdu.text() + " without a MAC: the sender had no key");
			verified = false;
		} else if (term == Domain.NONE) {
			lines.add(lane.receiver().getName() + " holds no key to verify " + pdu.text() + " with: verification fails");
			verified = false;
		} else {
			KeyDecl key = KeyUniverse.declOf(receiverKey.getType());
			byte[] expected = mac(key, keys.value(key, term), lane, pdu.count(), pdu.text());
			verified = Arrays.equals(expected, pdu.mac());
			lines.add(lane.receiver().getName() + " verifies " + pdu.text() + " with "
					+ layout.describe(receiverKey.getType(), term) + ": expects " + Bytes.hex(expected) + ", received "
					+ Bytes.hex(pdu.mac()) + (verified ? " — verified" : " — " + failureName(key)));
		}
		if (verified == discarded) {
			contradictions.add("step " + index + ": the checker " + (discarded ? "discarded " : "accepted ") + pdu.text()
					+ " on " + lane.name() + ", but the real " + (verified ? "MAC verifies" : "MAC fails"));
		}
	}

	private byte[] mac(KeyDecl key, byte[] value, Lane lane, long count, String text) {
		byte[] message = text.getBytes(StandardCharsets.UTF_8);
		KeyUsage usage = KeyUsage.of(key);
		if (usage == KeyUsage.IKEV2_PSK) {
			// the PSK authenticates the IKE_AUTH exchange (RFC 7296 2.15); the message stands for the signed octets
			return Ikev2Prf.HMAC_SHA256.pskAuth(value, message);
		}
		EpsParameters parameters = new EpsParameters(usage.integrityKey(value, integrityAlgorithm), count, bearer(lane),
				direction(lane));
		return EpsAlgorithms.integrity(integrityAlgorithm).mac(parameters, BitString.ofOctets(message));
	}

	private String macName(KeyDecl key) {
		KeyUsage usage = KeyUsage.of(key);
		return usage == KeyUsage.IKEV2_PSK ? "IKEv2 AUTH (prf HMAC-SHA-256)"
				: "128-EIA" + integrityAlgorithm + " MAC with " + usage.integrityName();
	}

	private static String failureName(KeyDecl key) {
		return KeyUsage.of(key) == KeyUsage.IKEV2_PSK ? "AUTHENTICATION_FAILED" : "MAC FAILURE";
	}

	/** BEARER: the lane's number (5 bits); DIRECTION: 1 from the channel's first endpoint, else 0. */
	private static int bearer(Lane lane) {
		return lane.index() & 31;
	}

	private static int direction(Lane lane) {
		return lane.sender() == lane.channel().getEndpointA() ? 1 : 0;
	}
}
