package dev.shall.eclipse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import dev.shall.dsl.compiler.CompilationException;
import dev.shall.dsl.compiler.ProcedureCompiler;
import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Role;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.shall.Step;
import dev.shall.model.check.CheckMark;

/**
 * The live check of one editor's text, without any UI: Xtext's parser and validator, then — when
 * the text has no errors — the quick model check. Runs in the reconciler's thread; the result is
 * turned into markers and views by the callers.
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

	/** A property's quick-check verdict, for the verdicts view. */
	public record Verdict(String property, String status, String details, int line) {
	}

	public record Result(String file, List<Problem> problems, List<Entry> outline, List<Verdict> verdicts,
			boolean modelChecked) {
	}

	private static Injector injector;

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
		dev.shall.model.Procedure procedure;
		try {
			procedure = new ProcedureCompiler().compile(shallFile);
		} catch (CompilationException e) {
			problems.add(new Problem(Severity.ERROR, 1, 0, 1, e.getMessage()));
			return new Result(file.toString(), problems, outline, verdicts, false);
		}
		Path path = Path.of(file.isFile() ? file.toFileString() : file.lastSegment());
		List<CheckMark> marks = new EditorQuickCheck().check(procedure, path, budget, cancelled);
		if (cancelled.getAsBoolean()) {
			return null;
		}
		for (CheckMark mark : marks) {
			if (mark.severity() != CheckMark.Severity.NONE) {
				int offset = offsetOf(text, mark.line(), mark.column());
				int end = text.indexOf('\n', offset);
				problems.add(new Problem(switch (mark.severity()) {
				case ERROR -> Severity.ERROR;
				case WARNING -> Severity.WARNING;
				default -> Severity.INFO;
				}, mark.line(), offset, Math.max(1, (end < 0 ? text.length() : end) - offset), mark.message()));
			}
			boolean isProperty = outline.stream().anyMatch(e -> e.kind().equals("property") && e.name().equals(mark.subject()));
			if (isProperty) {
				String status = switch (mark.severity()) {
				case ERROR -> "differs from its expectation";
				case INFO -> "unknown";
				default -> "as declared";
				};
				verdicts.add(new Verdict(mark.subject(), status, mark.hover().replace("**", "").replace("\n\n", "; ")
						.replace("\n", " "), mark.line()));
			}
		}
		return new Result(file.toString(), problems, outline, verdicts, true);
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
