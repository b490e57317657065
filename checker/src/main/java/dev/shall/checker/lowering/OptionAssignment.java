package dev.shall.checker.lowering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.shall.model.Expectation;
import dev.shall.model.FindingExpectation;
import dev.shall.model.Option;
import dev.shall.model.OptionTest;
import dev.shall.model.OptionValue;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Verdict;

/** One combination of option values: the procedure as one reading of its ambiguous text. */
public record OptionAssignment(Map<Option, OptionValue> values) {

	public OptionAssignment {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * The combinations of the procedure's options that are checked (one empty combination when it
	 * has none), semantics §1.1: every combination of the options not marked independent, each with
	 * the independent options at their first values, then, for each independent option and each of
	 * its other values, with that value instead (the others still at their first). Values keep the
	 * options' declaration order.
	 */
	public static List<OptionAssignment> all(Procedure procedure) {
		List<Map<Option, OptionValue>> combinations = new ArrayList<>();
		combinations.add(new LinkedHashMap<>());
		for (Option option : procedure.getOptions()) {
			if (option.isIndependent()) {
				continue;
			}
			List<Map<Option, OptionValue>> extended = new ArrayList<>();
			for (Map<Option, OptionValue> combination : combinations) {
				for (OptionValue value : option.getValues()) {
					Map<Option, OptionValue> values = new LinkedHashMap<>(combination);
					values.put(option, value);
					extended.add(values);
				}
			}
			combinations = extended;
		}
		List<Option> independent = procedure.getOptions().stream().filter(Option::isIndependent).toList();
		List<OptionAssignment> result = new ArrayList<>();
		for (Map<Option, OptionValue> combination : combinations) {
			result.add(ordered(procedure, combination, independent, null, null));
			for (Option varied : independent) {
				for (OptionValue value : varied.getValues().subList(1, varied.getValues().size())) {
					result.add(ordered(procedure, combination, independent, varied, value));
				}
			}
		}
		return result;
	}

	/** How many combinations {@link #all} gives, saturating at {@link Long#MAX_VALUE}. */
	public static long count(Procedure procedure) {
		long product = 1;
		long varied = 1;
		for (Option option : procedure.getOptions()) {
			long size = Math.max(1, option.getValues().size());
			if (option.isIndependent()) {
				varied = dev.shall.model.frontend.Limits.saturatedSum(varied, size - 1);
			} else {
				product = dev.shall.model.frontend.Limits.saturatedProduct(product, size);
			}
		}
		return dev.shall.model.frontend.Limits.saturatedProduct(product, varied);
	}

	/** The combination with the independent options at their first values but {@code varied} at {@code value}. */
	private static OptionAssignment ordered(Procedure procedure, Map<Option, OptionValue> combination,
			List<Option> independent, Option varied, OptionValue value) {
		Map<Option, OptionValue> values = new LinkedHashMap<>();
		for (Option option : procedure.getOptions()) {
			if (option == varied) {
				values.put(option, value);
			} else if (independent.contains(option)) {
				values.put(option, option.getValues().get(0));
			} else {
				values.put(option, combination.get(option));
			}
		}
		return new OptionAssignment(values);
	}

	public boolean holds(OptionTest test) {
		return values.get(test.getOption()) == test.getValue();
	}

	/** The verdict the author expects under this combination: the first matching expectation, else holds (semantics §7.7). */
	public Verdict expectedVerdict(Property property) {
		for (Expectation expectation : property.getExpectations()) {
			if (expectation.getConditions().stream().allMatch(this::holds)) {
				return expectation.getVerdict();
			}
		}
		return Verdict.HOLDS;
	}

	/**
	 * Whether the author declares the finding known under this combination (semantics §7.6): a
	 * dead step ({@code expect dead step X}), an unhandled message ({@code expect unhandled M on c
	 * at R}) or the bounds violated ({@code expect bounds violated}). Property questions are
	 * declared with their property ({@link #expectedVerdict}); for them this is false.
	 */
	public boolean declaresFinding(Procedure procedure, Obligation obligation) {
		for (FindingExpectation expectation : procedure.getFindingExpectations()) {
			boolean same = switch (expectation.getKind()) {
			case DEAD_STEP -> obligation.kind() == Obligation.Kind.REACHABILITY && expectation
					.getTransition() == obligation.transition();
			case UNHANDLED -> obligation.kind() == Obligation.Kind.UNHANDLED && expectation.getRole() == obligation
					.arrival().receiver() && expectation.getReceive().getChannel() == obligation.arrival().channel()
					&& expectation.getReceive().getMessage() == obligation.arrival().message();
			case BOUNDS -> obligation.kind() == Obligation.Kind.BOUNDS;
			};
			if (same && expectation.getConditions().stream().allMatch(this::holds)) {
				return true;
			}
		}
		return false;
	}

	/** Option name to value name, in declaration order. */
	public Map<String, String> byName() {
		return values.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().getName(),
				e -> e.getValue().getName(), (a, b) -> a, LinkedHashMap::new));
	}

	@Override
	public String toString() {
		return values.isEmpty() ? "(no options)"
				: byName().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
	}
}
