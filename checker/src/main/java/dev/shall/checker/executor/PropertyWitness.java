package dev.shall.checker.executor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.shall.checker.crypto.BitString;
import dev.shall.checker.crypto.Bytes;
import dev.shall.checker.crypto.EpsAlgorithms;
import dev.shall.checker.crypto.EpsParameters;
import dev.shall.checker.crypto.Ikev2Prf;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.StateQueries;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.KeyUniverse;
import dev.shall.checker.lowering.Layout;
import dev.shall.model.Agreement;
import dev.shall.model.Expression;
import dev.shall.model.Freshness;
import dev.shall.model.Invariant;
import dev.shall.model.KeyConstant;
import dev.shall.model.KeyDecl;
import dev.shall.model.Property;
import dev.shall.model.VariableRef;

/**
 * What the violated property looks like in bytes at the end of the run: for a key agreement, the
 * two keys and the MAC (or IKEv2 AUTH) that fails between them; for freshness, the keystream that
 * repeats; for an invariant, the state that breaks it. When the bytes do not show the violation
 * the engine reported, that is a contradiction, reported as an error of the checker.
 */
final class PropertyWitness {

	record Conclusion(List<String> lines, List<String> contradictions) {
	}

	private final Layout layout;
	private final StateQueries queries;
	private final ConcreteKeys keys;
	private final int integrityAlgorithm;
	private final int cipheringAlgorithm;

	PropertyWitness(Layout layout, StateQueries queries, ConcreteKeys keys, int integrityAlgorithm,
			int cipheringAlgorithm) {
		this.layout = layout;
		this.queries = queries;
		this.keys = keys;
		this.integrityAlgorithm = integrityAlgorithm;
		this.cipheringAlgorithm = cipheringAlgorithm;
	}

	Conclusion conclude(Property property, List<ConcreteState> states) {
		List<String> lines = new ArrayList<>();
		List<String> contradictions = new ArrayList<>();
		ConcreteState last = states.get(states.size() - 1);
		try {
			conclude(property, states, last, lines, contradictions);
		} catch (IllegalArgumentException e) {
			lines.add(property.getName() + ": " + e.getMessage() + "; nothing to compute in bytes");
		}
		return new Conclusion(lines, contradictions);
	}

	private void conclude(Property property, List<ConcreteState> states, ConcreteState last, List<String> lines,
			List<String> contradictions) {
		if (!dev.shall.checker.lowering.PastTime.occurrences(property).isEmpty()) {
			// the replay runs without the property's monitor, which past-time operators read (§6.5)
			lines.add(property.getName() + " speaks of the run's past; the bytes above are the run's keys");
			return;
		}
		switch (property) {
		case Agreement agreement -> agreement(agreement, last, lines, contradictions);
		case Freshness freshness -> freshness(freshness, states, lines, contradictions);
		case Invariant invariant -> {
			boolean broken = false;
			for (int i = 0; i < last.instances(); i++) {
				broken |= queries.value(invariant.getCondition(), last, i) == 0;
			}
			lines.add(broken ? "the last state breaks the invariant (the key values above are those it holds)"
					: "the invariant holds in the last state");
			if (!broken) {
				contradictions.add("the checker reported " + property.getName() + " violated, but the run ends in a state"
						+ " that satisfies it");
			}
		}
		default -> lines.add(property.getName() + " is about the order of steps; the bytes above are the run's keys");
		}
	}

