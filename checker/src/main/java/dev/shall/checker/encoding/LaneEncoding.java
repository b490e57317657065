package dev.shall.checker.encoding;

import java.util.List;

import dev.shall.checker.encoding.SymbolicState.Slot;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;

/**
 * Lanes as circuits: queue slots, taking a message from the head or any position, appending,
 * fault copies and their count, and the canonical form of empty slots. The symbolic twin of the
 * lane handling in {@link dev.shall.checker.explicit.Interpreter} and
 * {@link dev.shall.checker.explicit.QueuedMessage} (semantics §4).
 */
final class LaneEncoding {

	private final Layout layout;
	private final Circuit circuit;

	LaneEncoding(Layout layout, Circuit circuit) {
		this.layout = layout;
		this.circuit = circuit;
	}

	/** Per queue position, the literal under which an action takes it: the slot input, or the head. */
	int[] positions(Lane lane, SymbolicValue slotInput, boolean anyPosition) {
		int[] at = new int[lane.length()];
		for (int p = 0; p < at.length; p++) {
			at[p] = anyPosition ? slotInput.is(circuit, p) : p == 0 ? Circuit.TRUE : Circuit.FALSE;
		}
		return at;
	}

	Slot pick(Slot[] slots, int[] at) {
		Slot picked = slots[0];
		for (int p = 1; p < slots.length; p++) {
			picked = iteSlot(at[p], slots[p], picked);
		}
		return picked;
	}

	/** The lane's slots after removing the message at the position {@code at} selects (semantics §3.1). */
	Slot[] dequeue(Slot[] slots, Lane lane, int[] at) {
		Slot[] result = new Slot[slots.length];
		int removedAtOrBefore = Circuit.FALSE;
		for (int j = 0; j < slots.length; j++) {
			removedAtOrBefore = circuit.or(removedAtOrBefore, at[j]);
			Slot following = j + 1 < slots.length ? slots[j + 1] : emptySlot(lane);
			result[j] = iteSlot(removedAtOrBefore, following, slots[j]);
		}
		return result;
	}

	/** The lane's slots with the message appended at the first empty slot when {@code condition} holds. */
	Slot[] enqueue(Slot[] slots, Lane lane, Slot message, int condition) {
		Slot[] result = new Slot[slots.length];
		for (int j = 0; j < slots.length; j++) {
			int firstEmpty = circuit.and(circuit.not(nonEmpty(slots[j])), j == 0 ? Circuit.TRUE : nonEmpty(slots[j - 1]));
			result[j] = iteSlot(circuit.and(condition, firstEmpty), message, slots[j]);
		}
		return result;
	}

	Slot message(Lane lane, MessageType type, SymbolicValue[] values, SymbolicValue mac) {
		Slot empty = emptySlot(lane);
		SymbolicValue[][] fields = empty.fields().clone();
		int m = lane.messages().indexOf(type);
		SymbolicValue[] mine = new SymbolicValue[values.length];
		for (int f = 0; f < values.length; f++) {
			// out-of-range values never reach a state: the step is blocked as exceeding a bound
			Domain domain = layout.domain(type.getFields().get(f));
			mine[f] = restrict(values[f], domain);
		}
		fields[m] = mine;
		return new Slot(SymbolicValue.constant(lane.tagOf(type)), fields, lane.keyed() ? mac : empty.mac(), empty
				.copy());
	}

	SymbolicValue restrict(SymbolicValue value, Domain domain) {
		return value.map(circuit, v -> domain.contains(v) ? v : domain.value(0));
	}

	Slot emptySlot(Lane lane) {
		SymbolicValue[][] fields = new SymbolicValue[lane.messages().size()][];
		for (int m = 0; m < fields.length; m++) {
			List<MessageField> declared = lane.messages().get(m).getFields();
			fields[m] = new SymbolicValue[declared.size()];
			for (int f = 0; f < declared.size(); f++) {
				fields[m][f] = SymbolicValue.constant(layout.domain(declared.get(f)).value(0));
			}
		}
		SymbolicValue mac = SymbolicValue.constant(lane.keyed() ? layout.macDomain(lane).value(0) : Domain.NONE);
		return new Slot(SymbolicValue.constant(0), fields, mac, SymbolicValue.constant(0));
	}

	/** The slot with its copy flag set to the literal (on lanes without copies the flag stays 0). */
	Slot withCopy(Slot slot, int copy) {
		return new Slot(slot.tag(), slot.fields(), slot.mac(), SymbolicValue.bool(copy));
	}

	/** Per slot, the literal under which it holds a fault copy. */
	int[] copyFlags(Slot[] slots) {
		int[] flags = new int[slots.length];
		for (int j = 0; j < slots.length; j++) {
			flags[j] = circuit.and(nonEmpty(slots[j]), slots[j].copy().truth(circuit));
		}
		return flags;
	}

	/** Per slot, the literal under which it holds a message the procedure sent. */
	int[] ownFlags(Slot[] slots) {
		int[] flags = new int[slots.length];
		for (int j = 0; j < slots.length; j++) {
			flags[j] = circuit.and(nonEmpty(slots[j]), circuit.not(slots[j].copy().truth(circuit)));
		}
		return flags;
	}

	/** Whether at least n of the literals are true (a sequential counter, n is small: a capacity). */
	int atLeast(int[] literals, int n) {
		// count[c] = at least c of the literals seen so far are true
		int[] count = new int[n + 1];
		count[0] = Circuit.TRUE;
		for (int literal : literals) {
			for (int c = n; c >= 1; c--) {
				count[c] = circuit.or(count[c], circuit.and(count[c - 1], literal));
			}
		}
		return count[n];
	}

	int nonEmpty(Slot slot) {
		return circuit.not(slot.tag().is(circuit, 0));
	}

	/** Empty slots are all canonical; a message's slot keeps only its own type's fields. */
	int canonical(Lane lane, Slot slot) {
		Slot empty = emptySlot(lane);
		int result = Circuit.TRUE;
		for (int m = 0; m < lane.messages().size(); m++) {
			int notThisType = circuit.not(slot.tag().is(circuit, m + 1));
			for (int f = 0; f < slot.fields()[m].length; f++) {
				result = circuit.and(result,
						circuit.implies(notThisType, slot.fields()[m][f].equalTo(circuit, empty.fields()[m][f])));
			}
		}
		if (lane.keyed()) {
			result = circuit.and(result, circuit.implies(slot.tag().is(circuit, 0), slot.mac().equalTo(circuit, empty
					.mac())));
		}
		if (lane.copies()) {
			result = circuit.and(result, circuit.implies(slot.tag().is(circuit, 0), circuit.not(slot.copy().truth(
					circuit))));
		}
		return result;
	}

	Slot iteSlot(int condition, Slot then, Slot otherwise) {
		if (condition == Circuit.TRUE) {
			return then;
		}
		if (condition == Circuit.FALSE || then == otherwise) {
			return otherwise;
		}
		SymbolicValue[][] fields = new SymbolicValue[then.fields().length][];
		for (int m = 0; m < fields.length; m++) {
			fields[m] = new SymbolicValue[then.fields()[m].length];
			for (int f = 0; f < fields[m].length; f++) {
				fields[m][f] = SymbolicValue.ite(circuit, condition, then.fields()[m][f], otherwise.fields()[m][f]);
			}
		}
		return new Slot(SymbolicValue.ite(circuit, condition, then.tag(), otherwise.tag()), fields,
				SymbolicValue.ite(circuit, condition, then.mac(), otherwise.mac()), SymbolicValue.ite(circuit, condition,
						then.copy(), otherwise.copy()));
	}
}
