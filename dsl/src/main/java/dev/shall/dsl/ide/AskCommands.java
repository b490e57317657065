package dev.shall.dsl.ide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import dev.shall.dsl.compiler.CompilationException;
import dev.shall.dsl.frontend.EditorPipeline;
import dev.shall.dsl.compiler.ProcedureCompiler;
import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.shall.Step;
import dev.shall.model.Procedure;
import dev.shall.model.check.CheckMark;
import dev.shall.model.check.QuickChecker;

/**
 * One question on request, in any LSP editor: a code lens above every property ("check"), step and
 * event ("can it happen?") and the procedure ("check the bounds") runs the command {@value #COMMAND}
 * with the document's URI, the kind ({@code property}, {@code step}, {@code bounds}) and the name.
 * The question is asked as {@code shall check --property NAME} (or {@code --step NAME},
 * {@code --kind bounds}) asks it — every engine, certified — within {@link #BUDGET}, not as the
 * live quick check does (issue 20: "{@code --property} works in every command").
 * <p>
 * The answer comes back twice: as the command's result, a list of {@code {question, name, answer,
 * verdicts}} objects for a client that shows it, and as {@code window/showMessage} (an error when a
 * verdict differs from the declared one, information otherwise) for a client that does not. A
 * document with errors, or a question the procedure does not have, is answered with a message
 * that says so (LSP's {@code workspace/executeCommand} result), never an exception.
 */
public class AskCommands implements ICodeLensService, IExecutableCommandService {

	/** The command the code lenses run. */
	public static final String COMMAND = "shall.check";

	/** The budget of one question, every option combination together ({@code shall check}'s default --timeout). */
	static final Duration BUDGET = Duration.ofSeconds(Long.getLong("shall.ask.budget.s", 60));

	private static final Optional<QuickChecker> CHECKER = QuickChecker.find();

	// ------------------------------------------------------------------ code lenses

