package dev.shall.eclipse;

import java.util.List;

/**
 * The quick-check verdicts of every property of the procedure last checked, from the checker's
 * structured data ({@link DocumentCheck.Verdict#verdicts()}).
 */
public class VerdictsView extends ResultTableView<DocumentCheck.Verdict> {

	@Override
	List<DocumentCheck.Verdict> rows(DocumentCheck.Result result) {
		return result.verdicts();
	}

	@Override
	void columns() {
		column("property", 200, DocumentCheck.Verdict::property);
		column("verdict", 170, v -> v.status().label());
		column("details", 600, DocumentCheck.Verdict::details);
	}

	@Override
	String description(DocumentCheck.Result result) {
		return result.modelChecked() ? result.file() : result.file() + " — fix the errors to model-check";
	}
}
