package dev.shall.checker.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.encoding.Circuit;
import dev.shall.checker.encoding.EncodingStopped;
import dev.shall.checker.encoding.SymbolicState;
import dev.shall.checker.encoding.SymbolicValue;
import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.FieldVector;
import dev.shall.checker.sat.SatAnswer;

/**
 * Auxiliary invariants for k-induction, found Houdini-style. The state of an instance is seen
 * as features: each variable, and each queued message as a whole. Candidates are "feature f
 * never has value a" and "f = a and g = b never happen together", for the values one instance
 * was seen to reach; they are then pruned until their conjunction is inductive for all N
 * instances, which the solver proves. Unreachable states that would otherwise serve as
 * counterexamples to induction are excluded, without assuming anything unproved.
 */
public final class Strengthening {

	/** Random runs added to a breadth-first sample that stopped at its limit, and their length. */
	private static final int WALKS = 200;
	private static final int WALK_LENGTH = 200;

	/**
	 * The share of a question's remaining time the auxiliary-invariant search may take: past it,
	 * k-induction goes on without auxiliary invariants, so that its base case (a shallow BMC
	 * question: "a step one move from the start can happen") is always asked.
	 */
	static final double SHARE = 0.3;

	/** The largest number of possible values of a feature for which never-seen values are excluded. */
	private static final int SMALL_FEATURE = 256;

	/** Feature x is not value a, or (when y ≥ 0) feature y is not value b; values are field tuples. */
	record Clause(int x, int[] a, int y, int[] b) {
	}

	private final List<int[]> features;
	private final List<Clause> clauses;

	private Strengthening(List<int[]> features, List<Clause> clauses) {
		this.features = features;
		this.clauses = clauses;
	}

	/** The invariant {@code true}: no clause. */
	public static final Strengthening NONE = new Strengthening(List.of(), List.of());

	List<Clause> clauses() {
		return clauses;
	}

	/** How many clauses the invariant has (0: the invariant is true). */
	public int size() {
		return clauses.size();
	}

	/**
	 * The clauses in the author's vocabulary, for the certificate: {@code never UE.kenb = K.old} or
	 * {@code never together UE.kenb = K.old and MME.count = 2}, about any one instance. Features
	 * are numbered as {@code StateEncoding.instanceFieldGroups}: variables, then each lane's slots
	 * (queue positions, then the replay register), then the property monitor's bits.
	 */
	public List<String> describe(dev.shall.checker.lowering.Layout layout) {
		List<String> names = new ArrayList<>();
		List<java.util.function.Function<int[], String>> values = new ArrayList<>();
		for (dev.shall.model.StateVariable variable : layout.variables()) {
			names.add(dev.shall.checker.lowering.Layout.qualifiedName(variable));
			values.add(v -> layout.describe(variable.getType(), v[0]));
		}
		for (dev.shall.checker.lowering.Lane lane : layout.lanes()) {
			int slots = lane.length() + (lane.has(dev.shall.model.Fault.REPLAY) ? 1 : 0);
			for (int j = 0; j < slots; j++) {
				names.add((j < lane.length() ? "message " + (j + 1) + " queued on " : "the replayable message on ")
						+ lane.name());
				values.add(v -> message(layout, lane, v));
			}
		}
		List<String> texts = new ArrayList<>();
		for (Clause clause : clauses) {
			String x = atom(names, values, clause.x(), clause.a());
			texts.add(clause.y() < 0 ? "never " + x
					: "never together " + x + " and " + atom(names, values, clause.y(), clause.b()));
		}
		return texts;
	}

