package dev.shall.checker.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.shall.checker.encoding.SymbolicState.Slot;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.model.Fault;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.StateVariable;

/**
 * The state layout as circuits: the initial state, free states for induction, the fixed order
 * of every field (variables, queue slots, replay registers, monitors, the last move), and the
 * translation of concrete states of the interpreter into constants. The symbolic twin of
 * {@link dev.shall.checker.explicit.ConcreteState} (semantics §2).
 */
final class StateEncoding {

	private final Layout layout;
	private final Circuit circuit;
	private final int instances;
	private final SymbolicEvaluator evaluator;
	private final LaneEncoding lanes;
	private final MonitorEncoding monitors;
	private final int[] freshnessUniverse;
	private final boolean tracksLast;
	private final Domain lastDomain;

	StateEncoding(Layout layout, Circuit circuit, int instances, SymbolicEvaluator evaluator, LaneEncoding lanes,
			MonitorEncoding monitors, int[] freshnessUniverse, boolean tracksLast, Domain lastDomain) {
		this.layout = layout;
		this.circuit = circuit;
		this.instances = instances;
		this.evaluator = evaluator;
		this.lanes = lanes;
		this.monitors = monitors;
		this.freshnessUniverse = freshnessUniverse;
		this.tracksLast = tracksLast;
		this.lastDomain = lastDomain;
	}

	SymbolicState initialState() {
		SymbolicState state = new SymbolicState(instances, layout.variables().size(), layout.lanes().size());
		for (int i = 0; i < instances; i++) {
			for (StateVariable variable : layout.variables()) {
				if (variable.getInitial() instanceof dev.shall.model.UniqueIdentity) {
					// semantics §2.5: session i starts with identity i + 1 of the pool
					state.variables[i][layout.indexOf(variable)] = SymbolicValue.constant(i + 1);
					continue;
				}
				SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(new SymbolicValue[0], null, null,
						t -> Circuit.FALSE, true);
				state.variables[i][layout.indexOf(variable)] = evaluator.evaluate(circuit, variable.getInitial(), env,
						Circuit.TRUE,
						new int[] { Circuit.FALSE });
			}
			for (Lane lane : layout.lanes()) {
				Slot[] slots = new Slot[lane.length()];
				for (int j = 0; j < slots.length; j++) {
					slots[j] = lanes.emptySlot(lane);
				}
				state.queues[i][lane.index()] = slots;
				state.replayable[i][lane.index()] = lane.has(Fault.REPLAY) ? lanes.emptySlot(lane) : null;
			}
			state.flag[i] = Circuit.FALSE;
			// no state before the initial one: every past-time occurrence's history bit is false (§6.5)
			state.past[i] = new int[monitors.pastTimeCount()];
			java.util.Arrays.fill(state.past[i], Circuit.FALSE);
			state.counter[i] = SymbolicValue.constant(0);
			state.saturated[i] = Circuit.FALSE;
			for (int value : freshnessUniverse) {
				state.used[i].put(value, Circuit.FALSE);
			}
		}
		state.last = tracksLast ? SymbolicValue.constant(-1) : null;
		return state;
	}

	/**
	 * A state with a fresh input for every bit, for the step case of k-induction. The literal
	 * {@link #wellFormed} says it has the shape every reachable state has.
	 */
	SymbolicState freeState() {
		List<int[]> raw = new ArrayList<>();
		SymbolicState free = rebuild(initialState(), (domain, value) -> {
			int[] bits = new int[domain.bits()];
			for (int b = 0; b < bits.length; b++) {
				bits[b] = circuit.input();
			}
			raw.add(bits);
			return SymbolicValue.decode(circuit, domain, bits);
		});
		free.raw = raw;
		return free;
	}

