package dev.shall.checker.encoding;

import java.util.ArrayList;
import java.util.List;

import dev.shall.checker.encoding.SymbolicState.Slot;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Move;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Agreement;
import dev.shall.model.Choice;
import dev.shall.model.Fault;
import dev.shall.model.Freshness;
import dev.shall.model.Invariant;
import dev.shall.model.Precedence;

/**
 * The transition relation of N interleaved instances as a circuit: the symbolic counterpart of
 * the explicit interpreter (same semantics, written independently), plus the obligation's
 * monitor and bad-state predicate. Each step gets fresh inputs (which instance and action, which
 * queue slot, which branch of each choice) and fresh state bits, so that every depth adds only
 * its own clauses to one incremental solver.
 *
 * <p>The parts mirror the interpreter's, file by file (semantics §N in each):
 * <ul>
 * <li>{@link StateEncoding}: states and the order of their fields — {@code explicit.ConcreteState} (§2);
 * <li>{@link SymbolicEvaluator}: expressions — {@code explicit.Evaluator} (§2.4, §3.1–3.2);
 * <li>{@link MoveEncoding} and {@link LocalMove}: one move of one instance — the interpreter's
 * move execution (§3, §4);
 * <li>{@link LaneEncoding}: lanes, positions, copies — the interpreter's lanes and
 * {@code explicit.QueuedMessage} (§4);
 * <li>{@link MonitorEncoding}: properties and monitors — {@code explicit.Monitor} and
 * {@code explicit.ExplicitProperty} (§6);
 * <li>this class: the transition relation over all instances (one move per step, §3), weak
 * fairness's "possible" and "changes" (§5.2–5.3), the bad states of each question (§7), and
 * reading moves back from a model.
 * </ul>
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
	/** The session a lookup locates (semantics §3.7): 0..N-1. */
	private final Domain entryDomain;
	private final Domain lastDomain;
	private final boolean tracksLast;
	private final int[] freshnessUniverse;
	private final dev.shall.checker.lowering.ConeOfInfluence cone;
	private final SymbolicEvaluator evaluator;
	private final LaneEncoding lanes;
	private final MonitorEncoding monitors;
	private final MoveEncoding moves;
	private final StateEncoding states;
	/** Per variable, whether one copy serves every session (semantics §1.3). */
	private final boolean[] shared;

	/** The inputs of one step, kept so that the move can be read from the solver's model. */
	public record Inputs(int[] move, int[] slot, int[][] choices, int[] entry) {
	}

	/**
	 * One step: the state it leads to and the literal that says it is a legal step into it.
	 *
	 * @param enabled  the part of {@code legal} about the move alone: valid inputs selecting an
	 *                 enabled move that exceeds no bound (without the next state's bits)
	 * @param computed the next state's bits as functions of the current state and the inputs, in the
	 *                 order of {@link #bits} ({@code next}'s raw bits equal them when {@code legal} holds)
	 */
	public record Step(SymbolicState next, int legal, Inputs inputs, int enabled, List<int[]> computed) {
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
		this.entryDomain = Domain.range(0, instances - 1);
		this.shared = new boolean[layout.variables().size()];
		for (int g : layout.sharedVariables()) {
			shared[g] = true;
		}
		this.moves = new MoveEncoding(layout, circuit, evaluator, lanes, cone, slotDomain, entryDomain);
		this.lastDomain = Domain.range(-1, instances * actionCount - 1);
		this.tracksLast = MonitorEncoding.tracksLast(obligation);
		this.monitors = new MonitorEncoding(layout, circuit, evaluator, obligation, instances);
		this.freshnessUniverse = monitors.freshnessUniverse();
		this.states = new StateEncoding(layout, circuit, instances, evaluator, lanes, monitors, freshnessUniverse,
				tracksLast, lastDomain);
	}

	public Circuit circuit() {
		return circuit;
	}


	// ------------------------------------------------------------------ states (StateEncoding)

	/** A state with every variable at its initial value and every lane empty (semantics §2.3). */
	public SymbolicState initialState() {
		return states.initialState();
	}

	/**
	 * A state with a fresh input for every bit, for the step case of k-induction; {@link #wellFormed}
	 * says it has the shape of a reachable state.
	 */
	public SymbolicState freeState() {
		return states.freeState();
	}

	/** Values in their domains, queues filled from the head, unused message fields in canonical form. */
	public int wellFormed(SymbolicState state) {
		return states.wellFormed(state);
	}

	/** The bits of every state field, in a fixed order: equal vectors mean equal states. */
	public List<int[]> bits(SymbolicState state) {
		return states.bits(state);
	}

	/**
	 * The raw input bits of a free state ({@link #freeState}, or the state a {@link #step} leads
	 * to), field by field in the order of {@link #bits}: each field's domain index in binary, least
	 * significant bit first. On a well-formed state they equal {@link #bits}; unlike those, they are
	 * solver inputs (a field the step leaves constant has constant bits), so an engine can assume
	 * values of them directly (IC3/PDR's cubes).
	 *
	 * @throws IllegalArgumentException for a state that is not free (the initial state, a constant state)
	 */
	public List<int[]> rawBits(SymbolicState state) {
		if (state.raw == null) {
			throw new IllegalArgumentException("not a free state");
		}
		return state.raw;
	}

	/** A name for each field, in the order of {@link #bits} (for invariants and exports). */
	public List<String> fieldNames() {
		return states.fieldNames();
	}

	/** The domain of each field, in the order of {@link #bits}. */
	public List<Domain> fieldDomains() {
		return states.fieldDomains();
	}

	/** Whether two states differ in some field. */
	public int differ(SymbolicState a, SymbolicState b) {
		return states.differ(a, b);
	}

	/** The domains of the fields of one instance (variables, queue slots, replay registers), in a fixed order. */
	public List<Domain> instanceFieldDomains() {
		return states.instanceFieldDomains();
	}

	/** The fields of one instance grouped as an author sees them (see {@link StateEncoding#instanceFieldGroups()}). */
	public List<int[]> instanceFieldGroups() {
		return states.instanceFieldGroups();
	}

	/** The fields of one instance in the order of {@link #instanceFieldDomains()}. */
	public List<SymbolicValue> instanceFields(SymbolicState state, int instance) {
		return states.instanceFields(state, instance);
	}

	/** The field values of one instance of a concrete state, in the order of {@link #instanceFieldDomains()}. */
	public int[] instanceFieldValues(dev.shall.checker.explicit.ConcreteState state, int instance) {
		return states.instanceFieldValues(state, instance);
	}

	/**
	 * The fields of a constant state as domain indices in the fixed order of {@link #bits}: equal
	 * arrays mean equal states.
	 */
	public int[] constantFields(SymbolicState state) {
		return states.constantFields(state);
	}

	/** The constant state whose fields are the given domain indices (the inverse of {@link #constantFields}). */
	public SymbolicState fromConstantFields(int[] fields) {
		return states.fromConstantFields(fields);
	}

	/** A concrete state as constants, to compare the encoding with the interpreter step by step. */
	public SymbolicState constantState(dev.shall.checker.explicit.ConcreteState concrete) {
		return states.constantState(concrete, actionCount);
	}

	/** Fixes the inputs of a step to a move (for tests and replays). */
	public int inputsAre(Inputs inputs, Move move) {
		int result = bitsAre(inputs.move(), move.instance() * actionCount + move.action());
		result = circuit.and(result, bitsAre(inputs.slot(), move.slot()));
		for (int c = 0; c < inputs.choices().length; c++) {
			result = circuit.and(result, bitsAre(inputs.choices()[c], move.choices()[c]));
		}
		return circuit.and(result, bitsAre(inputs.entry(), move.entry()));
	}

	private int bitsAre(int[] bits, int index) {
		int result = Circuit.TRUE;
		for (int b = 0; b < bits.length; b++) {
			result = circuit.and(result, (index >> b & 1) == 1 ? bits[b] : Circuit.not(bits[b]));
		}
		return result;
	}

	// ------------------------------------------------------------------ steps

	/** One step from the state: fresh inputs, fresh state bits, and the literal tying them together. */
	public Step step(SymbolicState state) {
		Inputs inputs = newInputs();
		Candidates candidates = candidates(state, inputs);
		SymbolicState next = states.copy(state);
		int legal = validInputs(inputs);
		SymbolicValue move = SymbolicValue.decode(circuit, moveDomain, inputs.move());
		for (int i = 0; i < instances; i++) {
			for (Action action : layout.actions()) {
				int selected = move.is(circuit, i * actionCount + action.index());
				LocalMove local = candidates.locals[i][action.index()];
				legal = circuit.and(legal, circuit.implies(selected,
						circuit.and(local.enabled, circuit.not(local.overflow))));
				apply(next, i, local, selected);
			}
		}
		monitors.update(state, next);
		if (next.last != null) {
			next.last = lastMove(move);
		}
		// fresh bits for the next state, equal to what the step computed; the raw input bits are
		// compared, since re-encoding a decoded value would hide bit patterns that are no value
		List<int[]> computed = bits(next);
		int enabled = legal;
		List<int[]> freshBits = new ArrayList<>();
		SymbolicState fresh = states.freeStateLike(next, freshBits);
		for (int f = 0; f < computed.size(); f++) {
			for (int b = 0; b < computed.get(f).length; b++) {
				legal = circuit.and(legal, circuit.iff(computed.get(f)[b], freshBits.get(f)[b]));
			}
		}
		return new Step(fresh, legal, inputs, enabled, computed);
	}

	/**
	 * The last move as the state keeps it: the moves of the steps the question reads (the step of a
	 * dead-step question, those a property names with {@code step X}), any other as -1, as the
	 * interpreter keeps it ({@link Obligation#keepsLastMove}): states that differ only in which
	 * other move came last are one.
	 */
	private SymbolicValue lastMove(SymbolicValue move) {
		int kept = Circuit.FALSE;
		for (Action action : layout.actions()) {
			if (keepsLast(action)) {
				for (int i = 0; i < instances; i++) {
					kept = circuit.or(kept, move.is(circuit, i * actionCount + action.index()));
				}
			}
		}
		return SymbolicValue.ite(circuit, kept, move, SymbolicValue.constant(-1));
	}

	private boolean keepsLast(Action action) {
		return obligation.keepsLastMove(action.kind() == Action.Kind.TRANSITION ? action.transition() : null);
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
						for (int entry = 0; entry < entries(action); entry++) {
							LocalMove local = new LocalMove(state, i, layout.lanes().size());
							moves.execute(local, action, constantInputs(slot, vector, entry));
							int legal = circuit.and(local.enabled, circuit.not(local.overflow));
							if (legal == Circuit.FALSE) {
								continue;
							}
							if (legal != Circuit.TRUE) {
								throw new IllegalStateException("the state is not constant");
							}
							SymbolicState next = states.copy(state);
							apply(next, i, local, Circuit.TRUE);
							monitors.update(state, next);
							if (next.last != null) {
								next.last = SymbolicValue.constant(keepsLast(action) ? i * actionCount + action.index()
										: -1);
							}
							steps.add(new ConstantStep(new Move(i, action.index(), slot, vector, entry), next));
						}
					}
				}
			}
		}
		return steps;
	}

	/** Semantics §3.7: the sessions a step's lookup may locate; one (none) for other actions. */
	private int entries(Action action) {
		return action.kind() == Action.Kind.TRANSITION && action.transition().getLookup() != null ? instances : 1;
	}

	private Inputs constantInputs(int slot, int[] vector, int entry) {
		int[][] choices = new int[layout.choices().size()][];
		for (Choice choice : layout.choices()) {
			int c = layout.indexOf(choice);
			choices[c] = constantBits(Domain.range(0, choice.getBranches().size() - 1), vector[c]);
		}
		return new Inputs(constantBits(moveDomain, 0), constantBits(slotDomain, slot), choices, constantBits(
				entryDomain, entry));
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
					for (int entry = 0; entry < entries(action); entry++) {
						LocalMove local = new LocalMove(state, 0, layout.lanes().size());
						moves.execute(local, action, constantInputs(slot, vector, entry));
						if (constantTruth(circuit.and(local.enabled, local.overflow))) {
							return true;
						}
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

	private Inputs newInputs() {
		int[] move = inputBits(moveDomain);
		int[] slot = inputBits(slotDomain);
		int[][] choices = new int[layout.choices().size()][];
		for (Choice choice : layout.choices()) {
			choices[layout.indexOf(choice)] = inputBits(Domain.range(0, choice.getBranches().size() - 1));
		}
		return new Inputs(move, slot, choices, inputBits(entryDomain));
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
		return circuit.and(valid, validIndex(entryDomain, inputs.entry()));
	}

	/** Whether the bits hold an index below the domain's size: the decoded value is some value. */
	private int validIndex(Domain domain, int[] bits) {
		return SymbolicValue.decode(circuit, domain, bits).defined(circuit);
	}

	private record Candidates(LocalMove[][] locals) {
	}

	private Candidates candidates(SymbolicState state, Inputs inputs) {
		return candidates(state, inputs, instances);
	}

	/** The local results of every action of the first {@code count} instances. */
	private Candidates candidates(SymbolicState state, Inputs inputs, int count) {
		LocalMove[][] locals = new LocalMove[instances][actionCount];
		for (int i = 0; i < count; i++) {
			for (Action action : layout.actions()) {
				LocalMove local = new LocalMove(state, i, layout.lanes().size());
				moves.execute(local, action, inputs);
				locals[i][action.index()] = local;
			}
		}
		return new Candidates(locals);
	}

	/** The next state takes the local result of instance i where the action is selected. */
	private void apply(SymbolicState next, int instance, LocalMove local, int selected) {
		if (selected == Circuit.FALSE) {
			return;
		}
		SymbolicValue[] variables = next.variables[instance];
		for (int v = 0; v < variables.length; v++) {
			if (!shared[v]) {
				variables[v] = SymbolicValue.ite(circuit, selected, local.variables[v], variables[v]);
			}
		}
		// semantics §1.3: a shared variable has one value, kept in every session's copy. One chain of
		// choices over every move, built on session 0's copy, which all copies then share (in every
		// state the encoding admits the copies are equal: StateEncoding.wellFormed), instead of N
		// equal chains
		for (int g : layout.sharedVariables()) {
			SymbolicValue value = SymbolicValue.ite(circuit, selected, local.variables[g], next.variables[0][g]);
			for (int k = 0; k < instances; k++) {
				next.variables[k][g] = value;
			}
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

	// ------------------------------------------------------------------ properties

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
				LocalMove local = candidates.locals[0][action.index()];
				int selected = move.is(circuit, action.index());
				bad = circuit.or(bad, circuit.and(selected, circuit.and(local.enabled, local.overflow)));
			}
			return circuit.and(validInputs(probe), bad);
		}
		case REACHABILITY:
			return state.last.is(circuit, layout.action(obligation.transition()).index());
		case UNHANDLED:
			return unhandled(state);
		default:
			return monitors.bad(state, 0);
		}
	}

	/**
	 * Semantics §7.4, of instance 0 (as for bounds, §1.2): at some deliverable position of the lane
	 * (the head; any position of a reordering lane) a message of the type that passes the integrity
	 * check (§4.4) waits, no handler's move at that position is enabled (a move whose guard exceeds a
	 * bound counts as enabled, as in {@link MoveEncoding}) and no deferral's condition holds (or
	 * exceeds a bound). The symbolic twin of {@code explicit.ExplicitProperty}'s unhandled check.
	 */
	private int unhandled(SymbolicState state) {
		Obligation.Arrival arrival = obligation.arrival();
		Lane lane = layout.lane(arrival.channel(), arrival.receiver(), true);
		if (!lane.messages().contains(arrival.message())) {
			return Circuit.FALSE; // nobody sends it on this lane
		}
		int positions = lane.has(Fault.REORDERING) ? lane.length() : 1;
		int result = Circuit.FALSE;
		for (int p = 0; p < positions; p++) {
			Slot slot = state.queues[0][lane.index()][p];
			int waiting = circuit.and(lanes.nonEmpty(slot), slot.tag().is(circuit, lane.tagOf(arrival.message())));
			if (lane.keyed()) {
				waiting = circuit.and(waiting, slot.mac().equalTo(circuit, state.variables[0][layout.indexOf(lane
						.receiverKey())]));
			}
			int taken = Circuit.FALSE;
			for (var handler : arrival.handlers(layout.procedure())) {
				Action action = layout.action(handler);
				// a handler with a lookup takes the message when it locates some session's entry (§3.7)
				for (int entry = 0; entry < entries(action); entry++) {
					LocalMove local = new LocalMove(state, 0, layout.lanes().size());
					moves.execute(local, action, constantInputs(p, layout.choiceVectors(action).get(0), entry));
					taken = circuit.or(taken, local.enabled);
				}
			}
			SymbolicValue[] fields = slot.fields()[lane.messages().indexOf(arrival.message())];
			int deferred = Circuit.FALSE;
			for (var deferral : arrival.deferrals(layout.procedure())) {
				if (deferral.getGuard() == null) {
					deferred = Circuit.TRUE;
					continue;
				}
				int[] overflow = { Circuit.FALSE };
				SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(state.variables[0], fields, arrival.message(),
						t -> Circuit.FALSE, true).with(new SymbolicEvaluator.Sessions(state.variables, 0));
				int holds = evaluator.evaluate(circuit, deferral.getGuard(), env, waiting, overflow).truth(circuit);
				deferred = circuit.or(deferred, circuit.or(holds, overflow[0]));
			}
			result = circuit.or(result, circuit.and(waiting, circuit.and(circuit.not(taken), circuit.not(deferred))));
		}
		return result;
	}

	/** For a response property: a trigger of the instance is unanswered in the state (semantics §6.4). */
	public int pending(SymbolicState state, int instance) {
		return monitors.pending(state, instance);
	}

	/** For a response property: the response holds in the state. */
	public int answered(SymbolicState state, int instance) {
		return monitors.answered(state, instance);
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
				for (int entry = 0; entry < entries(action); entry++) {
					LocalMove local = new LocalMove(state, instance, layout.lanes().size());
					moves.execute(local, action, constantInputs(slot, vector, entry));
					int taken = circuit.and(local.enabled, circuit.not(local.overflow));
					result = circuit.or(result, circuit.and(taken, changes(local, state, instance)));
				}
			}
		}
		return result;
	}

	/** Whether the action's local result differs from the instance's procedure state in the state. */
	private int changes(LocalMove local, SymbolicState state, int instance) {
		SymbolicState after = states.copy(state);
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
		states.visitProcedureState(a, instance, (domain, value) -> {
			left.add(value);
			domains.add(domain);
			return value;
		});
		states.visitProcedureState(b, instance, (domain, value) -> {
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
				|| obligation.property() instanceof Freshness
				|| obligation.property() instanceof dev.shall.model.Correspondence;
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
		return new Move(instance, action.index(), slot, choices, entries(action) > 1 ? index(inputs.entry()) : 0);
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
