package dev.shall.checker.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.shall.checker.encoding.SymbolicState.Slot;
import dev.shall.checker.explicit.Move;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.KeyUniverse;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.model.Agreement;
import dev.shall.model.Assignment;
import dev.shall.model.Binary;
import dev.shall.model.BoolConstant;
import dev.shall.model.Choice;
import dev.shall.model.EnumConstant;
import dev.shall.model.EnumDecl;
import dev.shall.model.Expression;
import dev.shall.model.Fault;
import dev.shall.model.FieldValue;
import dev.shall.model.Fired;
import dev.shall.model.Freshness;
import dev.shall.model.IfStatement;
import dev.shall.model.IntConstant;
import dev.shall.model.Invariant;
import dev.shall.model.KeyConstant;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyDerivation;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.NoneConstant;
import dev.shall.model.OptionTest;
import dev.shall.model.Precedence;
import dev.shall.model.Property;
import dev.shall.model.ReceivedField;
import dev.shall.model.Receive;
import dev.shall.model.Response;
import dev.shall.model.Send;
import dev.shall.model.Statement;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;
import dev.shall.model.Unary;
import dev.shall.model.VariableRef;

/**
 * The transition relation of N interleaved instances as a circuit: the symbolic counterpart of
 * the explicit interpreter (same semantics, written independently), plus the obligation's
 * monitor and bad-state predicate. Each step gets fresh inputs (which instance and action, which
 * queue slot, which branch of each choice) and fresh state bits, so that every depth adds only
 * its own clauses to one incremental solver.
 */
public final class TransitionEncoding {

	private final Layout layout;
	private final OptionAssignment options;
	private final int instances;
	private final Obligation obligation;
	private final Circuit circuit;
	private final int actionCount;
	private final Domain moveDomain;
	private final Domain slotDomain;
	private final Domain lastDomain;
	private final boolean tracksLast;
	private final int[] freshnessUniverse;
	private final dev.shall.checker.lowering.ConeOfInfluence cone;
	private final SymbolicEvaluator evaluator;
	private final LaneEncoding lanes;

	/** The inputs of one step, kept so that the move can be read from the solver's model. */
	public record Inputs(int[] move, int[] slot, int[][] choices) {
	}

	/** One step: the state it leads to and the literal that says it is a legal step into it. */
	public record Step(SymbolicState next, int legal, Inputs inputs) {
	}

	public TransitionEncoding(Layout layout, OptionAssignment options, int instances, Obligation obligation,
			Circuit circuit) {
		this.layout = layout;
		this.options = options;
		this.instances = instances;
		this.obligation = obligation;
		this.circuit = circuit;
		this.evaluator = new SymbolicEvaluator(layout, options);
		this.lanes = new LaneEncoding(layout, circuit);
		this.actionCount = layout.actions().size();
		this.cone = new dev.shall.checker.lowering.ConeOfInfluence(layout, obligation);
		this.moveDomain = Domain.range(0, instances * actionCount - 1);
		this.slotDomain = Domain.range(0, layout.maxLength() - 1);
		this.lastDomain = Domain.range(-1, instances * actionCount - 1);
		this.tracksLast = obligation.kind() == Obligation.Kind.REACHABILITY || obligation.kind() == Obligation.Kind.PROPERTY
				&& containsFired(obligation.property());
		// none is never "used": only present values count for freshness
		this.freshnessUniverse = obligation.property() instanceof Freshness freshness ? java.util.Arrays.stream(
				universeOf(freshness.getValue())).filter(v -> v != Domain.NONE).toArray() : new int[0];
	}

	private static boolean containsFired(Property property) {
		for (var it = property.eAllContents(); it.hasNext();) {
			if (it.next() instanceof Fired) {
				return true;
			}
		}
		return false;
	}

	/** The values a freshness expression can take, found by evaluating it on an unconstrained state. */
	private int[] universeOf(Expression value) {
		try (Sat4jSolver scratch = new Sat4jSolver()) {
			Circuit free = new Circuit(scratch);
			SymbolicValue[] variables = new SymbolicValue[layout.variables().size()];
			for (StateVariable variable : layout.variables()) {
				Domain domain = layout.domain(variable);
				int[] bits = new int[domain.bits()];
				for (int b = 0; b < bits.length; b++) {
					bits[b] = free.input();
				}
				variables[layout.indexOf(variable)] = SymbolicValue.decode(free, domain, bits);
			}
			int[] firedInput = { free.input() };
			SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(variables, null, null, t -> firedInput[0], false);
			return evaluator.evaluate(free, value, env, Circuit.TRUE, new int[] { Circuit.FALSE }).possibleValues();
		}
	}

