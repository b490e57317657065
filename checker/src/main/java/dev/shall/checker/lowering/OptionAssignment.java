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

	/** Every combination of the procedure's options (one empty combination when it has none). */
	public static List<OptionAssignment> all(Procedure procedure) {
		List<OptionAssignment> combinations = new ArrayList<>();
		combinations.add(new OptionAssignment(Map.of()));
		for (Option option : procedure.getOptions()) {
			List<OptionAssignment> extended = new ArrayList<>();
			for (OptionAssignment combination : combinations) {
				for (OptionValue value : option.getValues()) {
					Map<Option, OptionValue> values = new LinkedHashMap<>(combination.values);
					values.put(option, value);
					extended.add(new OptionAssignment(values));
				}
			}
			combinations = extended;
		}
		return combinations;
	}

	public boolean holds(OptionTest test) {
		return values.get(test.getOption()) == test.getValue();
	}

	/** The verdict the author expects under this combination: the first matching expectation, else holds. */
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
