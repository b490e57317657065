package dev.shall.dsl.ide;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.validation.Issue;

/** Xtext's language server, with the steps of a counterexample as the diagnostic's related information. */
public class ShallLanguageServer extends LanguageServerImpl {

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		if (ModelCheckingValidator.CODE.equals(issue.getCode()) && issue.getData() != null && issue.getUriToProblem() != null) {
			String uri = issue.getUriToProblem().trimFragment().toString();
			List<DiagnosticRelatedInformation> related = new ArrayList<>();
			for (String entry : issue.getData()) {
				int colon = entry.indexOf(':');
				int line = Integer.parseInt(entry.substring(0, colon)) - 1;
				Range range = new Range(new Position(line, 0), new Position(line, 0));
				related.add(new DiagnosticRelatedInformation(new Location(uri, range), entry.substring(colon + 1)));
			}
			diagnostic.setRelatedInformation(related);
		}
		return diagnostic;
	}
}
