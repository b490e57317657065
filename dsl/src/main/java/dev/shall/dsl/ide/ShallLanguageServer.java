package dev.shall.dsl.ide;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

/**
 * Xtext's language server, made robust against what an editor may send:
 * <ul>
 * <li>positions past the end of a line or of the document in requests (hover, completion,
 * definition, references, highlights, signature help, rename, code actions, range formatting)
 * are clamped (LSP 3.17, "Position"), not exceptions;</li>
 * <li>a {@code didChange} range outside the document is clamped, applied, and reported to the
 * client with {@code window/logMessage}; a change to a document that is not open is reported and
 * ignored;</li>
 * <li>a document over {@link DocumentSizeLimit} is checked for syntax only, on a lane of its own
 * ({@link SyntaxOnlyChecker}), so that it never holds back the diagnostics of other documents:
 * Xtext's build, which all documents share, sees it as empty;</li>
 * <li>a request for a method it does not know is MethodNotFound (-32601), where Xtext throws.</li>
 * </ul>
 * The steps of a counterexample become the diagnostic's related information.
 */
public class ShallLanguageServer extends LanguageServerImpl {

	@Inject
	private UriExtensions uriExtensions;

	/** The open documents' text as the client has it, whatever their size; updated on the protocol's thread. */
	private final Map<URI, DocumentText> openDocuments = new ConcurrentHashMap<>();

	private volatile LanguageClient client;
	private volatile SyntaxOnlyChecker syntaxOnly;

	@Override
	public void connect(LanguageClient languageClient) {
		client = languageClient;
		syntaxOnly = new SyntaxOnlyChecker(this::parser, languageClient::publishDiagnostics);
		super.connect(withoutDiagnosticsOfSyntaxOnlyDocuments(languageClient));
	}

	@Override
	public CompletableFuture<Object> shutdown() {
		if (syntaxOnly != null) {
			syntaxOnly.close();
		}
		return super.shutdown();
	}

