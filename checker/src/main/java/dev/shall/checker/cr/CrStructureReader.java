package dev.shall.checker.cr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.shall.checker.cr.CrStructureParser.BulletLineContext;
import dev.shall.checker.cr.CrStructureParser.EditorsNoteLineContext;
import dev.shall.checker.cr.CrStructureParser.HeadingLineContext;
import dev.shall.checker.cr.CrStructureParser.LineContext;
import dev.shall.checker.cr.CrStructureParser.MarkerLineContext;
import dev.shall.checker.cr.CrStructureParser.NoteLineContext;
import dev.shall.checker.cr.CrStructureParser.StepLineContext;
import dev.shall.checker.cr.CrStructureParser.TextLineContext;

/**
 * Parses the structure of a CR's paragraphs with the ANTLR 4 grammar {@code CrStructure.g4}, one
 * grammar line per paragraph, and turns the parse into a {@link CrDocument}.
 *
 * <p>Rules beyond the grammar (each a convention of the seeds, see examples/cr/):
 * <ul>
 * <li>Change regions: a marker with "begin", "start" or an ordinal ("First Change") opens one, a
 * marker with "end" closes it; a region not closed runs to the end (seed 004 never closes its
 * "Second Change"). When the document has markers, only their regions are the CR's text: the cover
 * page, the reason for change, a quoted rule are not. Without markers (a .docx with tracked
 * changes) the whole document is.</li>
 * <li>A heading's number alone on its line takes the next text line as its title (seed 002:
 * "16.2.2" then "UE to LWIP-SeGW interaction…").</li>
 * <li>A step's label alone on its line ("1.") takes the following paragraphs, up to a blank line or
 * the next step, heading or marker (seed 000); a label with text takes that text and the NOTEs and
 * Editor's Notes right after it.</li>
 * <li>A CR with no heading in its changes takes its clause from its introduction ("the text for
 * Section X.2.3", seed 000); one with neither is refused.</li>
 * </ul>
 */
public final class CrStructureReader {

	private static final Pattern CLAUSE_HINT = Pattern.compile(
			"(?i)\\b(?:sec\\.|section|sub-?clause|clause)\\s*([A-Z0-9]{1,3}(?:\\.[0-9a-z]{1,3})+)");
	private static final Pattern SPEC_HINT = Pattern.compile(
			"(?i)\\b(?:changes?\\s+to|for|text\\s+of)\\s+(?:3GPP\\s+)?(TS|TR)\\s+(\\d{2}\\.\\d{3})");

	private CrStructureReader() {
	}

