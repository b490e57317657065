package dev.shall.dsl.ide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

import com.google.inject.Inject;

import dev.shall.dsl.frontend.EditorPipeline;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.model.check.CheckMark;
import dev.shall.model.check.QuickChecker;

/**
 * Validation in the editor: Xtext's checks at once, then — after a short pause, and only when the
 * text has no errors and is within {@link DocumentSizeLimit} — a quick model check within a time
 * budget, cancelled as soon as the text changes again ({@link EditorPipeline}, as in the Eclipse
 * plug-in). Its marks become issues at the properties' and steps' lines; the trace's steps travel
 * in the issue's data, for the language server to turn into related information; the marks
 * themselves are kept for the hovers ({@link QuickCheckResults}).
 */
public class ModelCheckingValidator extends ResourceValidatorImpl {

	/** Issue code of the model-check results. */
	public static final String CODE = "shall.model-check";

	/** The pause in typing before the quick check starts. */
	static final Duration PAUSE = Duration.ofMillis(Long.getLong("shall.quickcheck.pause.ms", 250));

	/** The quick check's budget (BMC and k-induction, all questions of the file together). */
	static final Duration BUDGET = Duration.ofMillis(Long.getLong("shall.quickcheck.budget.ms", 3000));

	private static final Optional<QuickChecker> CHECKER = QuickChecker.find();

	@Inject
	private QuickCheckResults results;

	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel) {
		List<Issue> issues = new ArrayList<>(super.validate(resource, mode, cancel));
		if (CHECKER.isEmpty() || !(resource instanceof XtextResource xtext) || issues.stream()
				.anyMatch(i -> i.getSeverity() == Severity.ERROR) || resource.getContents().isEmpty()
				|| !(resource.getContents().get(0) instanceof ShallFile file) || file.getProcedure() == null
				|| xtext.getParseResult() == null
				|| DocumentSizeLimit.exceeds(xtext.getParseResult().getRootNode().getLength()) || !pause(cancel)) {
			return issues;
		}
		EditorPipeline.Outcome outcome = EditorPipeline.check(file, resource.getURI(), CHECKER.get(), BUDGET,
				cancel::isCanceled);
		if (outcome == null || outcome.compilationError() != null) {
			// cancelled; or a compilation problem, which the command line reports: the editor keeps the validation
			return issues;
		}
		String text = xtext.getParseResult() == null ? "" : xtext.getParseResult().getRootNode().getText();
		for (CheckMark mark : outcome.marks()) {
			if (mark.severity() != CheckMark.Severity.NONE) {
				issues.add(issue(mark, text, resource));
			}
		}
		results.put(resource.getURI().toString(), outcome.marks());
		return issues;
	}

	/** Xtext's checks of the document alone, without the quick model check (for a question asked on request). */
	public List<Issue> validateWithoutModelCheck(Resource resource, CheckMode mode, CancelIndicator cancel) {
		return super.validate(resource, mode, cancel);
	}

	private static boolean pause(CancelIndicator cancel) {
		long until = System.nanoTime() + PAUSE.toNanos();
		while (System.nanoTime() < until) {
			if (cancel.isCanceled()) {
				return false;
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return !cancel.isCanceled();
	}

	private static Issue issue(CheckMark mark, String text, Resource resource) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(switch (mark.severity()) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		default -> Severity.INFO;
		});
		issue.setMessage(mark.message());
		issue.setCode(CODE);
		issue.setType(CheckType.EXPENSIVE);
		int line = Math.max(1, mark.line());
		int column = Math.max(1, mark.column());
		int lineStart = lineStart(text, line);
		int offset = Math.min(text.length(), lineStart + column - 1);
		int lineEnd = text.indexOf('\n', offset);
		int length = Math.max(1, (lineEnd < 0 ? text.length() : lineEnd) - offset);
		issue.setLineNumber(line);
		issue.setColumn(column);
		issue.setOffset(offset);
		issue.setLength(length);
		issue.setLineNumberEnd(line);
		issue.setColumnEnd(column + length);
		issue.setUriToProblem(resource.getURI());
		List<String> data = new ArrayList<>();
		for (CheckMark.Related related : mark.related()) {
			data.add(related.line() + ":" + related.message());
		}
		issue.setData(data.toArray(String[]::new));
		return issue;
	}

	/** The offset of the 1-based line in the text. */
	static int lineStart(String text, int line) {
		int offset = 0;
		for (int l = 1; l < line && offset >= 0; l++) {
			offset = text.indexOf('\n', offset);
			offset = offset < 0 ? -1 : offset + 1;
		}
		return offset < 0 ? text.length() : offset;
	}
}