	/** Values in their domains, queues filled from the head, unused message fields in canonical form. */
	int wellFormed(SymbolicState state) {
		int[] result = { Circuit.TRUE };
		flatten(state, (domain, value) -> {
			result[0] = circuit.and(result[0], circuit.and(value.defined(circuit), circuit.not(value.outside(circuit,
					domain))));
			return value;
		});
		// semantics §1.3: every session's copy of a shared variable holds its one value
		for (int shared : layout.sharedVariables()) {
			for (int i = 1; i < instances; i++) {
				result[0] = circuit.and(result[0], state.variables[i][shared].equalTo(circuit, state.variables[0][shared]));
			}
		}
		for (int i = 0; i < instances; i++) {
			for (Lane lane : layout.lanes()) {
				Slot[] slots = state.queues[i][lane.index()];
				for (int j = 0; j < slots.length; j++) {
					result[0] = circuit.and(result[0], lanes.canonical(lane, slots[j]));
					if (j > 0) {
						result[0] = circuit.and(result[0], circuit.implies(lanes.nonEmpty(slots[j]), lanes.nonEmpty(
								slots[j - 1])));
					}
				}
				Slot replay = state.replayable[i][lane.index()];
				if (replay != null) {
					result[0] = circuit.and(result[0], lanes.canonical(lane, replay));
				}
			}
		}
		return result[0];
	}

	/** The bits of every state field, in a fixed order: equal vectors mean equal states. */
	List<int[]> bits(SymbolicState state) {
		if (state.bits != null) {
			return state.bits;
		}
		List<int[]> bits = new ArrayList<>();
		flatten(state, (domain, value) -> {
			bits.add(value.encode(circuit, domain));
			return value;
		});
		state.bits = bits;
		return bits;
	}

	/** Whether two states differ in some field. */
	int differ(SymbolicState a, SymbolicState b) {
		List<int[]> left = bits(a);
		List<int[]> right = bits(b);
		int result = Circuit.FALSE;
		for (int f = 0; f < left.size(); f++) {
			for (int bit = 0; bit < left.get(f).length; bit++) {
				result = circuit.or(result, circuit.not(circuit.iff(left.get(f)[bit], right.get(f)[bit])));
			}
		}
		return result;
	}

	interface FieldVisitor {
		SymbolicValue visit(Domain domain, SymbolicValue value);
	}

	/** Visits every field in the fixed order, replacing each by what the visitor returns. */
	void flatten(SymbolicState state, FieldVisitor visitor) {
		for (int i = 0; i < instances; i++) {
			visitInstance(state, i, visitor);
		}
		if (state.last != null) {
			state.last = visitor.visit(lastDomain, state.last);
		}
	}

	Slot visitSlot(Lane lane, Slot slot, FieldVisitor visitor) {
		SymbolicValue tag = visitor.visit(Domain.range(0, lane.messages().size()), slot.tag());
		SymbolicValue[][] fields = new SymbolicValue[slot.fields().length][];
		for (int m = 0; m < fields.length; m++) {
			List<MessageField> declared = lane.messages().get(m).getFields();
			fields[m] = new SymbolicValue[declared.size()];
			for (int f = 0; f < declared.size(); f++) {
				fields[m][f] = visitor.visit(layout.domain(declared.get(f)), slot.fields()[m][f]);
			}
		}
		SymbolicValue mac = lane.keyed() ? visitor.visit(layout.macDomain(lane), slot.mac()) : slot.mac();
		SymbolicValue copy = lane.copies() ? visitor.visit(Domain.bool(), slot.copy()) : slot.copy();
		return new Slot(tag, fields, mac, copy);
	}

	SymbolicState rebuild(SymbolicState template, FieldVisitor visitor) {
		SymbolicState copy = copy(template);
		flatten(copy, visitor);
		return copy;
	}

