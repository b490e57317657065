package dev.shall.checker.cr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.w3c.dom.Node;

/**
 * Reads a CR into {@link Paragraph}s: a .docx (Office Open XML, ECMA-376) through Apache POI's
 * XWPF, any other file as UTF-8 text (a byte-order mark dropped; text that is not UTF-8 is read as
 * windows-1252, as Word's "plain text" export writes it).
 *
 * <p>.docx: the paragraphs of the body and of its tables (row by row, cell by cell), in document
 * order. A run inside {@code w:ins} is {@link ChangeStatus#INSERTED}, a {@code w:delText} inside
 * {@code w:del} {@link ChangeStatus#DELETED} (ECMA-376 Part 1 §17.13.5.18 and §17.13.5.14);
 * {@code w:tab} is a tab, {@code w:br} a space. A paragraph of a numbered list (it has
 * {@code w:numPr}, §17.9) gets the label Word would draw — "1.", "2." per list and level, or "-" for a
 * bullet format — followed by a tab, so that the structure grammar sees the same text as in a
 * plain-text CR; a paragraph styled {@code Heading N} keeps its own text (3GPP headings carry their
 * number: "16.2.2&lt;TAB&gt;Title"). A blank paragraph is added where a list ends, which ends the last
 * step as a blank line does in text.
 */
public final class CrReader {

	private CrReader() {
	}

	/**
	 * The paragraphs of the CR at {@code path}.
	 *
	 * @throws CrInputException for a missing or unreadable file, or a .docx that is not one
	 */
	public static List<Paragraph> read(Path path) throws CrInputException {
		String name = path.toString();
		if (!Files.exists(path)) {
			throw new CrInputException(name, 1, 1, "no such file");
		}
		if (Files.isDirectory(path)) {
			throw new CrInputException(name, 1, 1, "is a folder, not a CR");
		}
		try {
			if (name.toLowerCase(Locale.ROOT).endsWith(".docx")) {
				return docx(path);
			}
			return text(Files.readAllBytes(path));
		} catch (NoSuchFileException e) {
			throw new CrInputException(name, 1, 1, "no such file");
		} catch (IOException e) {
			throw new CrInputException(name, 1, 1, "cannot read: " + e.getMessage());
		}
	}