	public Circuit circuit() {
		return circuit;
	}

	// ------------------------------------------------------------------ states

	public SymbolicState initialState() {
		SymbolicState state = new SymbolicState(instances, layout.variables().size(), layout.lanes().size());
		for (int i = 0; i < instances; i++) {
			for (StateVariable variable : layout.variables()) {
				SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(new SymbolicValue[0], null, null, t -> Circuit.FALSE, true);
				state.variables[i][layout.indexOf(variable)] = evaluator.evaluate(circuit, variable.getInitial(), env, Circuit.TRUE,
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
	public SymbolicState freeState() {
		return rebuild(initialState(), (domain, value) -> {
			int[] bits = new int[domain.bits()];
			for (int b = 0; b < bits.length; b++) {
				bits[b] = circuit.input();
			}
			return SymbolicValue.decode(circuit, domain, bits);
		});
	}

	/** Values in their domains, queues filled from the head, unused message fields in canonical form. */
	public int wellFormed(SymbolicState state) {
		int[] result = { Circuit.TRUE };
		flatten(state, (domain, value) -> {
			result[0] = circuit.and(result[0], circuit.and(value.defined(circuit), circuit.not(value.outside(circuit,
					domain))));
			return value;
		});
		for (int i = 0; i < instances; i++) {
			for (Lane lane : layout.lanes()) {
				Slot[] slots = state.queues[i][lane.index()];
				for (int j = 0; j < slots.length; j++) {
					result[0] = circuit.and(result[0], lanes.canonical(lane, slots[j]));
					if (j > 0) {
						result[0] = circuit.and(result[0], circuit.implies(lanes.nonEmpty(slots[j]), lanes.nonEmpty(slots[j - 1])));
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
	public List<int[]> bits(SymbolicState state) {
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
	public int differ(SymbolicState a, SymbolicState b) {
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

	private interface FieldVisitor {
		SymbolicValue visit(Domain domain, SymbolicValue value);
	}

	/** Visits every field in the fixed order, replacing each by what the visitor returns. */
	private void flatten(SymbolicState state, FieldVisitor visitor) {
		for (int i = 0; i < instances; i++) {
			visitInstance(state, i, visitor);
		}
		if (state.last != null) {
			state.last = visitor.visit(lastDomain, state.last);
		}
	}

	private Slot visitSlot(Lane lane, Slot slot, FieldVisitor visitor) {
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

	private SymbolicState rebuild(SymbolicState template, FieldVisitor visitor) {
		SymbolicState copy = copy(template);
		flatten(copy, visitor);
		return copy;
	}

	private SymbolicState copy(SymbolicState state) {
		SymbolicState copy = new SymbolicState(instances, layout.variables().size(), layout.lanes().size());
		for (int i = 0; i < instances; i++) {
			copy.variables[i] = state.variables[i].clone();
			for (int l = 0; l < layout.lanes().size(); l++) {
				copy.queues[i][l] = state.queues[i][l].clone();
				copy.replayable[i][l] = state.replayable[i][l];
			}
			copy.flag[i] = state.flag[i];
			copy.used[i] = new TreeMap<>(state.used[i]);
		}
		copy.last = state.last;
		return copy;
	}

	// ------------------------------------------------------------------ fields of one instance

	/** The domains of the fields of one instance (variables, queue slots, replay registers), in a fixed order. */
	public List<Domain> instanceFieldDomains() {
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
	public List<int[]> instanceFieldGroups() {
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
		int monitors = (hasFlagMonitor() ? 1 : 0) + freshnessUniverse.length;
		for (int m = 0; m < monitors; m++) {
			groups.add(new int[] { next++ });
		}
		return groups;
	}

	/** The fields of instance i of a symbolic state, in the order of {@link #instanceFieldDomains()}. */
	public List<SymbolicValue> instanceFields(SymbolicState state, int instance) {
		List<SymbolicValue> fields = new ArrayList<>();
		visitInstance(state, instance, (domain, value) -> {
			fields.add(value);
			return value;
		});
		return fields;
	}

	/** The same fields of a concrete state, as the interpreter stores them. */
	public int[] instanceFieldValues(dev.shall.checker.explicit.ConcreteState state, int instance) {
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
		long[] monitor = state.monitor()[instance];
		if (hasFlagMonitor()) {
			values.add(monitor.length > 0 && monitor[0] != 0 ? 1 : 0);
		}
		for (int value : freshnessUniverse) {
			values.add(java.util.Arrays.binarySearch(monitor, value) >= 0 ? 1 : 0);
		}
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

	/** A concrete state as constants, to compare the encoding with the interpreter step by step. */
	public SymbolicState constantState(dev.shall.checker.explicit.ConcreteState concrete) {
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

	/** Fixes the inputs of a step to a move (for tests and replays). */
	public int inputsAre(Inputs inputs, Move move) {
		int result = bitsAre(inputs.move(), move.instance() * actionCount + move.action());
		result = circuit.and(result, bitsAre(inputs.slot(), move.slot()));
		for (int c = 0; c < inputs.choices().length; c++) {
			result = circuit.and(result, bitsAre(inputs.choices()[c], move.choices()[c]));
		}
		return result;
	}

	private int bitsAre(int[] bits, int index) {
		int result = Circuit.TRUE;
		for (int b = 0; b < bits.length; b++) {
			result = circuit.and(result, (index >> b & 1) == 1 ? bits[b] : Circuit.not(bits[b]));
		}
		return result;
	}

	private void concreteSlot(Lane lane, dev.shall.checker.explicit.QueuedMessage message, List<Integer> values) {
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

	private void visitInstance(SymbolicState state, int i, FieldVisitor visitor) {
		visitProcedureState(state, i, visitor);
		visitMonitors(state, i, visitor);
	}

	/** The variables, queue slots and replay registers of instance i, in the fixed order. */
	private void visitProcedureState(SymbolicState state, int i, FieldVisitor visitor) {
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
	private void visitMonitors(SymbolicState state, int i, FieldVisitor visitor) {
		if (hasFlagMonitor()) {
			state.flag[i] = visitor.visit(Domain.bool(), SymbolicValue.bool(state.flag[i])).truth(circuit);
		}
		for (Map.Entry<Integer, Integer> used : state.used[i].entrySet()) {
			used.setValue(visitor.visit(Domain.bool(), SymbolicValue.bool(used.getValue())).truth(circuit));
		}
	}

	// ------------------------------------------------------------------ steps

	/** One step from the state: fresh inputs, fresh state bits, and the literal tying them together. */
	public Step step(SymbolicState state) {
		Inputs inputs = newInputs();
		Candidates candidates = candidates(state, inputs);
		SymbolicState next = copy(state);
		int legal = validInputs(inputs);
		SymbolicValue move = SymbolicValue.decode(circuit, moveDomain, inputs.move());
		for (int i = 0; i < instances; i++) {
			for (Action action : layout.actions()) {
				int selected = move.is(circuit, i * actionCount + action.index());
				Local local = candidates.locals[i][action.index()];
				legal = circuit.and(legal, circuit.implies(selected,
						circuit.and(local.enabled, circuit.not(local.overflow))));
				apply(next, i, local, selected);
			}
		}
		updateMonitors(state, next);
		if (next.last != null) {
			next.last = move;
		}
		// fresh bits for the next state, equal to what the step computed; the raw input bits are
		// compared, since re-encoding a decoded value would hide bit patterns that are no value
		List<int[]> computed = bits(next);
		List<int[]> freshBits = new ArrayList<>();
		SymbolicState fresh = freeStateLike(next, freshBits);
		for (int f = 0; f < computed.size(); f++) {
			for (int b = 0; b < computed.get(f).length; b++) {
				legal = circuit.and(legal, circuit.iff(computed.get(f)[b], freshBits.get(f)[b]));
			}
		}
		return new Step(fresh, legal, inputs);
	}

	// ------------------------------------------------------------------ steps on constants

	/** One legal step from a constant state: the move and the next state, constant too. */
	public record ConstantStep(Move move, SymbolicState next) {
	}

	/**
	 * Every legal step from a state whose fields are all constants, found by evaluating this
	 * encoding's transition relation on every constant input (instance, action, slot, branches of
	 * the choices inside the action): the circuit folds to constants, so no solver is involved.
	 * This is the encoding's semantics executed concretely, independent of the interpreter; it
	 * lets an explicit graph be rebuilt from the encoding (semantics §8.2). Duplicate moves that
	 * reach the same state (slots a head-only receive ignores) are all listed.
	 *
	 * @throws IllegalStateException when a field of the state is not a constant
	 */
	public List<ConstantStep> constantSteps(SymbolicState state) {
		List<ConstantStep> steps = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			for (Action action : layout.actions()) {
				for (int slot = 0; slot < slotDomain.size(); slot++) {
					for (int[] vector : layout.choiceVectors(action)) {
						Local local = new Local(state, i);
						execute(local, action, constantInputs(slot, vector));
						int legal = circuit.and(local.enabled, circuit.not(local.overflow));
						if (legal == Circuit.FALSE) {
							continue;
						}
						if (legal != Circuit.TRUE) {
							throw new IllegalStateException("the state is not constant");
						}
						SymbolicState next = copy(state);
						apply(next, i, local, Circuit.TRUE);
						updateMonitors(state, next);
						if (next.last != null) {
							next.last = SymbolicValue.constant(i * actionCount + action.index());
						}
						steps.add(new ConstantStep(new Move(i, action.index(), slot, vector), next));
					}
				}
			}
		}
		return steps;
	}

	private Inputs constantInputs(int slot, int[] vector) {
		int[][] choices = new int[layout.choices().size()][];
		for (Choice choice : layout.choices()) {
			int c = layout.indexOf(choice);
			choices[c] = constantBits(Domain.range(0, choice.getBranches().size() - 1), vector[c]);
		}
		return new Inputs(constantBits(moveDomain, 0), constantBits(slotDomain, slot), choices);
	}

	/**
	 * The fields of a constant state as domain indices in the fixed order of {@link #bits}: equal
	 * arrays mean equal states.
	 *
	 * @throws IllegalStateException when a field is not a constant
	 */
	public int[] constantFields(SymbolicState state) {
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
	public SymbolicState fromConstantFields(int[] fields) {
		int[] next = { 0 };
		SymbolicState state = rebuild(initialState(), (domain, value) -> SymbolicValue.constant(domain.value(
				fields[next[0]++])));
		return state;
	}

	/**
	 * Whether a constant state is bad for the obligation, evaluated on constants: for the bounds,
	 * some move of instance 0 (any action, slot and branches) is enabled and exceeds a bound.
	 */
	public boolean constantBad(SymbolicState state) {
		if (obligation.kind() != Obligation.Kind.BOUNDS) {
			return constantTruth(bad(state));
		}
		for (Action action : layout.actions()) {
			for (int slot = 0; slot < slotDomain.size(); slot++) {
				for (int[] vector : layout.choiceVectors(action)) {
					Local local = new Local(state, 0);
					execute(local, action, constantInputs(slot, vector));
					if (constantTruth(circuit.and(local.enabled, local.overflow))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Whether a literal of a constant state is true; it must have folded to a constant. */
	public static boolean constantTruth(int literal) {
		if (literal != Circuit.TRUE && literal != Circuit.FALSE) {
			throw new IllegalStateException("the literal is not constant");
		}
		return literal == Circuit.TRUE;
	}

	private SymbolicState freeStateLike(SymbolicState template, List<int[]> inputBits) {
		return rebuild(template, (domain, value) -> {
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
	}

	private Inputs newInputs() {
		int[] move = inputBits(moveDomain);
		int[] slot = inputBits(slotDomain);
		int[][] choices = new int[layout.choices().size()][];
		for (Choice choice : layout.choices()) {
			choices[layout.indexOf(choice)] = inputBits(Domain.range(0, choice.getBranches().size() - 1));
		}
		return new Inputs(move, slot, choices);
	}

	private int[] inputBits(Domain domain) {
		int[] bits = new int[domain.bits()];
		for (int b = 0; b < bits.length; b++) {
			bits[b] = circuit.input();
		}
		return bits;
	}

	private int validInputs(Inputs inputs) {
		int valid = validIndex(moveDomain, inputs.move());
		valid = circuit.and(valid, validIndex(slotDomain, inputs.slot()));
		for (Choice choice : layout.choices()) {
			valid = circuit.and(valid, validIndex(Domain.range(0, choice.getBranches().size() - 1),
					inputs.choices()[layout.indexOf(choice)]));
		}
		return valid;
	}

	/** Whether the bits hold an index below the domain's size: the decoded value is some value. */
	private int validIndex(Domain domain, int[] bits) {
		return SymbolicValue.decode(circuit, domain, bits).defined(circuit);
	}

	private record Candidates(Local[][] locals) {
	}

	private Candidates candidates(SymbolicState state, Inputs inputs) {
		return candidates(state, inputs, instances);
	}

	/** The local results of every action of the first {@code count} instances. */
	private Candidates candidates(SymbolicState state, Inputs inputs, int count) {
		Local[][] locals = new Local[instances][actionCount];
		for (int i = 0; i < count; i++) {
			for (Action action : layout.actions()) {
				Local local = new Local(state, i);
				execute(local, action, inputs);
				locals[i][action.index()] = local;
			}
		}
		return new Candidates(locals);
	}

	/** The next state takes the local result of instance i where the action is selected. */
	private void apply(SymbolicState next, int instance, Local local, int selected) {
		if (selected == Circuit.FALSE) {
			return;
		}
		SymbolicValue[] variables = next.variables[instance];
		for (int v = 0; v < variables.length; v++) {
			variables[v] = SymbolicValue.ite(circuit, selected, local.variables[v], variables[v]);
		}
		for (Lane lane : layout.lanes()) {
			Slot[] slots = next.queues[instance][lane.index()];
			for (int j = 0; j < slots.length; j++) {
				slots[j] = lanes.iteSlot(selected, local.queues[lane.index()][j], slots[j]);
			}
			if (next.replayable[instance][lane.index()] != null) {
				next.replayable[instance][lane.index()] = lanes.iteSlot(selected, local.replayable[lane.index()],
						next.replayable[instance][lane.index()]);
			}
		}
	}

	/** Where the action runs: a copy of one instance's state, updated as if the action were taken. */
	private final class Local {
		final SymbolicValue[] variables;
		final Slot[][] queues;
		final Slot[] replayable;
		int enabled = Circuit.TRUE;
		int overflow = Circuit.FALSE;

		Local(SymbolicState state, int instance) {
			variables = state.variables[instance].clone();
			queues = new Slot[layout.lanes().size()][];
			for (int l = 0; l < queues.length; l++) {
				queues[l] = state.queues[instance][l].clone();
			}
			replayable = state.replayable[instance].clone();
		}
	}

	private void execute(Local local, Action action, Inputs inputs) {
		if (!cone.contains(action)) {
			// outside the cone of influence: changes nothing the obligation observes
			local.enabled = Circuit.FALSE;
			return;
		}
		SymbolicValue slotInput = SymbolicValue.decode(circuit, slotDomain, inputs.slot());
		switch (action.kind()) {
		case TRANSITION -> transition(local, action.transition(), slotInput, inputs);
		case LOSE -> {
			Lane lane = action.lane();
			int[] at = lanes.positions(lane, slotInput, true);
			int some = Circuit.FALSE;
			for (int p = 0; p < at.length; p++) {
				some = circuit.or(some, circuit.and(at[p], lanes.nonEmpty(local.queues[lane.index()][p])));
			}
			local.enabled = some;
			local.queues[lane.index()] = lanes.dequeue(local.queues[lane.index()], lane, at);
		}
		case DUPLICATE -> {
			// semantics §4.3: at most capacity copies in flight, beside the procedure's own messages
			Slot[] slots = local.queues[action.lane().index()];
			local.enabled = circuit.and(lanes.nonEmpty(slots[0]), circuit.not(lanes.atLeast(lanes.copyFlags(slots), action.lane()
					.capacity())));
			local.queues[action.lane().index()] = lanes.enqueue(local.queues[action.lane().index()], action.lane(),
					lanes.withCopy(slots[0], Circuit.TRUE), Circuit.TRUE);
		}
		case REPLAY -> {
			Slot[] slots = local.queues[action.lane().index()];
			Slot old = local.replayable[action.lane().index()];
			local.enabled = circuit.and(lanes.nonEmpty(old), circuit.not(lanes.atLeast(lanes.copyFlags(slots), action.lane()
					.capacity())));
			local.queues[action.lane().index()] = lanes.enqueue(local.queues[action.lane().index()], action.lane(),
					lanes.withCopy(old, Circuit.TRUE), Circuit.TRUE);
		}
		case DISCARD -> {
			Lane lane = action.lane();
			int[] at = lanes.positions(lane, slotInput, lane.has(Fault.REORDERING));
			Slot message = lanes.pick(local.queues[lane.index()], at);
			int mismatch = circuit.not(message.mac().equalTo(circuit, local.variables[layout.indexOf(lane.receiverKey())]));
			local.enabled = circuit.and(circuit.or(at), circuit.and(lanes.nonEmpty(message), mismatch));
			local.queues[lane.index()] = lanes.dequeue(local.queues[lane.index()], lane, at);
		}
		}
	}

	private void transition(Local local, Transition transition, SymbolicValue slotInput, Inputs inputs) {
		Receive receive = transition.getReceive();
		SymbolicValue[] receivedFields = null;
		MessageType receivedType = null;
		int receiveOk = Circuit.TRUE;
		Lane lane = null;
		int[] at = null;
		Slot received = null;
		if (receive != null) {
			lane = layout.lane(receive.getChannel(), transition.getActor(), true);
			if (!lane.messages().contains(receive.getMessage())) {
				// nobody sends this message on this lane: the step can never happen
				local.enabled = Circuit.FALSE;
				return;
			}
			at = lanes.positions(lane, slotInput, lane.has(Fault.REORDERING));
			received = lanes.pick(local.queues[lane.index()], at);
			receivedType = receive.getMessage();
			receivedFields = received.fields()[lane.messages().indexOf(receivedType)];
			receiveOk = circuit.and(circuit.or(at), received.tag().is(circuit, lane.tagOf(receivedType)));
			if (lane.keyed()) {
				receiveOk = circuit.and(receiveOk,
						received.mac().equalTo(circuit, local.variables[layout.indexOf(lane.receiverKey())]));
			}
		}
		int[] overflow = { Circuit.FALSE };
		SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(local.variables, receivedFields, receivedType, t -> Circuit.FALSE, true);
		int guard = transition.getGuard() == null ? Circuit.TRUE
				: evaluator.evaluate(circuit, transition.getGuard(), env, receiveOk, overflow).truth(circuit);
		local.enabled = circuit.and(receiveOk, guard);
		// a guard that exceeds a bound is a bound of the model whether or not it would hold
		int guardOverflow = overflow[0];
		if (receive != null) {
			local.queues[lane.index()] = lanes.dequeue(local.queues[lane.index()], lane, at);
			if (local.replayable[lane.index()] != null) {
				local.replayable[lane.index()] = lanes.withCopy(received, Circuit.FALSE);
			}
		}
		overflow[0] = Circuit.FALSE;
		run(local, transition.getBody(), transition, Circuit.TRUE, receivedFields, receivedType, inputs, overflow);
		local.overflow = circuit.or(guardOverflow, circuit.and(local.enabled, overflow[0]));
		local.enabled = circuit.or(local.enabled, guardOverflow);
	}

	private void run(Local local, List<Statement> statements, Transition transition, int pathCondition,
			SymbolicValue[] receivedFields, MessageType receivedType, Inputs inputs, int[] overflow) {
		for (Statement statement : statements) {
			SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(local.variables, receivedFields, receivedType, t -> Circuit.FALSE, true);
			switch (statement) {
			case Assignment assignment -> {
				// a value out of range blocks the step, even where the variable is outside the cone
				SymbolicValue value = evaluator.evaluate(circuit, assignment.getValue(), env, pathCondition, overflow);
				Domain domain = layout.domain(assignment.getVariable());
				overflow[0] = circuit.or(overflow[0], circuit.and(pathCondition, value.outside(circuit, domain)));
				if (!cone.contains(assignment.getVariable())) {
					continue;
				}
				int v = layout.indexOf(assignment.getVariable());
				local.variables[v] = SymbolicValue.ite(circuit, pathCondition, value, local.variables[v]);
			}
			case Send send -> {
				Lane lane = layout.lane(send.getChannel(), transition.getActor(), false);
				MessageType message = send.getMessage();
				SymbolicValue[] values = new SymbolicValue[message.getFields().size()];
				for (int f = 0; f < values.length; f++) {
					MessageField field = message.getFields().get(f);
					values[f] = SymbolicValue.constant(Domain.NONE);
					for (FieldValue argument : send.getArguments()) {
						if (argument.getField() == field) {
							values[f] = evaluator.evaluate(circuit, argument.getValue(), env, pathCondition, overflow);
						}
					}
					overflow[0] = circuit.or(overflow[0],
							circuit.and(pathCondition, values[f].outside(circuit, layout.domain(field))));
				}
				// semantics §4.3: only the procedure's own messages count against the capacity
				Slot[] slots = local.queues[lane.index()];
				overflow[0] = circuit.or(overflow[0], circuit.and(pathCondition, lanes.atLeast(lanes.ownFlags(slots), lane
						.capacity())));
				SymbolicValue mac = lane.keyed() ? local.variables[layout.indexOf(lane.senderKey())]
						: SymbolicValue.constant(Domain.NONE);
				local.queues[lane.index()] = lanes.enqueue(local.queues[lane.index()], lane, lanes.message(lane, message,
						values, mac), pathCondition);
			}
			case IfStatement conditional -> {
				int holds = evaluator.evaluate(circuit, conditional.getCondition(), env, pathCondition, overflow).truth(circuit);
				run(local, conditional.getThen(), transition, circuit.and(pathCondition, holds), receivedFields,
						receivedType, inputs, overflow);
				run(local, conditional.getElse(), transition, circuit.and(pathCondition, circuit.not(holds)),
						receivedFields, receivedType, inputs, overflow);
			}
			case Choice choice -> {
				int index = layout.indexOf(choice);
				SymbolicValue branch = SymbolicValue.decode(circuit, Domain.range(0, choice.getBranches().size() - 1),
						inputs.choices()[index]);
				for (int b = 0; b < choice.getBranches().size(); b++) {
					run(local, choice.getBranches().get(b).getStatements(), transition,
							circuit.and(pathCondition, branch.is(circuit, b)), receivedFields, receivedType, inputs,
							overflow);
				}
			}
			default -> throw new IllegalArgumentException("Unknown statement " + statement.eClass().getName());
			}
		}
	}

	// ------------------------------------------------------------------ properties

	private void updateMonitors(SymbolicState before, SymbolicState next) {
		for (int i = 0; i < instances; i++) {
			SymbolicEvaluator.Env env = propertyEnv(before, i);
			if (obligation.property() instanceof Response) {
				next.flag[i] = pending(before, i);
			} else if (obligation.property() instanceof Precedence precedence) {
				next.flag[i] = circuit.or(before.flag[i], holds(precedence.getFirst(), env));
			} else if (obligation.property() instanceof Freshness freshness) {
				int condition = holds(freshness.getCondition(), env);
				SymbolicValue value = evaluator.evaluate(circuit, freshness.getValue(), env, Circuit.TRUE, new int[1]);
				for (Map.Entry<Integer, Integer> used : next.used[i].entrySet()) {
					int now = circuit.and(condition, value.is(circuit, used.getKey()));
					used.setValue(circuit.or(before.used[i].get(used.getKey()), now));
				}
			}
		}
	}

	/**
	 * The literal under which the state is bad for the obligation. For bounds, the question is
	 * about the actions the state allows, so it takes inputs of its own.
	 *
	 * <p>Only instance 0 is asked about: the instances are identical copies with identical initial
	 * states and no shared state, so the transition relation is invariant under permuting them,
	 * and instance i can reach a bad state in k steps exactly when instance 0 can. Asking about one
	 * instance spares the solver refuting the same thing N times.
	 */
	public int bad(SymbolicState state) {
		switch (obligation.kind()) {
		case BOUNDS: {
			Inputs probe = newInputs();
			Candidates candidates = candidates(state, probe, 1);
			SymbolicValue move = SymbolicValue.decode(circuit, moveDomain, probe.move());
			int bad = Circuit.FALSE;
			for (Action action : layout.actions()) {
				Local local = candidates.locals[0][action.index()];
				int selected = move.is(circuit, action.index());
				bad = circuit.or(bad, circuit.and(selected, circuit.and(local.enabled, local.overflow)));
			}
			return circuit.and(validInputs(probe), bad);
		}
		case REACHABILITY:
			return state.last.is(circuit, layout.action(obligation.transition()).index());
		default:
			return bad(state, 0);
		}
	}

	private int bad(SymbolicState state, int instance) {
		SymbolicEvaluator.Env env = propertyEnv(state, instance);
		switch (obligation.property()) {
		case Invariant invariant:
			return circuit.not(holds(invariant.getCondition(), env));
		case Agreement agreement: {
			SymbolicValue left = evaluator.evaluate(circuit, agreement.getLeft(), env, Circuit.TRUE, new int[1]);
			SymbolicValue right = evaluator.evaluate(circuit, agreement.getRight(), env, Circuit.TRUE, new int[1]);
			int disagree = circuit.or(circuit.or(left.is(circuit, Domain.NONE), right.is(circuit, Domain.NONE)),
					circuit.not(left.equalTo(circuit, right)));
			return circuit.and(holds(agreement.getCondition(), env), disagree);
		}
		case Precedence precedence:
			return circuit.and(circuit.and(holds(precedence.getSecond(), env), circuit.not(holds(precedence.getFirst(),
					env))), circuit.not(state.flag[instance]));
		case Freshness freshness: {
			SymbolicValue value = evaluator.evaluate(circuit, freshness.getValue(), env, Circuit.TRUE, new int[1]);
			int reused = Circuit.FALSE;
			for (Map.Entry<Integer, Integer> used : state.used[instance].entrySet()) {
				if (used.getKey() != Domain.NONE) {
					reused = circuit.or(reused, circuit.and(value.is(circuit, used.getKey()), used.getValue()));
				}
			}
			return circuit.and(holds(freshness.getCondition(), env), reused);
		}
		default:
			throw new UnsupportedOperationException("No safety encoding for " + obligation.name());
		}
	}

	/** Precedence keeps "the first condition held before"; response keeps "a trigger is unanswered". */
	private boolean hasFlagMonitor() {
		return obligation.property() instanceof Precedence || obligation.property() instanceof Response;
	}

	/** For a response property: a trigger of the instance is unanswered in the state. */
	public int pending(SymbolicState state, int instance) {
		Response response = (Response) obligation.property();
		SymbolicEvaluator.Env env = propertyEnv(state, instance);
		return circuit.and(circuit.or(state.flag[instance], holds(response.getTrigger(), env)),
				circuit.not(holds(response.getResponse(), env)));
	}

	/** For a response property: the response holds in the state. */
	public int answered(SymbolicState state, int instance) {
		return holds(((Response) obligation.property()).getResponse(), propertyEnv(state, instance));
	}

	/**
	 * Whether the action of the instance has a move in the state that is enabled — its message is
	 * there, its guard holds, and it exceeds no declared bound (semantics §3.2) — and that changes
	 * the procedure state of the instance (semantics §5.2), for some queue slot and some branch of
	 * every choice inside it. This is what weak fairness asks about (semantics §5.3).
	 */
	public int possible(SymbolicState state, int instance, Action action) {
		int result = Circuit.FALSE;
		for (int slot = 0; slot < slotDomain.size(); slot++) {
			for (int[] vector : layout.choiceVectors(action)) {
				Local local = new Local(state, instance);
				execute(local, action, constantInputs(slot, vector));
				int taken = circuit.and(local.enabled, circuit.not(local.overflow));
				result = circuit.or(result, circuit.and(taken, changes(local, state, instance)));
			}
		}
		return result;
	}

	/** Whether the action's local result differs from the instance's procedure state in the state. */
	private int changes(Local local, SymbolicState state, int instance) {
		SymbolicState after = copy(state);
		after.variables[instance] = local.variables;
		after.queues[instance] = local.queues;
		after.replayable[instance] = local.replayable;
		return changes(state, after, instance);
	}

	/**
	 * Whether the procedure state of the instance — variables, lanes, replay registers; not the
	 * property monitors nor the last move — differs between the two states (semantics §5.2).
	 */
	public int changes(SymbolicState a, SymbolicState b, int instance) {
		List<SymbolicValue> left = new ArrayList<>();
		List<SymbolicValue> right = new ArrayList<>();
		List<Domain> domains = new ArrayList<>();
		visitProcedureState(a, instance, (domain, value) -> {
			left.add(value);
			domains.add(domain);
			return value;
		});
		visitProcedureState(b, instance, (domain, value) -> {
			right.add(value);
			return value;
		});
		int result = Circuit.FALSE;
		for (int f = 0; f < left.size(); f++) {
			result = circuit.or(result, circuit.not(left.get(f).equalTo(circuit, right.get(f))));
		}
		return result;
	}

	private static int[] constantBits(Domain domain, int index) {
		int[] bits = new int[domain.bits()];
		for (int b = 0; b < bits.length; b++) {
			bits[b] = (index >> b & 1) == 1 ? Circuit.TRUE : Circuit.FALSE;
		}
		return bits;
	}

	/** Whether the step's inputs select the action of the instance. */
	public int selects(Inputs inputs, int instance, Action action) {
		return SymbolicValue.decode(circuit, moveDomain, inputs.move()).is(circuit, instance * actionCount + action
				.index());
	}

	public int instances() {
		return instances;
	}

	public Layout layout() {
		return layout;
	}

	/** Whether the obligation can be asked as a safety question by this encoding. */
	public static boolean supports(Obligation obligation) {
		return obligation.kind() != Obligation.Kind.PROPERTY || obligation.property() instanceof Invariant
				|| obligation.property() instanceof Agreement || obligation.property() instanceof Precedence
				|| obligation.property() instanceof Freshness;
	}

	private SymbolicEvaluator.Env propertyEnv(SymbolicState state, int instance) {
		Function<Transition, Integer> fired = transition -> state.last == null ? Circuit.FALSE
				: state.last.is(circuit, instance * actionCount + layout.action(transition).index());
		return new SymbolicEvaluator.Env(state.variables[instance], null, null, fired, false);
	}

	private int holds(Expression condition, SymbolicEvaluator.Env env) {
		return evaluator.evaluate(circuit, condition, env, Circuit.TRUE, new int[1]).truth(circuit);
	}

	// ------------------------------------------------------------------ reading models

	/** The move the solver chose for a step, in the interpreter's terms. */
	public Move move(Inputs inputs) {
		int move = index(inputs.move());
		int instance = move / actionCount;
		Action action = layout.actions().get(move % actionCount);
		int slot = index(inputs.slot());
		if (!usesSlot(action)) {
			slot = 0;
		}
		int[] choices = new int[inputs.choices().length];
		for (int ch = 0; ch < choices.length; ch++) {
			choices[ch] = index(inputs.choices()[ch]);
		}
		return new Move(instance, action.index(), slot, choices);
	}

	private boolean usesSlot(Action action) {
		return switch (action.kind()) {
		case LOSE -> true;
		case DISCARD -> action.lane().has(Fault.REORDERING);
		case TRANSITION -> action.transition().getReceive() != null && layout.lane(action.transition().getReceive()
				.getChannel(), action.transition().getActor(), true).has(Fault.REORDERING);
		default -> false;
		};
	}

	private int index(int[] bits) {
		int index = 0;
		for (int b = 0; b < bits.length; b++) {
			if (circuit.valueOf(bits[b])) {
				index |= 1 << b;
			}
		}
		return index;
	}
}