	/**
	 * A queue slot's value tuple as a message: the tag, then every message type's fields in
	 * declaration order (only the tagged one's matter), then the protection tag and the copy flag
	 * (StateEncoding.concreteSlot's order).
	 */
	private static String message(dev.shall.checker.lowering.Layout layout, dev.shall.checker.lowering.Lane lane,
			int[] value) {
		if (value[0] == 0) {
			// an empty slot's fields have one canonical value each; a clause may exclude the others
			StringBuilder stale = new StringBuilder();
			int at = 1;
			for (dev.shall.model.MessageType type : lane.messages()) {
				for (dev.shall.model.MessageField field : type.getFields()) {
					if (value[at] != layout.domain(field).value(0)) {
						stale.append(stale.isEmpty() ? "" : ", ").append(type.getName()).append('.').append(field
								.getName()).append('=').append(layout.describe(field.getType(), value[at]));
					}
					at++;
				}
			}
			return stale.isEmpty() ? "none" : "none with leftover fields " + stale;
		}
		int offset = 1;
		for (int m = 0; m < value[0] - 1; m++) {
			offset += lane.messages().get(m).getFields().size();
		}
		dev.shall.model.MessageType type = lane.messages().get(value[0] - 1);
		StringBuilder text = new StringBuilder(type.getName());
		if (!type.getFields().isEmpty()) {
			text.append('(');
			for (int f = 0; f < type.getFields().size(); f++) {
				dev.shall.model.MessageField field = type.getFields().get(f);
				text.append(f > 0 ? ", " : "").append(field.getName()).append('=').append(layout.describe(field
						.getType(), value[offset + f]));
			}
			text.append(')');
		}
		if (lane.copies() && value[value.length - 1] != 0) {
			text.append(" (a copy)");
		}
		return text.toString();
	}

	private static String atom(List<String> names, List<java.util.function.Function<int[], String>> values,
			int feature, int[] value) {
		return feature < names.size() ? names.get(feature) + " = " + values.get(feature).apply(value)
				: "monitor bit " + (feature - names.size()) + " = " + value[0];
	}

	/** The invariant on a state: every clause, for every instance. */
	public int on(TransitionEncoding encoding, SymbolicState state, int instances) {
		Circuit circuit = encoding.circuit();
		int result = Circuit.TRUE;
		for (int i = 0; i < instances; i++) {
			List<SymbolicValue> fields = encoding.instanceFields(state, i);
			for (Clause clause : clauses) {
				result = circuit.and(result, literal(circuit, fields, clause));
			}
		}
		return result;
	}

	private int literal(Circuit circuit, List<SymbolicValue> fields, Clause clause) {
		int notX = Circuit.not(is(circuit, fields, features.get(clause.x()), clause.a()));
		return clause.y() < 0 ? notX
				: circuit.or(notX, Circuit.not(is(circuit, fields, features.get(clause.y()), clause.b())));
	}

	private static int is(Circuit circuit, List<SymbolicValue> fields, int[] feature, int[] value) {
		int result = Circuit.TRUE;
		for (int k = 0; k < feature.length; k++) {
			result = circuit.and(result, fields.get(feature[k]).is(circuit, value[k]));
		}
		return result;
	}