	/** The lines of a plain-text CR, each an unchanged paragraph. */
	public static List<Paragraph> text(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			text = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Paragraph> paragraphs = new ArrayList<>();
		String[] lines = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			paragraphs.add(Paragraph.plain(lines[i], i + 1));
		}
		return paragraphs;
	}

	private static List<Paragraph> docx(Path path) throws CrInputException {
		try (InputStream in = Files.newInputStream(path); XWPFDocument document = new XWPFDocument(in)) {
			List<Paragraph> paragraphs = new ArrayList<>();
			Numbering numbering = new Numbering();
			for (IBodyElement element : document.getBodyElements()) {
				if (element instanceof XWPFParagraph paragraph) {
					add(paragraph, paragraphs, numbering);
				} else if (element instanceof XWPFTable table) {
					for (XWPFTableRow row : table.getRows()) {
						for (XWPFTableCell cell : row.getTableCells()) {
							for (XWPFParagraph paragraph : cell.getParagraphs()) {
								add(paragraph, paragraphs, numbering);
							}
						}
					}
				}
			}
			return paragraphs;
		} catch (IOException | RuntimeException e) {
			// POI signals a file that is not a .docx with NotOfficeXmlFileException, a damaged one
			// with POIXMLException or XmlException wrapped in an IOException
			throw new CrInputException(path.toString(), 1, 1, "not a readable .docx (" + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")");
		}
	}

	private static String firstLine(String message) {
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

	/** Counts list items per list and level, as Word numbers them (simplified: decimal or bullet). */
	private static final class Numbering {
		final Map<String, Integer> counters = new HashMap<>();
		boolean inList;
		int number;
	}

	private static void add(XWPFParagraph paragraph, List<Paragraph> paragraphs, Numbering numbering) {
		List<Paragraph.Segment> segments = new ArrayList<>();
		collect(paragraph.getCTP().getDomNode(), ChangeStatus.UNCHANGED, segments);
		boolean list = paragraph.getNumID() != null;
		if (list) {
			String format = paragraph.getNumIlvl() != null ? paragraph.getNumFmt() : format(paragraph);
			int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
			String key = paragraph.getNumID() + "/" + level;
			String label;
			if (format == null || "bullet".equals(format)) {
				label = "-";
			} else {
				int n = numbering.counters.merge(key, 1, Integer::sum);
				label = n + ".";
			}
			// the label belongs to the paragraph, inserted or not: it takes the status of its first run
			ChangeStatus status = segments.isEmpty() ? ChangeStatus.UNCHANGED : segments.get(0).status();
			segments.add(0, new Paragraph.Segment(label + "\t", status == ChangeStatus.DELETED ? ChangeStatus.DELETED
					: status));
		} else if (numbering.inList) {
			// a list ended: a blank paragraph ends its last step, as a blank line does in a text CR
			paragraphs.add(new Paragraph(List.of(new Paragraph.Segment("", ChangeStatus.UNCHANGED)), numbering.number,
					false));
		}
		numbering.inList = list;
		if (segments.isEmpty()) {
			segments.add(new Paragraph.Segment("", ChangeStatus.UNCHANGED));
		}
		paragraphs.add(new Paragraph(merge(segments), ++numbering.number, list));
	}

	/**
	 * The number format of level 0 of the paragraph's list, for a paragraph that names its list but
	 * not its level (POI answers null then; Word reads the level as 0, ECMA-376 Part 1 §17.9.3).
	 */
	private static String format(XWPFParagraph paragraph) {
		try {
			var numbering = paragraph.getDocument().getNumbering();
			var num = numbering == null ? null : numbering.getNum(paragraph.getNumID());
			if (num == null) {
				return null;
			}
			var abstractNum = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
			for (var level : abstractNum.getCTAbstractNum().getLvlList()) {
				if (level.getIlvl().intValue() == 0 && level.getNumFmt() != null) {
					return level.getNumFmt().getVal().toString();
				}
			}
		} catch (RuntimeException e) {
			// a list POI cannot resolve is drawn as a bullet
		}
		return null;
	}

	/** Walks a paragraph's XML: text of runs, inside w:ins inserted, inside w:del deleted. */
	private static void collect(Node node, ChangeStatus status, List<Paragraph.Segment> segments) {
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() != Node.ELEMENT_NODE) {
				continue;
			}
			String name = child.getLocalName() == null ? child.getNodeName() : child.getLocalName();
			switch (name) {
			case "ins", "moveTo" -> collect(child, ChangeStatus.INSERTED, segments);
			case "del", "moveFrom" -> collect(child, ChangeStatus.DELETED, segments);
			case "t", "delText" -> segments.add(new Paragraph.Segment(text(child).replaceAll("[\r\n]", " "), status));
			case "tab" -> segments.add(new Paragraph.Segment("\t", status));
			case "br", "cr" -> segments.add(new Paragraph.Segment(" ", status));
			// properties (and the paragraph mark's own revision marks in them) hold no text
			case "pPr", "rPr" -> {
			}
			default -> collect(child, status, segments);
			}
		}
	}

	/** The text of an element (XmlBeans' DOM has no DOM Level 3 getTextContent). */
	private static String text(Node element) {
		StringBuilder text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
		}
		return text.toString();
	}

	/** Neighbouring runs of one status as one. */
	private static List<Paragraph.Segment> merge(List<Paragraph.Segment> segments) {
		List<Paragraph.Segment> merged = new ArrayList<>();
		for (Paragraph.Segment segment : segments) {
			if (!merged.isEmpty() && merged.get(merged.size() - 1).status() == segment.status()) {
				Paragraph.Segment last = merged.remove(merged.size() - 1);
				merged.add(new Paragraph.Segment(last.text() + segment.text(), segment.status()));
			} else {
				merged.add(segment);
			}
		}
		return merged;
	}
}
