package dev.shall.eclipse;

import java.util.List;

/** The roles, steps, events and properties of the procedure last checked, in text order. */
public class OutlineView extends ResultTableView<DocumentCheck.Entry> {

	@Override
	List<DocumentCheck.Entry> rows(DocumentCheck.Result result) {
		return result.outline();
	}

	@Override
	void columns() {
		column("kind", 80, DocumentCheck.Entry::kind);
		column("name", 220, DocumentCheck.Entry::name);
		column("detail", 200, DocumentCheck.Entry::detail);
		column("line", 60, e -> Integer.toString(e.line()));
	}
}