	@Override
	public List<? extends CodeLens> computeCodeLenses(Document document, XtextResource resource, CodeLensParams params,
			CancelIndicator indicator) {
		List<CodeLens> lenses = new ArrayList<>();
		if (CHECKER.isEmpty() || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof ShallFile file)
				|| file.getProcedure() == null) {
			return lenses;
		}
		String uri = params.getTextDocument().getUri();
		lens(lenses, document, file.getProcedure(), "check the bounds", uri, "bounds", file.getProcedure().getName());
		for (EObject member : file.getProcedure().getMembers()) {
			if (member instanceof PropertyDecl property && property.getName() != null) {
				lens(lenses, document, property, "check " + property.getName(), uri, "property", property.getName());
			} else if (member instanceof Step step && step.getName() != null) {
				lens(lenses, document, step, "can step " + step.getName() + " happen?", uri, "step", step.getName());
			} else if (member instanceof Event event && event.getName() != null) {
				lens(lenses, document, event, "can " + event.getName() + " happen?", uri, "step", event.getName());
			}
		}
		return lenses;
	}

	private static void lens(List<CodeLens> lenses, Document document, EObject element, String title, String uri,
			String kind, String name) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return;
		}
		Position start = document.getPosition(node.getOffset());
		Position lineStart = new Position(start.getLine(), 0);
		lenses.add(new CodeLens(new Range(lineStart, lineStart), new Command(title, COMMAND, List.of(uri, kind, name)),
				null));
	}

	// ------------------------------------------------------------------ the command

	@Override
	public List<String> initialize() {
		return List.of(COMMAND);
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancel) {
		List<Object> arguments = params.getArguments() == null ? List.of() : params.getArguments();
		if (!COMMAND.equals(params.getCommand()) || arguments.size() != 3) {
			return refuse(access, COMMAND + " takes three arguments: the document's URI, property|step|bounds, and the name");
		}
		String uri = text(arguments.get(0));
		String kind = text(arguments.get(1));
		String name = text(arguments.get(2));
		CheckMark.Question question = switch (kind) {
		case "property" -> CheckMark.Question.PROPERTY;
		case "step" -> CheckMark.Question.DEAD_STEP;
		case "bounds" -> CheckMark.Question.BOUNDS;
		default -> null;
		};
		if (question == null) {
			return refuse(access, "'" + kind + "': expected property, step or bounds");
		}
		if (CHECKER.isEmpty()) {
			return refuse(access, "no checker on the language server's class path");
		}
		// compiled under the workspace's read access; checked outside it, on the compiled model, so
		// that edits are not held up by a long question (an edit cancels it: the cancel indicator)
		Compiled compiled = access.doSyncRead(uri, context -> compile(context.getResource(), cancel));
		if (compiled.problem() != null) {
			return refuse(access, compiled.problem());
		}
		List<CheckMark> marks = CHECKER.get().ask(compiled.procedure(), EditorPipeline.path(URI.createURI(uri)),
				new QuickChecker.Ask(question, name), BUDGET, cancel::isCanceled);
		if (cancel.isCanceled()) {
			return refuse(access, "cancelled: the document changed while " + name + " was checked");
		}
		if (marks.isEmpty()) {
			return refuse(access, "the procedure has no " + (question == CheckMark.Question.BOUNDS ? "bounds question"
					: kind + " named '" + name + "'"));
		}
		List<Map<String, Object>> result = new ArrayList<>();
		for (CheckMark mark : marks) {
			access.getLanguageClient().showMessage(new MessageParams(mark.severity() == CheckMark.Severity.ERROR
					? MessageType.Error : MessageType.Info, mark.answer()));
			result.add(json(mark));
		}
		return result;
	}

	private record Compiled(Procedure procedure, String problem) {
	}

	private static Compiled compile(org.eclipse.emf.ecore.resource.Resource resource, CancelIndicator cancel) {
		if (!(resource instanceof XtextResource xtext) || resource.getContents().isEmpty()
				|| !(resource.getContents().get(0) instanceof ShallFile file) || file.getProcedure() == null) {
			return new Compiled(null, "the document holds no procedure");
		}
		// Xtext's own checks only (not the quick model check the bound validator adds)
		boolean errors = xtext.getResourceServiceProvider().getResourceValidator() instanceof ModelCheckingValidator validator
				? validator.validateWithoutModelCheck(resource, CheckMode.ALL, cancel).stream().anyMatch(i -> i
						.getSeverity() == Severity.ERROR)
				: !resource.getErrors().isEmpty();
		if (errors) {
			return new Compiled(null, "the document has errors: fix them first, then check");
		}
		try {
			return new Compiled(new ProcedureCompiler().compile(file), null);
		} catch (CompilationException e) {
			return new Compiled(null, e.getMessage());
		}
	}

	private static Map<String, Object> json(CheckMark mark) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("question", mark.question().label());
		object.put("name", mark.name());
		object.put("answer", mark.answer());
		List<Map<String, Object>> verdicts = new ArrayList<>();
		for (CheckMark.Verdict v : mark.verdicts()) {
			Map<String, Object> verdict = new LinkedHashMap<>();
			verdict.put("options", v.options());
			verdict.put("verdict", v.verdict().label());
			verdict.put("expected", v.expected().label());
			verdict.put("mismatch", v.mismatch());
			verdict.put("engine", v.engine());
			verdict.put("bound", v.bound());
			if (v.certificate() != null) {
				verdict.put("certificate", v.certificate());
			}
			if (v.reason() != null) {
				verdict.put("reason", v.reason());
			}
			List<String> run = new ArrayList<>();
			for (CheckMark.RunStep step : v.run()) {
				run.add(step.index() + ". " + step.text());
			}
			verdict.put("run", run);
			verdicts.add(verdict);
		}
		object.put("verdicts", verdicts);
		return object;
	}

	private static Map<String, Object> refuse(ILanguageServerAccess access, String why) {
		access.getLanguageClient().showMessage(new MessageParams(MessageType.Warning, "shall: " + why));
		return Map.of("error", why);
	}

	/** An argument as the client sent it: LSP4J hands JSON values over as Gson elements. */
	private static String text(Object argument) {
		if (argument instanceof JsonPrimitive primitive && primitive.isString()) {
			return primitive.getAsString();
		}
		if (argument instanceof JsonElement element) {
			return element.toString();
		}
		return String.valueOf(argument);
	}
}