	private void agreement(Agreement agreement, ConcreteState last, List<String> lines, List<String> contradictions) {
		KeyDecl key = keyOf(agreement.getLeft());
		for (int i = 0; i < last.instances(); i++) {
			if (queries.value(agreement.getCondition(), last, i) == 0) {
				continue;
			}
			int left = queries.value(agreement.getLeft(), last, i);
			int right = queries.value(agreement.getRight(), last, i);
			String leftName = text(agreement.getLeft());
			String rightName = text(agreement.getRight());
			lines.add("instance " + i + ": " + leftName + " = " + describe(key, left));
			lines.add("instance " + i + ": " + rightName + " = " + describe(key, right));
			if (left == Domain.NONE || right == Domain.NONE) {
				lines.add("one side holds no key: its first protected message cannot be produced or verified");
				return;
			}
			byte[] leftKey = keys.value(key, left);
			byte[] rightKey = keys.value(key, right);
			byte[] probe = ("first protected message after " + agreement.getName()).getBytes(StandardCharsets.UTF_8);
			KeyUsage usage = KeyUsage.of(key);
			byte[] sent;
			byte[] expected;
			String what;
			if (usage == KeyUsage.IKEV2_PSK) {
				sent = Ikev2Prf.HMAC_SHA256.pskAuth(leftKey, probe);
				expected = Ikev2Prf.HMAC_SHA256.pskAuth(rightKey, probe);
				what = "IKEv2 AUTH (RFC 7296 2.15, prf HMAC-SHA-256)";
			} else {
				sent = EpsAlgorithms.integrity(integrityAlgorithm).mac(new EpsParameters(
						usage.integrityKey(leftKey, integrityAlgorithm), 0, 0, 0), BitString.ofOctets(probe));
				expected = EpsAlgorithms.integrity(integrityAlgorithm).mac(new EpsParameters(
						usage.integrityKey(rightKey, integrityAlgorithm), 0, 0, 0), BitString.ofOctets(probe));
				what = "128-EIA" + integrityAlgorithm + " MAC with " + usage.integrityName();
			}
			boolean fails = !Arrays.equals(sent, expected);
			lines.add("the next protected message, " + what + ": " + leftName + " sends " + Bytes.hex(sent) + ", "
					+ rightName + " expects " + Bytes.hex(expected) + (fails ? (usage == KeyUsage.IKEV2_PSK
							? " — AUTHENTICATION_FAILED" : " — MAC FAILURE") : " — verified"));
			if (!fails) {
				contradictions.add("the checker reported " + agreement.getName() + " violated, but both sides hold "
						+ describe(key, left));
			}
			return;
		}
		contradictions.add("the checker reported " + agreement.getName() + " violated, but its condition does not hold"
				+ " at the end of the run");
	}

	private void freshness(Freshness freshness, List<ConcreteState> states, List<String> lines,
			List<String> contradictions) {
		KeyDecl key = keyOf(freshness.getValue());
		for (int i = 0; i < states.get(0).instances(); i++) {
			List<Integer> seenAt = new ArrayList<>();
			for (int s = 0; s < states.size(); s++) {
				if (queries.value(freshness.getCondition(), states.get(s), i) == 0) {
					continue;
				}
				int value = queries.value(freshness.getValue(), states.get(s), i);
				for (int earlier : seenAt) {
					if (queries.value(freshness.getValue(), states.get(earlier), i) == value && value != Domain.NONE) {
						byte[] cipheringKey = KeyUsage.of(key).cipheringKey(keys.value(key, value), cipheringAlgorithm);
						byte[] keystream = EpsAlgorithms.cipher(cipheringAlgorithm).apply(
								new EpsParameters(cipheringKey, 0, 0, 0), BitString.ofOctets(new byte[16])).bytes();
						lines.add("instance " + i + ": " + text(freshness.getValue()) + " is " + describe(key, value)
								+ " after step " + earlier + " and again after step " + s);
						lines.add("with COUNT restarting at 0, 128-EEA" + cipheringAlgorithm + " with "
								+ KeyUsage.of(key).cipheringName() + " gives the same keystream both times: "
								+ Bytes.hex(keystream) + " — REPEATED KEYSTREAM (the XOR of two ciphertexts is"
								+ " the XOR of their plaintexts)");
						return;
					}
				}
				seenAt.add(s);
			}
		}
		contradictions.add("the checker reported " + freshness.getName() + " violated, but no key repeats in the run");
	}

	private String describe(KeyDecl key, int term) {
		if (term == Domain.NONE) {
			return "none";
		}
		ConcreteKeys.Derived derived = keys.derive(key, term);
		return layout.keys().describe(key, term) + " = " + Bytes.hex(derived.value());
	}

	private static String text(Expression expression) {
		return switch (expression) {
		case VariableRef ref -> Layout.qualifiedName(ref.getVariable());
		case KeyConstant constant -> ((KeyDecl) constant.getAtom().eContainer()).getName() + "." + constant.getAtom().getName();
		default -> "the key";
		};
	}

	private static KeyDecl keyOf(Expression expression) {
		try {
			return KeyUniverse.declOf(expression);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("the property does not compare keys");
		}
	}
}
