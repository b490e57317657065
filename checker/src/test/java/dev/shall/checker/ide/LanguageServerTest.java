package dev.shall.checker.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server through a real LSP4J client over pipes: a violated property is marked at
 * its line with the counterexample's steps as related information, the hover shows the verdict,
 * and fixing the text clears the mark.
 */
class LanguageServerTest {

	private static final String PROCEDURE = """
			procedure Ping clause "1"
			role A { var sent : bool = false }
			role B { var got : bool = false }
			channel c : A -> B reliable capacity 1
			message Hello
			step greet clause "1.1": A shall "send hello" when not sent { send Hello on c  sent := true }
			step take clause "1.2": B shall "take hello" receive Hello on c { got := true }
			property neverGot clause "1.3": never B.got
			""";

	@TempDir
	Path workspace;

	private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
	private PipedLanguageServer piped;
	private LanguageServer server;

	@BeforeEach
	void start() throws Exception {
		piped = new PipedLanguageServer(new Client(), workspace);
		server = piped.server;
	}

	@AfterEach
	void stop() throws Exception {
		piped.close();
	}

	@Test
	void violatedPropertyIsMarkedAndClearedWhenFixed() throws Exception {
		Path file = workspace.resolve("ping.shall");
		Files.writeString(file, PROCEDURE);
		String uri = file.toUri().toString();
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "shall", 1,
				PROCEDURE)));
		Diagnostic violated = awaitDiagnostic(uri, d -> d.getMessage().getLeft().startsWith("neverGot is violated"));
		assertEquals(DiagnosticSeverity.Error, violated.getSeverity());
		assertEquals(7, violated.getRange().getStart().getLine(), "marked at the property's line (0-based 7)");
		assertTrue(violated.getMessage().getLeft().contains("2-step run: 1. A greet, 2. B take"),
				violated.getMessage().getLeft());
		List<Integer> relatedLines = violated.getRelatedInformation().stream()
				.map(r -> r.getLocation().getRange().getStart().getLine()).toList();
		assertEquals(List.of(5, 6), relatedLines, "related information at the steps' lines");

		Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
				new Position(7, 11))).get(10, TimeUnit.SECONDS);
		String text = hover.getContents().getRight().getValue();
		assertTrue(text.contains("violated") && text.contains("1.3"), text);

		// the fix: declare what the text says (the property is violated on purpose)
		String fixed = PROCEDURE.replace("never B.got\n", "never B.got\n  expect violated\n");
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(
				uri, 2), List.of(new TextDocumentContentChangeEvent(fixed))));
		PublishDiagnosticsParams cleared = awaitPublication(uri, p -> p.getDiagnostics().stream().noneMatch(
				d -> d.getSeverity() == DiagnosticSeverity.Error));
		assertTrue(cleared.getDiagnostics().stream().noneMatch(d -> d.getMessage().getLeft().contains("neverGot")),
				cleared.toString());
	}

	@Test
	void aPropertyThatHoldsOnlyVacuouslyIsAWarningWithTheReason() throws Exception {
		// semantics §7.5: retry can never happen, so nothing ever sets A.again
		String text = """
				procedure Pong clause "1"
				role A { var sent : bool = false  var again : bool = false }
				role B { var got : bool = false }
				channel c : A -> B reliable capacity 1
				message Hello
				step greet clause "1.1": A shall "send hello" when not sent { send Hello on c  sent := true }
				step take clause "1.2": B shall "take hello" receive Hello on c { got := true }
				step retry clause "1.3": A may "send again" when sent and not sent { again := true }
				property answered clause "1.4": A.again leads to B.got
				""";
		Path file = workspace.resolve("pong.shall");
		Files.writeString(file, text);
		String uri = file.toUri().toString();
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "shall", 1,
				text)));
		Diagnostic vacuous = awaitDiagnostic(uri, d -> d.getMessage().getLeft().startsWith("answered holds vacuously"));
		assertEquals(DiagnosticSeverity.Warning, vacuous.getSeverity());
		assertEquals(8, vacuous.getRange().getStart().getLine(), "marked at the property's line (0-based 8)");
		assertTrue(vacuous.getMessage().getLeft().contains("the response's trigger \"A.again\" is true in no reachable"
				+ " state (proved by "), vacuous.getMessage().getLeft());
		Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
				new Position(8, 11))).get(10, TimeUnit.SECONDS);
		String shown = hover.getContents().getRight().getValue();
		assertTrue(shown.contains("holds (vacuous)") && shown.contains("vacuous: the response's trigger"), shown);
	}

	@Test
	void syntaxErrorsArriveWithoutModelCheckResults() throws Exception {
		Path file = workspace.resolve("broken.shall");
		String text = PROCEDURE.replace("role B {", "role B ");
		Files.writeString(file, text);
		String uri = file.toUri().toString();
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "shall", 1, text)));
		PublishDiagnosticsParams params = awaitPublication(uri, p -> !p.getDiagnostics().isEmpty());
		assertTrue(params.getDiagnostics().stream().allMatch(d -> d.getCode() == null
				|| !"shall.model-check".equals(d.getCode().getLeft())), params.toString());
	}

	private Diagnostic awaitDiagnostic(String uri, java.util.function.Predicate<Diagnostic> wanted) throws Exception {
		PublishDiagnosticsParams params = awaitPublication(uri, p -> p.getDiagnostics().stream().anyMatch(wanted));
		return params.getDiagnostics().stream().filter(wanted).findFirst().orElseThrow();
	}

	private PublishDiagnosticsParams awaitPublication(String uri, java.util.function.Predicate<PublishDiagnosticsParams> wanted)
			throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		List<PublishDiagnosticsParams> seen = new java.util.ArrayList<>();
		while (System.nanoTime() < deadline) {
			PublishDiagnosticsParams params = published.poll(1, TimeUnit.SECONDS);
			if (params != null && params.getUri().equals(uri)) {
				seen.add(params);
				if (wanted.test(params)) {
					return params;
				}
			}
		}
		throw new AssertionError("no such publication within 60 s; seen: " + seen);
	}

	private final class Client implements LanguageClient {
		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
			published.add(diagnostics);
		}

		@Override
		public void showMessage(MessageParams messageParams) {
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
