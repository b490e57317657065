package dev.shall.eclipse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.shall.checker.ide.EditorQuickCheck;
import dev.shall.dsl.ShallStandaloneSetup;
import dev.shall.dsl.frontend.EditorPipeline;
import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Role;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.shall.Step;
import dev.shall.model.check.CheckMark;
import dev.shall.model.check.QuickChecker;

/**
 * The live check of one editor's text, without any UI: Xtext's parser and validator, then — when
 * the text has no errors — compilation and the quick model check, through the same
 * {@link EditorPipeline} as the language server. Runs in the reconciler's thread; the result is
 * turned into markers and views by the callers, from the checker's structured verdicts.
 */
public final class DocumentCheck {

	public enum Severity {
		ERROR, WARNING, INFO
	}

	/** A diagnostic at a 1-based line, with its character range in the text. */
	public record Problem(Severity severity, int line, int offset, int length, String message) {
	}

	/** A role, step, event or property of the procedure, for the outline. */
	public record Entry(String kind, String name, String detail, int line) {
	}

	/** What the verdicts of a property amount to, worst first. */
	public enum Status {
		DIFFERS("differs from its expectation"), VACUOUS("holds vacuously"), UNKNOWN("unknown"),
		NOT_CHECKED("not checked"), AS_DECLARED("as declared");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		/** The text the verdicts view shows. */
		public String label() {
			return label;
		}
	}

	/**
	 * A property's quick-check verdicts, for the verdicts view: the checker's structured data, one
	 * per option combination ({@link CheckMark.Verdict}), with what they amount to and a line of
	 * details rendered from them.
	 */
	public record Verdict(String property, Status status, String details, int line, List<CheckMark.Verdict> verdicts) {

		public Verdict {
			verdicts = List.copyOf(verdicts);
		}
	}

	public record Result(String file, List<Problem> problems, List<Entry> outline, List<Verdict> verdicts,
			boolean modelChecked) {
	}

	private static Injector injector;

	/**
	 * The checker's quick check, the same as the language server's. Named here rather than found
	 * through {@link QuickChecker#find()}: inside OSGi, {@code ServiceLoader} sees no other bundle's
	 * services without a service mediator.
	 */
	private static final QuickChecker CHECKER = new EditorQuickCheck();

	private DocumentCheck() {
	}

	private static synchronized Injector injector() {
		if (injector == null) {
			injector = new ShallStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/**
	 * Checks the text as the content of {@code file} (imports resolve relative to it). Returns
	 * null when {@code cancelled} turned true before the end.
	 */
	public static Result check(String text, URI file, Duration budget, BooleanSupplier cancelled) {
		XtextResourceSet resources = injector().getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resources.createResource(file);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resources.getLoadOptions());
		} catch (IOException e) {
			throw new IllegalStateException("reading from memory failed", e);
		}
		List<Problem> problems = new ArrayList<>();
		boolean errors = false;
		for (Issue issue : injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
				cancelled::getAsBoolean)) {
			Severity severity = switch (issue.getSeverity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			default -> Severity.INFO;
			};
			errors |= severity == Severity.ERROR;
			int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
			int offset = issue.getOffset() == null ? 0 : issue.getOffset();
			int length = issue.getLength() == null ? 1 : issue.getLength();
			problems.add(new Problem(severity, line, offset, length, issue.getMessage()));
		}
		if (cancelled.getAsBoolean()) {
			return null;
		}
		List<Entry> outline = new ArrayList<>();
		ShallFile shallFile = resource.getContents().isEmpty() ? null : (ShallFile) resource.getContents().get(0);
		if (shallFile != null && shallFile.getProcedure() != null) {
			for (EObject member : shallFile.getProcedure().getMembers()) {
				switch (member) {
				case Role role -> outline.add(new Entry("role", role.getName(), role.getVariables().size() + (role.getVariables().size() == 1
						? " variable" : " variables"),
						line(role)));
				case Step step -> outline.add(new Entry("step", step.getName(), step.getActor() == null
						|| step.getActor().eIsProxy() ? "" : step.getActor().getName(), line(step)));
				case Event event -> outline.add(new Entry("event", event.getName(), "", line(event)));
				case PropertyDecl property -> outline.add(new Entry("property", property.getName(), "", line(property)));
				default -> {
				}
				}
			}
		}
		List<Verdict> verdicts = new ArrayList<>();
		if (errors || shallFile == null || shallFile.getProcedure() == null) {
			return new Result(file.toString(), problems, outline, verdicts, false);
		}
		EditorPipeline.Outcome outcome = EditorPipeline.check(shallFile, file, CHECKER, budget, cancelled);
		if (outcome == null) {
			return null;
		}
		if (outcome.compilationError() != null) {
			problems.add(new Problem(Severity.ERROR, 1, 0, 1, outcome.compilationError()));
			return new Result(file.toString(), problems, outline, verdicts, false);
		}
		for (CheckMark mark : outcome.marks()) {
			if (mark.severity() != CheckMark.Severity.NONE) {
				int offset = offsetOf(text, mark.line(), mark.column());
				int end = text.indexOf('\n', offset);
				problems.add(new Problem(switch (mark.severity()) {
				case ERROR -> Severity.ERROR;
				case WARNING -> Severity.WARNING;
				default -> Severity.INFO;
				}, mark.line(), offset, Math.max(1, (end < 0 ? text.length() : end) - offset), mark.message()));
			}
			if (mark.question() == CheckMark.Question.PROPERTY) {
				verdicts.add(verdict(mark));
			}
		}
		return new Result(file.toString(), problems, outline, verdicts, true);
	}

	/** The verdicts view's row of a property, from the mark's verdicts (never from its hover text). */
	static Verdict verdict(CheckMark mark) {
		List<CheckMark.Verdict> verdicts = mark.verdicts();
		Status status = verdicts.stream().anyMatch(CheckMark.Verdict::mismatch) ? Status.DIFFERS
				// semantics §7.5: a warning, as the marker is
				: verdicts.stream().anyMatch(CheckMark.Verdict::vacuous) ? Status.VACUOUS
				: verdicts.stream().anyMatch(v -> v.verdict() == CheckMark.Answer.UNKNOWN) ? Status.UNKNOWN
						: verdicts.isEmpty() ? Status.NOT_CHECKED : Status.AS_DECLARED;
		List<String> details = new ArrayList<>();
		if (mark.citation() != null) {
			details.add(mark.citation());
		}
		if (verdicts.isEmpty()) {
			details.add("not checked: the quick check's time ran out first");
		}
		verdicts.forEach(v -> details.add(v.describe()));
		return new Verdict(mark.subject(), status, String.join("; ", details), mark.line(), verdicts);
	}

	private static int line(EObject object) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
		return node == null ? 1 : node.getStartLine();
	}

	static int offsetOf(String text, int line, int column) {
		int offset = 0;
		for (int l = 1; l < line; l++) {
			int next = text.indexOf('\n', offset);
			if (next < 0) {
				return text.length();
			}
			offset = next + 1;
		}
		return Math.min(text.length(), offset + Math.max(0, column - 1));
	}
}