	SymbolicState copy(SymbolicState state) {
		SymbolicState copy = new SymbolicState(instances, layout.variables().size(), layout.lanes().size());
		for (int i = 0; i < instances; i++) {
			copy.variables[i] = state.variables[i].clone();
			for (int l = 0; l < layout.lanes().size(); l++) {
				copy.queues[i][l] = state.queues[i][l].clone();
				copy.replayable[i][l] = state.replayable[i][l];
			}
			copy.flag[i] = state.flag[i];
			copy.past[i] = state.past[i].clone();
			copy.counter[i] = state.counter[i];
			copy.saturated[i] = state.saturated[i];
			copy.used[i] = new TreeMap<>(state.used[i]);
		}
		copy.last = state.last;
		return copy;
	}

	// ------------------------------------------------------------------ fields of one instance

	/** The domains of the fields of one instance (variables, queue slots, replay registers), in a fixed order. */
	List<Domain> instanceFieldDomains() {
		List<Domain> domains = new ArrayList<>();
		SymbolicState shape = initialState();
		visitInstance(shape, 0, (domain, value) -> {
			domains.add(domain);
			return value;
		});
		return domains;
	}

	/**
	 * The fields of one instance grouped as an author sees them: each variable alone, and each
	 * queue slot or replay register as one message (its tag, fields and key tag together). Each
	 * group lists field indices in the order of {@link #instanceFieldDomains()}.
	 */
	List<int[]> instanceFieldGroups() {
		List<int[]> groups = new ArrayList<>();
		int next = 0;
		for (int v = 0; v < layout.variables().size(); v++) {
			groups.add(new int[] { next++ });
		}
		for (Lane lane : layout.lanes()) {
			int size = 1 + (lane.keyed() ? 1 : 0) + (lane.copies() ? 1 : 0);
			for (MessageType message : lane.messages()) {
				size += message.getFields().size();
			}
			int slots = lane.length() + (lane.has(Fault.REPLAY) ? 1 : 0);
			for (int j = 0; j < slots; j++) {
				int[] group = new int[size];
				for (int f = 0; f < size; f++) {
					group[f] = next++;
				}
				groups.add(group);
			}
		}
		int monitorBits = (monitors.hasFlagMonitor() ? 1 : 0) + monitors.pastTimeCount()
				+ (monitors.hasCounterMonitor() ? 2 : 0) + freshnessUniverse.length;
		for (int m = 0; m < monitorBits; m++) {
			groups.add(new int[] { next++ });
		}
		return groups;
	}

	/** The fields of instance i of a symbolic state, in the order of {@link #instanceFieldDomains()}. */
	List<SymbolicValue> instanceFields(SymbolicState state, int instance) {
		List<SymbolicValue> fields = new ArrayList<>();
		visitInstance(state, instance, (domain, value) -> {
			fields.add(value);
			return value;
		});
		return fields;
	}