	/**
	 * Finds the strengthening for the request, or {@link #NONE} when the budget runs out first. The
	 * candidates come from at most {@code samples} states of one instance.
	 */
	static Strengthening find(CheckRequest request, Budget budget, int samples) {
		// Independent instances share no state, so a clause about one instance is preserved by every
		// other instance's steps: pruning one instance finds the invariant of each. Whoever uses it
		// for N instances proves it inductive for N again (KInduction.reprove). Sessions that share
		// state or start differently (semantics §1.3, §2.5) are sampled and pruned as N sessions.
		boolean independent = request.layout().sessionsIndependent();
		int sessions = independent ? 1 : request.instances();
		// the samples only filter candidates (fewer samples: more candidates for the solver to kill), so a
		// budget that runs out while sampling ends the sampling, never the soundness (issue 16's review:
		// an attacker's wide choices made one sample outlast --timeout six-fold)
		java.util.function.BooleanSupplier stop = () -> budget.timeUp() || budget.cancelled();
		List<ConcreteState> reachable = ExplicitChecker.reachable(request.layout(), request.options(),
				request.obligation(), samples, sessions, stop);
		if (reachable.size() >= samples && independent) {
			// The breadth-first sample stopped at a frontier: value pairs just beyond it were never
			// seen and become candidates that are not invariants, which Houdini then kills a few per
			// SAT round (three 5-bit counters: the whole time limit before k-induction's depth 0,
			// issue 20). Random runs from the initial state reach past the frontier and kill most
			// of them without the solver. (Runs of one session: only where one session stands for each.)
			reachable = new ArrayList<>(reachable);
			reachable.addAll(ExplicitChecker.randomRuns(request.layout(), request.options(), request.obligation(),
					WALKS, WALK_LENGTH, 20_26_11_30L, stop));
		}
		CheckRequest single = new CheckRequest(request.layout(), request.options(), sessions, request.obligation());
		try (Unrolling probe = new Unrolling(single, false, budget)) {
			TransitionEncoding encoding = probe.encoding();
			List<Domain> domains = encoding.instanceFieldDomains();
			List<int[]> features = encoding.instanceFieldGroups();
			List<int[][]> seen = new ArrayList<>();
			for (ConcreteState state : reachable) {
			for (int instance = 0; instance < sessions; instance++) {
				int[] values = encoding.instanceFieldValues(state, instance);
				int[][] tuple = new int[features.size()][];
				for (int f = 0; f < features.size(); f++) {
					int[] feature = features.get(f);
					tuple[f] = new int[feature.length];
					for (int k = 0; k < feature.length; k++) {
						tuple[f][k] = values[feature[k]];
					}
				}
				seen.add(tuple);
			}
			}
			Strengthening candidates = new Strengthening(features, candidates(features, domains, seen));
			return new Strengthening(features, candidates.prune(probe, encoding, sessions, budget));
		} catch (EncodingStopped stopped) {
			return NONE; // as when the budget runs out between two SAT calls
		}
	}

	/**
	 * The candidates, in a fixed order: per feature, its never-seen values (in domain order); then per
	 * pair of features x < y that each took two values or more, the pairs of seen values never seen
	 * together (in first-seen order). Each state's feature values are interned to small numbers once,
	 * so the pair pass is a bit matrix per pair of features, not a set of boxed tuples (it was a fifth of
	 * the differential test's time, issue 20).
	 */
	private static List<Clause> candidates(List<int[]> features, List<Domain> domains, List<int[][]> seen) {
		List<Clause> candidates = new ArrayList<>();
		int count = features.size();
		int[][] ids = new int[seen.size()][count];
		List<List<int[]>> observed = new ArrayList<>();
		for (int f = 0; f < count; f++) {
			Map<FieldVector, Integer> index = new HashMap<>();
			List<int[]> values = new ArrayList<>();
			for (int s = 0; s < seen.size(); s++) {
				int[] value = seen.get(s)[f];
				Integer id = index.putIfAbsent(new FieldVector(value), values.size());
				if (id == null) {
					id = values.size();
					values.add(value);
				}
				ids[s][f] = id;
			}
			observed.add(values);
			for (int[] value : allValues(features.get(f), domains)) {
				if (!index.containsKey(new FieldVector(value))) {
					candidates.add(new Clause(f, value, -1, null));
				}
			}
		}
		for (int x = 0; x < count; x++) {
			int sizeX = observed.get(x).size();
			if (sizeX < 2) {
				continue;
			}
			for (int y = x + 1; y < count; y++) {
				int sizeY = observed.get(y).size();
				if (sizeY < 2) {
					continue;
				}
				boolean[] together = new boolean[sizeX * sizeY];
				for (int[] state : ids) {
					together[state[x] * sizeY + state[y]] = true;
				}
				for (int a = 0; a < sizeX; a++) {
					for (int b = 0; b < sizeY; b++) {
						if (!together[a * sizeY + b]) {
							candidates.add(new Clause(x, observed.get(x).get(a), y, observed.get(y).get(b)));
						}
					}
				}
			}
		}
		return candidates;
	}