	@Override
	public CompletableFuture<?> request(String method, Object parameter) {
		if (!getExtensionProviders().containsKey(method)) {
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.MethodNotFound,
					ShallRemoteEndpoint.shorten("Unknown method: '" + method + "' (JSON-RPC 2.0, section 5.1)."), null));
		}
		return super.request(method, parameter);
	}

	// documents

	@Override
	public void didOpen(DidOpenTextDocumentParams params) {
		TextDocumentItem item = params.getTextDocument();
		URI uri = getURI(item);
		DocumentText text = new DocumentText(item.getText());
		openDocuments.put(uri, text);
		if (DocumentSizeLimit.exceeds(text.length())) {
			syntaxOnly.check(uri, item.getUri(), item.getVersion(), text); // first, so Xtext's diagnostics of it are dropped
			super.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(item.getUri(), item.getLanguageId(),
					item.getVersion(), "")));
		} else {
			syntaxOnly.release(uri); // opened again, now small
			super.didOpen(params);
		}
	}

	@Override
	public void didChange(DidChangeTextDocumentParams params) {
		VersionedTextDocumentIdentifier document = params.getTextDocument();
		URI uri = getURI(document);
		DocumentText text = openDocuments.get(uri);
		if (text == null) {
			logMessage(MessageType.Warning, "Ignored a change to " + document.getUri()
					+ ": the document is not open (textDocument/didOpen must come first, LSP 3.17).");
			return;
		}
		List<String> clamped = new ArrayList<>();
		for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
			if (change.getRange() == null) {
				text = new DocumentText(change.getText());
				continue;
			}
			Range applied = text.clamp(change.getRange());
			if (applied != change.getRange()) {
				clamped.add(DocumentText.show(change.getRange()) + " as " + DocumentText.show(applied) + " (the text had "
						+ text.lineCount() + " lines)");
			}
			text = text.replace(applied, change.getText());
		}
		if (!clamped.isEmpty()) {
			logMessage(MessageType.Warning, "The change to " + document.getUri() + " (version " + document.getVersion()
					+ ") has ranges outside the document; applied " + String.join(", ", clamped) + ". If the editor's "
					+ "text and the diagnostics disagree now, close and reopen the document.");
		}
		openDocuments.put(uri, text);
		boolean wasSyntaxOnly = syntaxOnly.isChecking(uri);
		if (DocumentSizeLimit.exceeds(text.length())) {
			syntaxOnly.check(uri, document.getUri(), document.getVersion(), text);
			if (!wasSyntaxOnly) {
				super.didChange(wholeText(document, ""));
			}
		} else {
			if (wasSyntaxOnly) {
				syntaxOnly.release(uri);
			}
			super.didChange(wholeText(document, text.text()));
		}
	}

	@Override
	public void didClose(DidCloseTextDocumentParams params) {
		URI uri = getURI(params.getTextDocument());
		openDocuments.remove(uri);
		if (syntaxOnly.isChecking(uri)) {
			syntaxOnly.release(uri);
			client.publishDiagnostics(new PublishDiagnosticsParams(params.getTextDocument().getUri(), List.of()));
		}
		super.didClose(params);
	}

	/** The text sent to Xtext as one full-text change: Xtext's copy is then exactly ours (or empty). */
	private static DidChangeTextDocumentParams wholeText(VersionedTextDocumentIdentifier document, String text) {
		return new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(document.getUri(),
				document.getVersion()), List.of(new TextDocumentContentChangeEvent(text)));
	}

	// requests with positions: clamped in the read request, against the text the request reads

	@Override
	protected Either<List<CompletionItem>, CompletionList> completion(CancelIndicator cancel, CompletionParams params) {
		return super.completion(cancel, clamped(params));
	}

	@Override
	protected List<? extends Location> definition(CancelIndicator cancel, DefinitionParams params) {
		return super.definition(cancel, clamped(params));
	}

	@Override
	protected List<? extends Location> references(ReferenceParams params, CancelIndicator cancel) {
		return super.references(clamped(params), cancel);
	}

	@Override
	protected Hover hover(HoverParams params, CancelIndicator cancel) {
		return super.hover(clamped(params), cancel);
	}

	@Override
	protected SignatureHelp signatureHelp(SignatureHelpParams params, CancelIndicator cancel) {
		return super.signatureHelp(clamped(params), cancel);
	}

	@Override
	protected List<? extends DocumentHighlight> documentHighlight(DocumentHighlightParams params,
			CancelIndicator cancel) {
		return super.documentHighlight(clamped(params), cancel);
	}

	@Override
	protected WorkspaceEdit rename(RenameParams params, CancelIndicator cancel) {
		return super.rename(clamped(params), cancel);
	}

	@Override
	protected Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(
			PrepareRenameParams params, CancelIndicator cancel) {
		return super.prepareRename(clamped(params), cancel);
	}

	@Override
	protected List<Either<Command, CodeAction>> codeAction(CodeActionParams params, CancelIndicator cancel) {
		params.setRange(clamp(getURI(params.getTextDocument()), params.getRange()));
		return super.codeAction(params, cancel);
	}

	@Override
	protected List<? extends TextEdit> rangeFormatting(DocumentRangeFormattingParams params, CancelIndicator cancel) {
		params.setRange(clamp(getURI(params.getTextDocument()), params.getRange()));
		return super.rangeFormatting(params, cancel);
	}

	private <P extends TextDocumentPositionParams> P clamped(P params) {
		URI uri = getURI(params);
		params.setPosition(getWorkspaceManager().doRead(uri, (document, resource) -> clamp(document,
				params.getPosition())));
		return params;
	}

	private Range clamp(URI uri, Range range) {
		return getWorkspaceManager().doRead(uri, (document, resource) -> {
			DocumentText text = new DocumentText(document.getContents());
			Range clamped = text.clamp(range);
			return new Range(document.getPosition(text.offset(clamped.getStart())),
					document.getPosition(text.offset(clamped.getEnd())));
		});
	}

	/**
	 * The position in Xtext's terms of the offset the client's position means: Xtext's
	 * {@link Document} ends lines at {@code \n} only and throws past the end of a line.
	 */
	private static Position clamp(Document document, Position position) {
		return document.getPosition(new DocumentText(document.getContents()).offset(position));
	}

	// diagnostics

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

	private IParser parser(URI uri) {
		IResourceServiceProvider language = getResourceServiceProvider(uri);
		return language == null ? null : language.get(IParser.class);
	}

	private void logMessage(MessageType type, String message) {
		LanguageClient target = client;
		if (target != null) {
			target.logMessage(new MessageParams(type, message));
		}
	}

	/**
	 * The client as Xtext sees it: the diagnostics Xtext publishes for a document in the
	 * syntax-only lane are of its empty stand-in, and are dropped.
	 */
	private LanguageClient withoutDiagnosticsOfSyntaxOnlyDocuments(LanguageClient languageClient) {
		return (LanguageClient) Proxy.newProxyInstance(LanguageClient.class.getClassLoader(),
				new Class<?>[] { LanguageClient.class }, (proxy, method, args) -> {
					if ("publishDiagnostics".equals(method.getName()) && args != null
							&& args[0] instanceof PublishDiagnosticsParams published
							&& syntaxOnly.isChecking(uriExtensions.toUri(published.getUri()))) {
						return null;
					}
					try {
						return method.invoke(languageClient, args);
					} catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}
}
