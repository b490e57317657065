package dev.shall.checker.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

/**
 * One question on request in an LSP editor (issue 20: "{@code --property} works in every
 * command"): the code lenses above the properties, steps and the procedure, and the command they
 * run, through a real LSP4J client over pipes. The answers are the command line's: every engine,
 * certified, including a verdict the live quick check would not certify.
 */
class AskCommandTest {

	private static final String PROCEDURE = """
			procedure Ping clause "1"
			role A { var sent : bool = false }
			role B { var got : bool = false }
			channel c : A -> B reliable capacity 1
			message Hello
			step greet clause "1.1": A shall "send hello" when not sent { send Hello on c  sent := true }
			step take clause "1.2": B shall "take hello" receive Hello on c { got := true }
			step stuck clause "1.3": B may "get stuck" when got and not got { got := false }
			property neverGot clause "1.4": never B.got
			property gotOnlyAfterSent clause "1.5": always B.got implies A.sent
			""";

	@TempDir
	Path workspace;

	private final BlockingQueue<MessageParams> shown = new LinkedBlockingQueue<>();
	private PipedLanguageServer piped;
	private LanguageServer server;
	private InitializeResult initialized;

	@BeforeEach
	void start() throws Exception {
		piped = new PipedLanguageServer(new Client(), workspace);
		server = piped.server;
		initialized = piped.initialized;
	}

	@AfterEach
	void stop() throws Exception {
		piped.close();
	}

	@Test
	void theServerOffersTheCommandAndALensPerQuestion() throws Exception {
		assertTrue(initialized.getCapabilities().getExecuteCommandProvider().getCommands().contains("shall.check"),
				initialized.getCapabilities().toString());
		assertTrue(initialized.getCapabilities().getCodeLensProvider() != null);
		String uri = open("ping.shall", PROCEDURE);
		List<? extends CodeLens> lenses = server.getTextDocumentService().codeLens(new CodeLensParams(
				new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS);
		List<String> titles = lenses.stream().map(l -> l.getCommand().getTitle() + "@" + l.getRange().getStart()
				.getLine()).toList();
		assertEquals(List.of("check the bounds@0", "can step greet happen?@5", "can step take happen?@6",
				"can step stuck happen?@7", "check neverGot@8", "check gotOnlyAfterSent@9"), titles);
		CodeLens property = lenses.get(4);
		assertEquals("shall.check", property.getCommand().getCommand());
		assertEquals(List.of(uri, "property", "neverGot"), property.getCommand().getArguments().stream().map(
				AskCommandTest::text).toList());
	}

	@Test
	void aPropertyIsAnsweredByTheCertifiedEnginesWithItsRun() throws Exception {
		String uri = open("ping.shall", PROCEDURE);
		Map<?, ?> violated = ask(uri, "property", "neverGot");
		assertEquals("property", violated.get("question"));
		Map<?, ?> verdict = (Map<?, ?>) ((List<?>) violated.get("verdicts")).get(0);
		assertEquals("violated", verdict.get("verdict"));
		assertEquals(Boolean.TRUE, verdict.get("mismatch"));
		assertTrue(verdict.containsKey("certificate"), verdict.toString());
		assertEquals(List.of("1. A greet — sent Hello on c", "2. B take — received Hello on c"), verdict.get("run"));
		MessageParams message = shown.poll(10, TimeUnit.SECONDS);
		assertEquals(MessageType.Error, message.getType(), "a verdict that differs from the declared one");
		assertTrue(message.getMessage().startsWith("neverGot (1.4):\n  violated (declared: holds)"), message.getMessage());

		Map<?, ?> holds = ask(uri, "property", "gotOnlyAfterSent");
		Map<?, ?> proof = (Map<?, ?>) ((List<?>) holds.get("verdicts")).get(0);
		assertEquals("holds", proof.get("verdict"));
		// the quick check's breadth-first answers are not certified (ADR 0006); these are
		assertTrue(proof.containsKey("certificate"), proof.toString());
	}

	@Test
	void aStepAndTheBoundsAreAnsweredToo() throws Exception {
		String uri = open("ping.shall", PROCEDURE);
		Map<?, ?> dead = ask(uri, "step", "stuck");
		assertTrue(((String) dead.get("answer")).contains("can never happen (dead)"), dead.toString());
		Map<?, ?> reachable = ask(uri, "step", "take");
		assertTrue(((String) reachable.get("answer")).contains("can happen"), reachable.toString());
		Map<?, ?> bounds = ask(uri, "bounds", "Ping");
		assertEquals("holds", ((Map<?, ?>) ((List<?>) bounds.get("verdicts")).get(0)).get("verdict"), bounds.toString());
	}

	@Test
	void aQuestionTheProcedureDoesNotHaveOrADocumentWithErrorsIsRefusedWithTheReason() throws Exception {
		String uri = open("ping.shall", PROCEDURE);
		assertEquals(Map.of("error", "the procedure has no property named 'nothing'"), execute(List.of(uri, "property",
				"nothing")));
		assertEquals(Map.of("error", "'whatever': expected property, step or bounds"), execute(List.of(uri, "whatever",
				"x")));
		assertTrue(((Map<?, ?>) execute(List.of(uri))).get("error").toString().startsWith("shall.check takes three"));
		String broken = open("broken.shall", PROCEDURE.replace("never B.got", "never B.nothing"));
		assertEquals(Map.of("error", "the document has errors: fix them first, then check"), execute(List.of(broken,
				"property", "neverGot")));
		MessageParams warning = shown.poll(10, TimeUnit.SECONDS);
		assertEquals(MessageType.Warning, warning.getType());
	}

	private String open(String name, String text) throws Exception {
		Path file = workspace.resolve(name);
		Files.writeString(file, text);
		String uri = file.toUri().toString();
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "shall", 1,
				text)));
		return uri;
	}

	private Map<?, ?> ask(String uri, String kind, String name) throws Exception {
		Object result = execute(List.of(uri, kind, name));
		assertTrue(result instanceof List<?> list && list.size() == 1, String.valueOf(result));
		return (Map<?, ?>) ((List<?>) result).get(0);
	}

	/** The command's result as plain maps and lists (LSP4J hands it over as Gson elements). */
	private Object execute(List<Object> arguments) throws Exception {
		Object result = server.getWorkspaceService().executeCommand(new ExecuteCommandParams("shall.check", arguments))
				.get(120, TimeUnit.SECONDS);
		Gson gson = new Gson();
		return gson.fromJson(gson.toJson(result), Object.class);
	}

	private static String text(Object argument) {
		return argument instanceof com.google.gson.JsonPrimitive p ? p.getAsString() : String.valueOf(argument);
	}

	private final class Client implements LanguageClient {
		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
		}

		@Override
		public void showMessage(MessageParams messageParams) {
			shown.add(messageParams);
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}
	}
}
