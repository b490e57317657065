package dev.shall.eclipse;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

/** A table of one part of the latest live-check result, refreshed whenever a check finishes. */
public abstract class ResultTableView<T> extends ViewPart {

	private TableViewer viewer;
	private final Consumer<DocumentCheck.Result> listener = result -> Display.getDefault().asyncExec(() -> show(result));

	/** The rows this view shows of a result. */
	abstract List<T> rows(DocumentCheck.Result result);

	/** Adds the columns with {@link #column}. */
	abstract void columns();

	/** The line under the title for a result. */
	String description(DocumentCheck.Result result) {
		return result.file();
	}

	@Override
	public void createPartControl(Composite parent) {
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		columns();
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		CheckResults.listen(listener);
		show(CheckResults.latest());
	}

	@SuppressWarnings("unchecked")
	void column(String title, int width, Function<T, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((T) element);
			}
		});
	}

	private void show(DocumentCheck.Result result) {
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.setInput(result == null ? List.of() : rows(result));
			setContentDescription(result == null ? "No .shall file checked yet" : description(result));
		}
	}

	/** What the table shows, a line per row with its cells joined by " | " (for tests and copying). */
	public List<String> rowTexts() {
		List<String> rows = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.TableItem item : viewer.getTable().getItems()) {
			List<String> cells = new java.util.ArrayList<>();
			for (int c = 0; c < viewer.getTable().getColumnCount(); c++) {
				cells.add(item.getText(c));
			}
			rows.add(String.join(" | ", cells));
		}
		return rows;
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
