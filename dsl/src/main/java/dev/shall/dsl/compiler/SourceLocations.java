package dev.shall.dsl.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.shall.model.ModelFactory;
import dev.shall.model.SourceLocation;

/**
 * Where AST elements were written, as model {@link SourceLocation}s, for one compilation.
 *
 * <p>Linear in the file: Xtext's own answers — an element's resource, a composite node's offset
 * (its first leaf), a line and column (from the root node) — each walk the tree from the node, so
 * asking them for every node of a sum of 5,000 terms nested 5,000 deep was quadratic. Here each
 * resource's node tree is walked once: composite offsets, line starts and elements' resources are
 * remembered.
 */
final class SourceLocations {

	private final Map<EObject, Resource> resources = new IdentityHashMap<>();
	private final Map<Resource, Index> indices = new IdentityHashMap<>();

	SourceLocation of(EObject element) {
		SourceLocation location = ModelFactory.eINSTANCE.createSourceLocation();
		Resource resource = resourceOf(element);
		Index index = resource == null ? null : indices.computeIfAbsent(resource, Index::new);
		location.setFile(index == null ? fileOf(resource) : index.file);
		INode node = NodeModelUtils.findActualNodeFor(element);
		if (node != null) {
			int offset = index == null ? node.getOffset() : index.offsetOf(node);
			int[] lineAndColumn = index == null ? null : index.lineAndColumn(offset);
			if (lineAndColumn == null) {
				var start = NodeModelUtils.getLineAndColumn(node, offset);
				lineAndColumn = new int[] { start.getLine(), start.getColumn() };
			}
			location.setLine(lineAndColumn[0]);
			location.setColumn(lineAndColumn[1]);
			location.setOffset(offset);
			location.setLength(Math.max(0, node.getEndOffset() - offset));
		}
		return location;
	}

	/** The element's resource, remembered along the path up to it (so each containment link is walked once). */
	private Resource resourceOf(EObject element) {
		List<EObject> path = new ArrayList<>();
		EObject current = element;
		Resource found = null;
		while (current != null) {
			Resource known = resources.get(current);
			if (known != null) {
				found = known;
				break;
			}
			path.add(current);
			Resource direct = ((InternalEObject) current).eDirectResource();
			if (direct != null) {
				found = direct;
				break;
			}
			current = current.eContainer();
		}
		for (EObject visited : path) {
			if (found != null) {
				resources.put(visited, found);
			}
		}
		return found;
	}

	/** One resource's node tree, walked once. */
	private static final class Index {
		final String file;
		final Map<INode, Integer> compositeOffsets = new IdentityHashMap<>();
		final int[] lineStarts;

		Index(Resource resource) {
			file = fileOf(resource);
			ICompositeNode root = resource instanceof XtextResource xtext && xtext.getParseResult() != null ? xtext
					.getParseResult().getRootNode() : null;
			if (root == null) {
				lineStarts = null;
				return;
			}
			// pre-order: a composite's offset is that of the first leaf after it that is not hidden
			// (whitespace, comments), as Xtext's INode.getOffset()
			List<INode> waiting = new ArrayList<>();
			for (INode node : root.getAsTreeIterable()) {
				if (node instanceof ILeafNode leaf) {
					if (leaf.isHidden()) {
						continue;
					}
					for (INode composite : waiting) {
						compositeOffsets.put(composite, leaf.getOffset());
					}
					waiting.clear();
				} else {
					waiting.add(node);
				}
			}
			for (INode composite : waiting) {
				compositeOffsets.put(composite, root.getTotalEndOffset());
			}
			String text = root.getText();
			int[] starts = new int[16];
			int count = 0;
			starts[count++] = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				// \r\n, \n and a lone \r each end a line (as the reader reads them, semantics of input)
				if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
					if (count == starts.length) {
						starts = Arrays.copyOf(starts, count * 2);
					}
					starts[count++] = i + 1;
				}
			}
			lineStarts = Arrays.copyOf(starts, count);
		}

		int offsetOf(INode node) {
			Integer offset = node instanceof ILeafNode ? null : compositeOffsets.get(node);
			return offset != null ? offset : node.getOffset();
		}

		/** 1-based line and column of the offset, or null without a node tree. */
		int[] lineAndColumn(int offset) {
			if (lineStarts == null) {
				return null;
			}
			int line = Arrays.binarySearch(lineStarts, offset);
			if (line < 0) {
				line = -line - 2;
			}
			return new int[] { line + 1, offset - lineStarts[line] + 1 };
		}
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
