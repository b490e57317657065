package dev.shall.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;

import dev.shall.eclipse.CheckResults;
import dev.shall.eclipse.ResultTableView;
import dev.shall.eclipse.ShallReconciler;

/**
 * In a real workbench: open the seed-003 example in the editor, make a property's violation
 * undeclared, see the error marker at the property's line; restore the text, see it go.
 */
class EditorUiTest {

	@Test
	void markersFollowTheText() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("seeds");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		Path root = Path.of(System.getProperty("shall.root"));
		IFile seed = copy(project, root, "examples/seeds/003-smc-vs-inter-mme-handover.shall");
		copy(project, root, "rules/ts33401-concurrency.shall");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = IDE.openEditor(page, seed);
		assertTrue(editor instanceof ITextEditor, editor.getClass().getName());
		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		// the text as written declares its violations: no error once the first check is done
		assertTrue(waitFor(() -> CheckResults.latest() != null && CheckResults.latest().file().endsWith(seed.getName()),
				60_000), "the first check of the opened file");
		assertTrue(Arrays.stream(markers(seed)).noneMatch(m -> severity(m) == IMarker.SEVERITY_ERROR),
				Arrays.toString(markers(seed)));
		ResultTableView<?> verdicts = (ResultTableView<?>) page.showView("dev.shall.eclipse.verdicts");
		ResultTableView<?> outline = (ResultTableView<?>) page.showView("dev.shall.eclipse.outline");
		assertTrue(waitFor(() -> verdicts.rowTexts().stream().anyMatch(r -> r.startsWith("kasmeAgreedAfterHandover | as declared")),
				10_000), verdicts.rowTexts().toString());
		assertTrue(outline.rowTexts().stream().anyMatch(r -> r.startsWith("role | UE")), outline.rowTexts().toString());
		assertTrue(outline.rowTexts().stream().anyMatch(r -> r.startsWith("step | smcNewKasme")), outline.rowTexts().toString());
		String original = document.get();
		String undeclared = DocumentCheckTest.undeclared(original);
		document.set(undeclared);
		int line = DocumentCheckTest.lineOf(undeclared, "property kasmeAgreedAfterHandover");
		assertTrue(waitFor(() -> Arrays.stream(markers(seed)).anyMatch(m -> severity(m) == IMarker.SEVERITY_ERROR),
				60_000), "an error marker appears");
		assertTrue(waitFor(() -> verdicts.rowTexts().stream().anyMatch(
				r -> r.startsWith("kasmeAgreedAfterHandover | differs from its expectation")), 10_000),
				verdicts.rowTexts().toString());
		IMarker error = Arrays.stream(markers(seed)).filter(m -> severity(m) == IMarker.SEVERITY_ERROR).findFirst()
				.orElseThrow();
		assertEquals(line, error.getAttribute(IMarker.LINE_NUMBER, -1));
		((ITextEditor) editor).selectAndReveal(error.getAttribute(IMarker.CHAR_START, 0), 0);
		waitFor(() -> false, 500);
		screenshot(System.getProperty("shall.screenshot"));
		assertTrue(error.getAttribute(IMarker.MESSAGE, "").startsWith("kasmeAgreedAfterHandover is violated"));

		document.set(original);
		assertTrue(waitFor(() -> Arrays.stream(markers(seed)).noneMatch(m -> severity(m) == IMarker.SEVERITY_ERROR),
				60_000), "the error marker goes once the text declares the violation again");
		page.closeAllEditors(false);
	}

	/** The workbench as it looks with the marker, for a person to look at (target/editor.png). */
	private static void screenshot(String file) {
		if (file == null) {
			return;
		}
		Display display = Display.getCurrent();
		org.eclipse.swt.widgets.Shell shell = display.getActiveShell() != null ? display.getActiveShell()
				: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		org.eclipse.swt.graphics.Rectangle bounds = shell.getBounds();
		org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, bounds.width, bounds.height);
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(display);
		gc.copyArea(image, bounds.x, bounds.y);
		gc.dispose();
		org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
		loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
		loader.save(file, org.eclipse.swt.SWT.IMAGE_PNG);
		image.dispose();
	}

	private static IFile copy(IProject project, Path root, String relative) throws Exception {
		String[] segments = relative.split("/");
		IResource container = project;
		for (int i = 0; i < segments.length - 1; i++) {
			IFolder folder = ((org.eclipse.core.resources.IContainer) container).getFolder(
					new org.eclipse.core.runtime.Path(segments[i]));
			if (!folder.exists()) {
				folder.create(true, true, null);
			}
			container = folder;
		}
		IFile file = project.getFile(relative);
		byte[] content = Files.readAllBytes(root.resolve(relative));
		if (file.exists()) {
			file.setContents(new ByteArrayInputStream(content), true, false, null);
		} else {
			file.create(new ByteArrayInputStream(content), true, null);
		}
		return file;
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ShallReconciler.MARKER, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}

	private static int severity(IMarker marker) {
		return marker.getAttribute(IMarker.SEVERITY, -1);
	}

	/** Runs the event loop until the condition holds or the time is up. */
	private static boolean waitFor(BooleanSupplier condition, long millis) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < deadline) {
			if (condition.getAsBoolean()) {
				return true;
			}
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(20);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return condition.getAsBoolean();
	}
}