	private static List<int[]> allValues(int[] feature, List<Domain> domains) {
		// stop counting once past the limit: a message of four 65,536-value fields has 2^64 tuples,
		// which a long product wraps to 0, and every tuple would be listed
		long count = 1;
		for (int field : feature) {
			count *= domains.get(field).size();
			if (count > SMALL_FEATURE) {
				return List.of();
			}
		}
		List<int[]> values = new ArrayList<>();
		values.add(new int[0]);
		for (int field : feature) {
			Domain domain = domains.get(field);
			List<int[]> extended = new ArrayList<>();
			for (int[] prefix : values) {
				for (int index = 0; index < domain.size(); index++) {
					int[] value = Arrays.copyOf(prefix, prefix.length + 1);
					value[prefix.length] = domain.value(index);
					extended.add(value);
				}
			}
			values = extended;
		}
		return values;
	}

	/**
	 * Houdini: assume every remaining candidate on a well-formed state s, take one step to s', and
	 * drop the candidates that some model falsifies on s'; repeat until none can be falsified.
	 */
	private List<Clause> prune(Unrolling probe, TransitionEncoding encoding, int instances, Budget budget) {
		Circuit circuit = encoding.circuit();
		SymbolicState before = probe.state(0);
		probe.extend();
		SymbolicState after = probe.state(1);
		int count = clauses.size();
		int[] activation = new int[count];
		int[][] afterLiterals = new int[count][instances];
		List<List<SymbolicValue>> fieldsBefore = new ArrayList<>();
		List<List<SymbolicValue>> fieldsAfter = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			fieldsBefore.add(encoding.instanceFields(before, i));
			fieldsAfter.add(encoding.instanceFields(after, i));
		}
		for (int c = 0; c < count; c++) {
			activation[c] = circuit.input();
			for (int i = 0; i < instances; i++) {
				probe.assertTrue(circuit.implies(activation[c], literal(circuit, fieldsBefore.get(i), clauses.get(c))));
				afterLiterals[c][i] = literal(circuit, fieldsAfter.get(i), clauses.get(c));
			}
		}
		// each candidate's "fails after the step" literal is built and given to the solver once; a
		// round asks for some live candidate to fail with one clause under a fresh activation
		// literal. (Rebuilding the disjunction of the live candidates as gates every round, as
		// before, grew the solver by a disjunction per round: on x2-handover-key-chaining from
		// 11,500 to 89,000 variables over 159 rounds, issue 20.)
		int[][] fails = new int[count][instances];
		for (int c = 0; c < count; c++) {
			for (int i = 0; i < instances; i++) {
				fails[c][i] = circuit.dimacs(Circuit.not(afterLiterals[c][i]));
			}
		}
		boolean[] dead = new boolean[count];
		int previousRound = 0;
		while (true) {
			if (budget.exhausted() != null) {
				return List.of();
			}
			List<Integer> assumptions = new ArrayList<>();
			List<Integer> someFails = new ArrayList<>();
			int round = circuit.solver().newVariable();
			someFails.add(-round);
			for (int c = 0; c < count; c++) {
				if (!dead[c]) {
					assumptions.add(circuit.dimacs(activation[c]));
					for (int i = 0; i < instances; i++) {
						someFails.add(fails[c][i]);
					}
				}
			}
			if (assumptions.isEmpty()) {
				return List.of();
			}
			if (previousRound != 0) {
				circuit.solver().addClause(-previousRound); // the last round's clause, retired
			}
			circuit.solver().addClause(someFails.stream().mapToInt(Integer::intValue).toArray());
			previousRound = round;
			assumptions.add(round);
			SatAnswer falsified = probe.solve(assumptions.stream().mapToInt(Integer::intValue).toArray());
			if (falsified.isUnknown()) {
				return List.of();
			}
			if (falsified.isUnsat()) {
				break;
			}
			for (int c = 0; c < count; c++) {
				for (int i = 0; i < instances && !dead[c]; i++) {
					dead[c] = !circuit.valueOf(afterLiterals[c][i]);
				}
			}
		}
		List<Clause> alive = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			if (!dead[c]) {
				alive.add(clauses.get(c));
			}
		}
		return alive;
	}
}
