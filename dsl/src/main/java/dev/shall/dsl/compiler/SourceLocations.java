package dev.shall.dsl.compiler;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

import dev.shall.model.ModelFactory;
import dev.shall.model.SourceLocation;

/** Where an AST element was written, as a model {@link SourceLocation}. */
final class SourceLocations {

	private SourceLocations() {
	}

	static SourceLocation of(EObject element) {
		SourceLocation location = ModelFactory.eINSTANCE.createSourceLocation();
		location.setFile(fileOf(element.eResource()));
		INode node = NodeModelUtils.findActualNodeFor(element);
		if (node != null) {
			LineAndColumn start = NodeModelUtils.getLineAndColumn(node, node.getOffset());
			location.setLine(start.getLine());
			location.setColumn(start.getColumn());
			location.setOffset(node.getOffset());
			location.setLength(node.getLength());
		}
		return location;
	}

	/** The file as a path when it is on disk, else the URI as written (e.g. in tests). */
	static String fileOf(Resource resource) {
		if (resource == null || resource.getURI() == null) {
			return null;
		}
		URI uri = resource.getURI();
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}
}
