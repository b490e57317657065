package dev.shall.eclipse;

import java.time.Duration;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.MonoReconciler;

/**
 * Live diagnostics: after a pause in typing, checks the whole text (parse, validate, quick model
 * check) in the reconciler's thread and replaces the file's shall problem markers, which the
 * editor shows as annotations and the Problems view lists. A check overtaken by an edit is
 * dropped.
 */
public class ShallReconciler extends MonoReconciler {

	/** The marker type declared in plugin.xml. */
	public static final String MARKER = "dev.shall.eclipse.problem";

	/**
	 * The quick check's budget, 3 s; {@code -Dshall.eclipse.quickcheck.budget.ms=N} changes it (the
	 * workbench test gives it more, since it tests what the editor shows, not how fast: the editor's
	 * latency is measured by {@code ./bench editor}).
	 */
	static final Duration BUDGET = Duration.ofMillis(Long.getLong("shall.eclipse.quickcheck.budget.ms", 3000));

	public ShallReconciler() {
		super(new Strategy(), false);
		setDelay(300);
	}

	private static final class Strategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
		private IDocument document;
		private IProgressMonitor monitor = new NullProgressMonitor();

		@Override
		public void setDocument(IDocument document) {
			this.document = document;
		}

		@Override
		public void setProgressMonitor(IProgressMonitor monitor) {
			this.monitor = monitor;
		}

		@Override
		public void initialReconcile() {
			reconcile();
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			reconcile();
		}

		@Override
		public void reconcile(IRegion partition) {
			reconcile();
		}

		private void reconcile() {
			IDocument checked = document;
			if (checked == null) {
				return;
			}
			long stamp = stamp(checked);
			IFile file = fileOf(checked);
			URI uri = file != null && file.getLocation() != null ? URI.createFileURI(file.getLocation().toOSString())
					: URI.createURI("memory:/editor.shall");
			DocumentCheck.Result result = DocumentCheck.check(checked.get(), uri, BUDGET,
					() -> monitor.isCanceled() || stamp(checked) != stamp);
			if (result == null || stamp(checked) != stamp) {
				return;
			}
			if (file != null) {
				replaceMarkers(file, result);
			}
			CheckResults.publish(result);
		}

		private static long stamp(IDocument document) {
			return document instanceof IDocumentExtension4 extension ? extension.getModificationStamp()
					: document.get().hashCode();
		}
	}

	static IFile fileOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null || buffer.getLocation() == null) {
			return null;
		}
		IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(buffer.getLocation());
		return resource instanceof IFile file ? file : null;
	}

	static void replaceMarkers(IFile file, DocumentCheck.Result result) {
		IWorkspaceRunnable update = monitor -> {
			file.deleteMarkers(MARKER, false, IResource.DEPTH_ZERO);
			for (DocumentCheck.Problem problem : result.problems()) {
				IMarker marker = file.createMarker(MARKER);
				marker.setAttribute(IMarker.SEVERITY, switch (problem.severity()) {
				case ERROR -> IMarker.SEVERITY_ERROR;
				case WARNING -> IMarker.SEVERITY_WARNING;
				default -> IMarker.SEVERITY_INFO;
				});
				marker.setAttribute(IMarker.MESSAGE, problem.message());
				marker.setAttribute(IMarker.LINE_NUMBER, problem.line());
				marker.setAttribute(IMarker.CHAR_START, problem.offset());
				marker.setAttribute(IMarker.CHAR_END, problem.offset() + problem.length());
			}
		};
		try {
			ResourcesPlugin.getWorkspace().run(update, file, IResource.NONE, null);
		} catch (CoreException e) {
			// the file was deleted or closed meanwhile: nothing to mark
		}
	}
}
