package dev.shall.checker.lowering;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.shall.model.Expression;
import dev.shall.model.Once;
import dev.shall.model.Property;
import dev.shall.model.Since;

/**
 * The past-time operators of a property (semantics §6.5), numbered once for both semantics: the
 * monitor of an instance keeps one history bit per occurrence, bit j being the value of
 * occurrence j in the state before the current one (false in the initial state, which has none).
 * An operator that a rule's argument copies into two places is two occurrences, each with its bit.
 */
public final class PastTime {

	private PastTime() {
	}

	/** The occurrences of {@code once} and {@code since} in the property, in document order. */
	public static List<Expression> occurrences(Property property) {
		List<Expression> result = new ArrayList<>();
		if (property == null) {
			return result;
		}
		for (var it = property.eAllContents(); it.hasNext();) {
			EObject node = it.next();
			if (node instanceof Once || node instanceof Since) {
				result.add((Expression) node);
			}
		}
		return result;
	}

	/**
	 * The bit of a past-time occurrence: its position in {@link #occurrences} of the property that
	 * contains it.
	 *
	 * @throws IllegalArgumentException when the expression is not a past-time operator of a property
	 */
	public static int indexOf(Expression pastTime) {
		EObject container = pastTime;
		while (container != null && !(container instanceof Property)) {
			container = container.eContainer();
		}
		int index = container == null ? -1 : occurrences((Property) container).indexOf(pastTime);
		if (index < 0) {
			throw new IllegalArgumentException("not a past-time operator of a property: " + pastTime);
		}
		return index;
	}
}
