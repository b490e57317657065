package dev.shall.eclipse;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

/** The roles, steps, events and properties of the procedure last checked, in text order. */
public class OutlineView extends ViewPart {

	private TableViewer viewer;
	private final Consumer<DocumentCheck.Result> listener = result -> Display.getDefault().asyncExec(() -> show(result));

	@Override
	public void createPartControl(Composite parent) {
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		column("kind", 80, e -> e.kind());
		column("name", 220, e -> e.name());
		column("detail", 200, e -> e.detail());
		column("line", 60, e -> Integer.toString(e.line()));
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		CheckResults.listen(listener);
		show(CheckResults.latest());
	}

	private void column(String title, int width, java.util.function.Function<DocumentCheck.Entry, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((DocumentCheck.Entry) element);
			}
		});
	}

	private void show(DocumentCheck.Result result) {
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.setInput(result == null ? List.of() : result.outline());
			setContentDescription(result == null ? "No .shall file checked yet" : result.file());
		}
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		CheckResults.stopListening(listener);
		super.dispose();
	}
}
