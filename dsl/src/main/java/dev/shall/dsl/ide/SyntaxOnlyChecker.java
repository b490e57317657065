package dev.shall.dsl.ide;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;

/**
 * The lane of documents over {@link DocumentSizeLimit}: each is parsed, after a pause in typing, on
 * a thread of its own — never in Xtext's build queue, which the other documents share — and gets
 * its syntax errors (at most {@link #MAX_DIAGNOSTICS}) and an information diagnostic saying that
 * only its syntax was checked. A newer version of a document supersedes the older one: a check
 * not yet started is skipped, the result of one under way is dropped (the parser itself cannot be
 * interrupted), and nothing is published for a document no longer in the lane.
 */
final class SyntaxOnlyChecker implements AutoCloseable {

	/** The most syntax errors published for one document, as compilers cap their error count. */
	static final int MAX_DIAGNOSTICS = 100;

	private static final Logger LOG = Logger.getLogger(SyntaxOnlyChecker.class.getName());

	private record Version(String clientUri, Integer version, DocumentText text) {
	}

	private final Function<URI, IParser> parsers;
	private final Consumer<PublishDiagnosticsParams> publisher;
	private final Map<URI, Version> latest = new ConcurrentHashMap<>();
	private final ExecutorService lane = Executors.newSingleThreadExecutor(DeepStackThreads.factory(
			"shall-lsp-syntax-only"));

	/**
	 * @param parsers the parser of a document's language, or null for none
	 * @param publisher sends the diagnostics to the client
	 */
	SyntaxOnlyChecker(Function<URI, IParser> parsers, Consumer<PublishDiagnosticsParams> publisher) {
		this.parsers = parsers;
		this.publisher = publisher;
	}

	/** Whether the document's diagnostics come from this lane (it is open and over the limit). */
	boolean isChecking(URI uri) {
		return latest.containsKey(uri);
	}

	/** Checks this version of the document, superseding any earlier one. */
	void check(URI uri, String clientUri, Integer version, DocumentText text) {
		Version submitted = new Version(clientUri, version, text);
		latest.put(uri, submitted);
		lane.execute(() -> run(uri, submitted));
	}

	/** Takes the document out of the lane (closed, or back under the limit); nothing more is published for it. */
	synchronized void release(URI uri) {
		latest.remove(uri);
	}

	@Override
	public void close() {
		latest.clear();
		lane.shutdownNow();
	}

	private void run(URI uri, Version version) {
		if (!isLatest(uri, version) || !pause(uri, version)) {
			return;
		}
		List<Diagnostic> diagnostics = new ArrayList<>();
		String note = "";
		try {
			IParser parser = parsers.apply(uri);
			if (parser != null) {
				note = syntaxErrors(parser.parse(new StringReader(version.text().text())), version.text(), diagnostics);
			}
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
			LOG.log(Level.WARNING, "syntax check of " + uri + " failed", e);
			diagnostics.clear();
			note = " The syntax check itself failed (" + (e instanceof VirtualMachineError ? "out of "
					+ (e instanceof StackOverflowError ? "stack" : "memory") : e.getClass().getSimpleName()) + ").";
		}
		Diagnostic info = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
				DocumentSizeLimit.message(version.text().length()) + note, DiagnosticSeverity.Information, "shall",
				DocumentSizeLimit.CODE);
		diagnostics.add(0, info);
		synchronized (this) {
			if (isLatest(uri, version)) {
				publisher.accept(new PublishDiagnosticsParams(version.clientUri(), diagnostics, version.version()));
			}
		}
	}

	/** Adds the syntax errors as diagnostics, at most {@link #MAX_DIAGNOSTICS}; returns a note if some were left out. */
	private static String syntaxErrors(IParseResult result, DocumentText text, List<Diagnostic> diagnostics) {
		int total = 0;
		for (INode node : result.getSyntaxErrors()) {
			total++;
			SyntaxErrorMessage error = node.getSyntaxErrorMessage();
			if (diagnostics.size() < MAX_DIAGNOSTICS && error != null) {
				int start = node.getOffset();
				Range range = new Range(text.position(start), text.position(start + Math.max(0, node.getLength())));
				diagnostics.add(new Diagnostic(range, error.getMessage(), DiagnosticSeverity.Error, "shall"));
			}
		}
		return total > diagnostics.size() ? String.format(java.util.Locale.ROOT,
				" Shown: the first %d of %,d syntax errors.", diagnostics.size(), total) : "";
	}

	private boolean isLatest(URI uri, Version version) {
		return latest.get(uri) == version;
	}

	/** Waits for a pause in typing; false if a newer version came meanwhile. */
	private boolean pause(URI uri, Version version) {
		try {
			Thread.sleep(ModelCheckingValidator.PAUSE);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		return isLatest(uri, version);
	}
}
