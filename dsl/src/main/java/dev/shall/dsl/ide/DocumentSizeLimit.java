package dev.shall.dsl.ide;

import java.util.Locale;

/**
 * The size above which the editor checks a document's syntax only. Xtext's build of a document —
 * linking, indexing, validation — and the quick model check grow faster than the text (a 6 MB
 * file of properties takes minutes), and the build of every open document shares one queue, so a
 * huge document would hold back the diagnostics of all the others. Above the limit a document is
 * parsed on a lane of its own and gets its syntax errors and one information diagnostic saying
 * so; {@code shall check} checks it in full.
 */
public final class DocumentSizeLimit {

	/** The system property that sets the limit, in characters (UTF-16 code units). */
	public static final String PROPERTY = "shall.lsp.maxDocumentChars";

	/**
	 * The default limit: 256 Ki characters, about 256 kB of ASCII text, 30 times the largest
	 * procedure among the examples (8.6 kB). A 6 MB document takes the syntax-only lane 10 s.
	 */
	public static final int DEFAULT_CHARS = 1 << 18;

	/** The limit in characters: {@value #PROPERTY} if set, else {@link #DEFAULT_CHARS}. */
	public static final int MAX_CHARS = Math.max(0, Integer.getInteger(PROPERTY, DEFAULT_CHARS));

	/** Issue and diagnostic code of the information that a document was checked for syntax only. */
	public static final String CODE = "shall.document-size";

	private DocumentSizeLimit() {
	}

	/** Whether a document of this many characters is over the limit. */
	public static boolean exceeds(long chars) {
		return chars > MAX_CHARS;
	}

	/** The information diagnostic's text for a document of this many characters. */
	public static String message(long chars) {
		return String.format(Locale.ROOT,
				"This document has %,d characters, over the editor's limit of %,d (system property %s): only its "
						+ "syntax is checked here; validation and the quick model check are skipped. Run 'shall check' "
						+ "for the full check.",
				chars, MAX_CHARS, PROPERTY);
	}
}
