package dev.shall.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import dev.shall.model.Agreement;
import dev.shall.model.Freshness;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Role;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;
import dev.shall.model.VariableRef;

/**
 * What a sequence chart takes from the model besides the trace: the roles' display names and
 * order, the steps' descriptions, and for each property the variables its final state shows.
 * A trace alone names roles and steps only by identifier; a CR figure uses the spec's words.
 *
 * @param roles        role name → display name (the name itself when none is declared), in the
 *                     order the procedure declares them (the chart's lifeline order)
 * @param descriptions step or event name → its quoted description ({@code shall "…"}); absent
 *                     when none is written
 * @param subjects     property name → the variables its violation is about
 */
public record ChartNotes(Map<String, String> roles, Map<String, String> descriptions, Map<String, Subject> subjects) {

	/** Nothing known beyond the trace: lifelines named by role, no descriptions, no final values. */
	public static final ChartNotes NONE = new ChartNotes(Map.of(), Map.of(), Map.of());

	/**
	 * The variables a property's violation is about, as {@code Role.variable} (the keys of a
	 * trace's state).
	 *
	 * @param kind  {@code agreement} (left and right are compared), {@code freshness} (left is the
	 *              value that repeats) or {@code other} (left lists every variable the property reads)
	 * @param left  the agreement's left side, the freshness value, or every variable read
	 * @param right the agreement's right side; empty otherwise
	 */
	public record Subject(String kind, List<String> left, List<String> right) {
		public Subject {
			left = List.copyOf(left);
			right = List.copyOf(right);
		}
	}

	public ChartNotes {
		roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
		descriptions = Map.copyOf(descriptions);
		subjects = Map.copyOf(subjects);
	}

	/** The notes of a compiled procedure. */
	public static ChartNotes of(Procedure procedure) {
		Map<String, String> roles = new LinkedHashMap<>();
		for (Role role : procedure.getRoles()) {
			String display = role.getDisplayName();
			roles.put(role.getName(), display == null || display.isBlank() ? role.getName() : display);
		}
		Map<String, String> descriptions = new LinkedHashMap<>();
		for (Transition transition : procedure.getTransitions()) {
			if (transition.getName() != null && transition.getDescription() != null && !transition.getDescription()
					.isBlank()) {
				descriptions.putIfAbsent(transition.getName(), transition.getDescription());
			}
		}
		Map<String, Subject> subjects = new LinkedHashMap<>();
		for (Property property : procedure.getProperties()) {
			if (property.getName() == null) {
				continue;
			}
			if (property instanceof Agreement agreement) {
				subjects.put(property.getName(), new Subject("agreement", variables(agreement.getLeft()), variables(
						agreement.getRight())));
			} else if (property instanceof Freshness freshness) {
				subjects.put(property.getName(), new Subject("freshness", variables(freshness.getValue()), List.of()));
			} else {
				subjects.put(property.getName(), new Subject("other", variables(property), List.of()));
			}
		}
		return new ChartNotes(roles, descriptions, subjects);
	}

	/** The display name of {@code role}, or the role's name when the model does not say. */
	public String roleName(String role) {
		return roles.getOrDefault(role, role);
	}

	/** Every variable an expression or property reads, as {@code Role.variable}, in reading order. */
	private static List<String> variables(EObject root) {
		Set<String> names = new LinkedHashSet<>();
		if (root instanceof VariableRef ref) {
			add(ref, names);
		}
		if (root != null) {
			root.eAllContents().forEachRemaining(o -> {
				if (o instanceof VariableRef ref) {
					add(ref, names);
				}
			});
		}
		return new ArrayList<>(names);
	}

	private static void add(VariableRef ref, Set<String> names) {
		StateVariable variable = ref.getVariable();
		if (variable != null && variable.eContainer() instanceof Role role) {
			names.add(role.getName() + "." + variable.getName());
		}
	}
}