	/**
	 * The structure of {@code paragraphs} read from {@code file}.
	 *
	 * @throws CrInputException when the text cannot be parsed (the grammar accepts any text, so this
	 *                          is a bug of the grammar, reported at its line and column) or when it
	 *                          has no clause at all
	 */
	public static CrDocument parse(String file, List<Paragraph> paragraphs) throws CrInputException {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < paragraphs.size(); i++) {
			if (i > 0) {
				text.append('\n');
			}
			text.append(paragraphs.get(i).structureText().replace('\n', ' ').replace('\r', ' '));
		}
		CrStructureLexer lexer = new CrStructureLexer(CharStreams.fromString(text.toString()));
		CrStructureParser parser = new CrStructureParser(new CommonTokenStream(lexer));
		List<CrInputException> errors = new ArrayList<>();
		BaseErrorListener listener = new BaseErrorListener() {
			@Override
			public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String message,
					RecognitionException e) {
				int paragraph = line - 1 < paragraphs.size() ? paragraphs.get(line - 1).line() : line;
				errors.add(new CrInputException(file, paragraph, column + 1, "cannot parse the CR's structure: "
						+ message));
			}
		};
		lexer.removeErrorListeners();
		parser.removeErrorListeners();
		lexer.addErrorListener(listener);
		parser.addErrorListener(listener);
		List<LineContext> lines = parser.document().line();
		if (!errors.isEmpty()) {
			throw errors.get(0);
		}
		boolean markers = lines.stream().anyMatch(MarkerLineContext.class::isInstance);
		List<CrDocument.Clause> clauses = new ArrayList<>();
		List<CrDocument.Block> blocks = new ArrayList<>();
		StringBuilder outside = new StringBuilder();
		boolean inside = !markers;
		String clause = null;
		String step = null;
		boolean stepOpen = false; // a label alone on its line: the step takes the following paragraphs
		boolean stepWithText = false; // a label with text: the step takes the notes right after it
		int pendingTitle = -1; // the index in clauses of a heading waiting for its title
		List<CrDocument.Block> beforeHeading = new ArrayList<>();
		for (int i = 0; i < lines.size() && i < paragraphs.size(); i++) {
			LineContext line = lines.get(i);
			Paragraph paragraph = paragraphs.get(i);
			if (line instanceof MarkerLineContext marker) {
				CrStructureParser.MarkerWordsContext words = marker.changeMarker().markerWords();
				if (words != null) {
					// "End of Change" closes; "Begin Changes", "start of change", "Second Change" open
					inside = words.boundary() == null || words.boundary().END() == null;
				}
				step = null;
				stepOpen = stepWithText = false;
				continue;
			}
			if (!inside) {
				outside.append(paragraph.structureText()).append('\n');
				continue;
			}
			ChangeStatus region = markers ? ChangeStatus.CHANGED : ChangeStatus.UNCHANGED;
			if (line instanceof HeadingLineContext heading) {
				String number = heading.heading().clauseNumber() != null ? heading.heading().clauseNumber().getText()
						: heading.heading().simpleNumber().getText();
				number = number.replaceAll("\\s+", "");
				String title = heading.heading().content() == null ? null : heading.heading().content().getText().strip();
				clauses.add(new CrDocument.Clause(number, title, paragraph.line()));
				pendingTitle = title == null ? clauses.size() - 1 : -1;
				clause = number;
				step = null;
				stepOpen = stepWithText = false;
				continue;
			}
			if (line instanceof CrStructureParser.BlankLineContext) {
				stepOpen = stepWithText = false;
				if (step != null && !paragraph.listItem()) {
					step = null;
				}
				continue;
			}
			CrDocument.Kind kind;
			ParserRuleContext content;
			if (line instanceof StepLineContext stepLine) {
				String label = stepLine.stepLabel().getText().replaceAll("(?i)^\\s*step\\s*", "").replaceAll("[.):\\s]+$",
						"").strip();
				step = label;
				content = stepLine.content();
				stepOpen = content == null;
				stepWithText = content != null;
				if (content == null) {
					continue;
				}
				kind = CrDocument.Kind.STEP;
			} else if (line instanceof EditorsNoteLineContext note) {
				kind = CrDocument.Kind.EDITORS_NOTE;
				content = note.editorsNote();
			} else if (line instanceof NoteLineContext note) {
				kind = CrDocument.Kind.NOTE;
				content = note.note();
			} else if (line instanceof BulletLineContext bullet) {
				kind = CrDocument.Kind.BULLET;
				content = bullet.content();
			} else {
				TextLineContext textLine = (TextLineContext) line;
				content = textLine.content();
				if (pendingTitle >= 0) {
					CrDocument.Clause waiting = clauses.get(pendingTitle);
					clauses.set(pendingTitle, new CrDocument.Clause(waiting.number(), content.getText().strip(), waiting
							.line()));
					pendingTitle = -1;
					continue;
				}
				kind = stepOpen ? CrDocument.Kind.STEP : CrDocument.Kind.TEXT;
			}
			pendingTitle = -1;
			boolean inStep = kind == CrDocument.Kind.STEP || stepOpen
					|| stepWithText && (kind == CrDocument.Kind.NOTE || kind == CrDocument.Kind.EDITORS_NOTE);
			if (!inStep) {
				step = null;
				stepWithText = false;
			}
			int offset = content.getStart().getCharPositionInLine();
			// skip the whitespace a note's rule may start with
			String structure = paragraph.structureText();
			while (offset < structure.length() && Character.isWhitespace(structure.charAt(offset))) {
				offset++;
			}
			CrDocument.Block block = new CrDocument.Block(kind, clause, inStep ? step : null, paragraph, offset, region,
					references(line));
			if (clause == null) {
				beforeHeading.add(block);
			} else {
				blocks.add(block);
			}
		}
		String spec = null;
		Matcher specHint = SPEC_HINT.matcher(outside);
		if (specHint.find()) {
			spec = specHint.group(1).toUpperCase(java.util.Locale.ROOT) + " " + specHint.group(2);
		}
		if (clauses.isEmpty()) {
			Matcher hint = CLAUSE_HINT.matcher(outside);
			boolean found = hint.find();
			// prefer a mention followed by the clause's quoted title ("Section X.2.3 “Synchronizing…”")
			Matcher titled = Pattern.compile(CLAUSE_HINT.pattern() + "\\s*[\"“]").matcher(outside);
			if (titled.find()) {
				hint = CLAUSE_HINT.matcher(outside);
				hint.find(titled.start());
			}
			if (!found) {
				int first = paragraphs.isEmpty() ? 1 : paragraphs.get(0).line();
				throw new CrInputException(file, first, 1, "no clause: the CR's changes have no clause heading "
						+ "(\"16.2.2<TAB>Title\") and its introduction names none (\"the text for Section X.2.3\")");
			}
			// the title, when the introduction quotes it right after the number (seed 000)
			Matcher title = Pattern.compile("^\\s*[\"“]([^\"”\\n]{1,200})[\"”]").matcher(outside.substring(hint.end()));
			clauses.add(new CrDocument.Clause(hint.group(1), title.find() ? title.group(1).strip() : null, 1));
		}
		// text before the first heading belongs to the clause the CR names, else to the first heading's
		String first = clauses.get(0).number();
		List<CrDocument.Block> all = new ArrayList<>();
		for (CrDocument.Block block : beforeHeading) {
			all.add(new CrDocument.Block(block.kind(), first, block.step(), block.paragraph(), block.offset(), block
					.region(), block.references()));
		}
		all.addAll(blocks);
		return new CrDocument(file, spec, clauses, all);
	}

	/** The references a line cites: specification and RFC references, bare citations. */
	private static List<String> references(ParseTree tree) {
		List<String> found = new ArrayList<>();
		collect(tree, found);
		return found;
	}

	private static void collect(ParseTree tree, List<String> found) {
		if (tree instanceof TerminalNode terminal) {
			Token token = terminal.getSymbol();
			if (token.getType() == CrStructureLexer.SPEC_REF || token.getType() == CrStructureLexer.RFC_REF
					|| token.getType() == CrStructureLexer.CITE) {
				found.add(token.getText().replaceAll("[\\s\\u00A0]+", " "));
			}
			return;
		}
		for (int i = 0; i < tree.getChildCount(); i++) {
			collect(tree.getChild(i), found);
		}
	}
}