	/** The same fields of a concrete state, as the interpreter stores them. */
	int[] instanceFieldValues(dev.shall.checker.explicit.ConcreteState state, int instance) {
		List<Integer> values = new ArrayList<>();
		for (StateVariable variable : layout.variables()) {
			values.add(state.variables()[instance][layout.indexOf(variable)]);
		}
		for (Lane lane : layout.lanes()) {
			List<dev.shall.checker.explicit.QueuedMessage> queue = state.queues().get(instance).get(lane.index());
			for (int j = 0; j < lane.length(); j++) {
				concreteSlot(lane, j < queue.size() ? queue.get(j) : null, values);
			}
			if (lane.has(Fault.REPLAY)) {
				concreteSlot(lane, state.replayable()[instance][lane.index()], values);
			}
		}
		// the interpreter's monitor is [past-time bits, own history] (explicit.ExplicitProperty)
		long[] monitor = state.monitor()[instance];
		int past = monitors.pastTimeCount();
		if (monitors.hasFlagMonitor()) {
			values.add(monitor[past] != 0 ? 1 : 0);
		}
		for (int j = 0; j < past; j++) {
			values.add(monitor[j] != 0 ? 1 : 0);
		}
		if (monitors.hasCounterMonitor()) {
			values.add((int) monitor[past]);
			values.add(monitor[past + 1] != 0 ? 1 : 0);
		}
		for (int value : freshnessUniverse) {
			values.add(java.util.Arrays.binarySearch(monitor, past, monitor.length, value) >= 0 ? 1 : 0);
		}
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

	/** A concrete state as constants, to compare the encoding with the interpreter step by step. */
	SymbolicState constantState(dev.shall.checker.explicit.ConcreteState concrete, int actionCount) {
		SymbolicState state = copy(initialState());
		for (int i = 0; i < instances; i++) {
			int[] values = instanceFieldValues(concrete, i);
			int[] next = { 0 };
			visitInstance(state, i, (domain, value) -> SymbolicValue.constant(values[next[0]++]));
		}
		if (state.last != null) {
			state.last = SymbolicValue.constant(concrete.lastAction() < 0 ? -1
					: concrete.lastInstance() * actionCount + concrete.lastAction());
		}
		return state;
	}

	void concreteSlot(Lane lane, dev.shall.checker.explicit.QueuedMessage message, List<Integer> values) {
		values.add(message == null ? 0 : message.tag());
		for (int m = 0; m < lane.messages().size(); m++) {
			List<MessageField> declared = lane.messages().get(m).getFields();
			for (int f = 0; f < declared.size(); f++) {
				boolean mine = message != null && message.tag() == m + 1;
				values.add(mine ? message.fields()[f] : layout.domain(declared.get(f)).value(0));
			}
		}
		if (lane.keyed()) {
			values.add(message == null ? layout.macDomain(lane).value(0) : message.mac());
		}
		if (lane.copies()) {
			values.add(message != null && message.copy() ? 1 : 0);
		}
	}

	void visitInstance(SymbolicState state, int i, FieldVisitor visitor) {
		visitProcedureState(state, i, visitor);
		visitMonitors(state, i, visitor);
	}

	/** The variables, queue slots and replay registers of instance i, in the fixed order. */
	void visitProcedureState(SymbolicState state, int i, FieldVisitor visitor) {
		for (StateVariable variable : layout.variables()) {
			int v = layout.indexOf(variable);
			state.variables[i][v] = visitor.visit(layout.domain(variable), state.variables[i][v]);
		}
		for (Lane lane : layout.lanes()) {
			Slot[] slots = state.queues[i][lane.index()];
			for (int j = 0; j < slots.length; j++) {
				slots[j] = visitSlot(lane, slots[j], visitor);
			}
			if (state.replayable[i][lane.index()] != null) {
				state.replayable[i][lane.index()] = visitSlot(lane, state.replayable[i][lane.index()], visitor);
			}
		}
	}

	/** The property monitors of instance i, in the fixed order. */
	void visitMonitors(SymbolicState state, int i, FieldVisitor visitor) {
		if (monitors.hasFlagMonitor()) {
			state.flag[i] = visitor.visit(Domain.bool(), SymbolicValue.bool(state.flag[i])).truth(circuit);
		}
		for (int j = 0; j < state.past[i].length; j++) {
			state.past[i][j] = visitor.visit(Domain.bool(), SymbolicValue.bool(state.past[i][j])).truth(circuit);
		}
		if (monitors.hasCounterMonitor()) {
			state.counter[i] = visitor.visit(monitors.counterDomain(), state.counter[i]);
			state.saturated[i] = visitor.visit(Domain.bool(), SymbolicValue.bool(state.saturated[i])).truth(circuit);
		}
		for (Map.Entry<Integer, Integer> used : state.used[i].entrySet()) {
			used.setValue(visitor.visit(Domain.bool(), SymbolicValue.bool(used.getValue())).truth(circuit));
		}
	}

	/**
	 * The fields of a constant state as domain indices in the fixed order of {@link #bits}: equal
	 * arrays mean equal states.
	 *
	 * @throws IllegalStateException when a field is not a constant
	 */
	int[] constantFields(SymbolicState state) {
		List<int[]> bits = bits(state);
		int[] fields = new int[bits.size()];
		for (int f = 0; f < fields.length; f++) {
			int index = 0;
			for (int b = 0; b < bits.get(f).length; b++) {
				int bit = bits.get(f)[b];
				if (bit != Circuit.TRUE && bit != Circuit.FALSE) {
					throw new IllegalStateException("the state is not constant");
				}
				index |= (bit == Circuit.TRUE ? 1 : 0) << b;
			}
			fields[f] = index;
		}
		return fields;
	}

	/** The constant state whose fields are the given domain indices (the inverse of {@link #constantFields}). */
	SymbolicState fromConstantFields(int[] fields) {
		int[] next = { 0 };
		SymbolicState state = rebuild(initialState(), (domain, value) -> SymbolicValue.constant(domain.value(
				fields[next[0]++])));
		return state;
	}

	SymbolicState freeStateLike(SymbolicState template, List<int[]> inputBits) {
		SymbolicState free = rebuild(template, (domain, value) -> {
			if (value.possibleValues().length == 1 && value.conditionAt(0) == Circuit.TRUE && domain.contains(value
					.possibleValues()[0])) {
				// a field the step leaves constant (e.g. outside the cone of influence) needs no new bits
				inputBits.add(value.encode(circuit, domain));
				return value;
			}
			int[] bits = new int[domain.bits()];
			for (int b = 0; b < bits.length; b++) {
				bits[b] = circuit.input();
			}
			inputBits.add(bits);
			return SymbolicValue.decode(circuit, domain, bits);
		});
		free.raw = inputBits;
		return free;
	}

	/**
	 * A name for every field, in the order of {@link #bits} (the order {@link #flatten} visits):
	 * per instance ({@code #i} after the name when there are several), each variable by its
	 * qualified name, each queue slot's and replay register's parts ({@code lane[j].tag},
	 * {@code lane[j].Message.field}, {@code .key}, {@code .copy}), the monitor's bits, then the last
	 * move. Written beside {@link #visitInstance} so that a change of the layout changes both.
	 */
	List<String> fieldNames() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			String at = instances > 1 ? "#" + i : "";
			for (StateVariable variable : layout.variables()) {
				names.add(Layout.qualifiedName(variable) + at);
			}
			for (Lane lane : layout.lanes()) {
				int slots = lane.length() + (lane.has(Fault.REPLAY) ? 1 : 0);
				for (int j = 0; j < slots; j++) {
					String slot = lane.name() + (j < lane.length() ? "[" + j + "]" : ".replay") + at;
					names.add(slot + ".tag");
					for (MessageType message : lane.messages()) {
						for (MessageField field : message.getFields()) {
							names.add(slot + "." + message.getName() + "." + field.getName());
						}
					}
					if (lane.keyed()) {
						names.add(slot + ".key");
					}
					if (lane.copies()) {
						names.add(slot + ".copy");
					}
				}
			}
			if (monitors.hasFlagMonitor()) {
				names.add("monitor.flag" + at);
			}
			for (int j = 0; j < monitors.pastTimeCount(); j++) {
				names.add("monitor.past[" + j + "]" + at);
			}
			if (monitors.hasCounterMonitor()) {
				names.add("monitor.counter" + at);
				names.add("monitor.saturated" + at);
			}
			// the used set is a TreeMap: its bits come in ascending order of value
			for (int value : java.util.Arrays.stream(freshnessUniverse).sorted().distinct().toArray()) {
				names.add("monitor.used[" + value + "]" + at);
			}
		}
		if (tracksLast) {
			names.add("last move");
		}
		return names;
	}

	/** The domain of every field, in the order of {@link #bits}. */
	List<Domain> fieldDomains() {
		List<Domain> domains = new ArrayList<>();
		flatten(initialState(), (domain, value) -> {
			domains.add(domain);
			return value;
		});
		return domains;
	}
}
