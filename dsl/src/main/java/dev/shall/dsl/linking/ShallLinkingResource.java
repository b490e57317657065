package dev.shall.dsl.linking;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.Triple;

/**
 * Xtext's lazily linked resource, linear in the number of references. Once a file has any error,
 * Xtext builds a "cannot resolve" message for every reference it resolves, only to remove that
 * message from the error list if it is there ({@code removeDiagnostic}, a linear search): with
 * many errors, linking became quadratic (20,000 unresolved names took 10–15 s). This resource
 * remembers which references it reported: it removes only those, and adds a first report without
 * searching the list for it.
 */
public class ShallLinkingResource extends LazyLinkingResource {

	private final Set<Triple<EObject, EReference, INode>> reported = new HashSet<>();

	@Override
	protected void createAndAddDiagnostic(Triple<EObject, EReference, INode> triple) {
		if (isValidationDisabled()) {
			return;
		}
		if (!reported.add(triple)) {
			super.createAndAddDiagnostic(triple); // reported before: Xtext's own check for a duplicate
			return;
		}
		// first report of this reference: it cannot be in the list, so skip Xtext's linear contains
		org.eclipse.xtext.diagnostics.DiagnosticMessage message = createDiagnosticMessage(triple);
		if (message != null) {
			getDiagnosticList(message).add(createDiagnostic(triple, message));
		}
	}

	@Override
	protected void createAndAddDiagnostic(Triple<EObject, EReference, INode> triple, IllegalNodeException ex) {
		reported.add(triple);
		super.createAndAddDiagnostic(triple, ex);
	}

	@Override
	protected void removeDiagnostic(Triple<EObject, EReference, INode> triple) {
		if (reported.remove(triple)) {
			super.removeDiagnostic(triple);
		}
	}

	@Override
	protected void clearInternalState() {
		reported.clear();
		super.clearInternalState();
	}
}
