package dev.shall.checker.cr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import dev.shall.checker.cli.ShallCommand;

/**
 * .docx CRs as they are exchanged, made here with Apache POI: tracked insertions ({@code w:ins}) and
 * deletions ({@code w:del}), a table, a numbered list (ECMA-376 Part 1 §17.13.5, §17.9).
 */
class DocxCrTest {

	@TempDir
	Path folder;

	private static void text(XWPFParagraph paragraph, String text) {
		paragraph.createRun().setText(text);
	}

	private static void inserted(XWPFParagraph paragraph, String text, int id) {
		CTRunTrackChange ins = paragraph.getCTP().addNewIns();
		ins.setId(BigInteger.valueOf(id));
		ins.setAuthor("shall test");
		ins.addNewR().addNewT().setStringValue(text);
	}

	private static void deleted(XWPFParagraph paragraph, String text, int id) {
		CTRunTrackChange del = paragraph.getCTP().addNewDel();
		del.setId(BigInteger.valueOf(id));
		del.setAuthor("shall test");
		del.addNewR().addNewDelText().setStringValue(text);
	}

	/** A CR for clause 16.2.2 with each kind of content; returns its file. */
	private Path makeCr() throws Exception {
		Path file = folder.resolve("cr.docx");
		try (XWPFDocument document = new XWPFDocument()) {
			XWPFParagraph heading = document.createParagraph();
			heading.setStyle("Heading3");
			text(heading, "16.2.2\tUE to LWIP-SeGW interaction");
			// 1: unchanged
			text(document.createParagraph(), "The UE shall use the LWIP-PSK.");
			// 2: an unchanged sentence, an inserted one, a deleted one
			XWPFParagraph mixed = document.createParagraph();
			text(mixed, "The LWIP-SeGW shall locate the PSK. ");
			inserted(mixed, "The UE shall store the LWIP-PSK. ", 1);
			deleted(mixed, "The UE shall delete the LWIP-PSK.", 2);
			// 3: a sentence edited inside: "shall <del>delete</del><ins>keep</ins> the key"
			XWPFParagraph edited = document.createParagraph();
			text(edited, "The eNB shall ");
			deleted(edited, "delete", 3);
			inserted(edited, "keep", 4);
			text(edited, " the key.");
			// 4: a paragraph deleted entirely
			deleted(document.createParagraph(), "The HA may stop ciphering.", 5);
			// 5: a numbered list of two steps
			XWPFNumbering numbering = document.createNumbering();
			CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
			abstractNum.setAbstractNumId(BigInteger.ZERO);
			CTLvl level = abstractNum.addNewLvl();
			level.setIlvl(BigInteger.ZERO);
			level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
			level.addNewLvlText().setVal("%1.");
			level.addNewStart().setVal(BigInteger.ONE);
			BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering)));
			XWPFParagraph step1 = document.createParagraph();
			step1.setNumID(numId);
			text(step1, "The UE sends the request to the MME.");
			XWPFParagraph step2 = document.createParagraph();
			step2.setNumID(numId);
			inserted(step2, "The MME shall answer the UE.", 6);
			// after the list, a paragraph that is no step
			text(document.createParagraph(), "Editor's Note: whether the MME may retry is FFS.");
			// 6: a table whose cell holds a statement
			XWPFTable table = document.createTable(1, 2);
			table.getRow(0).getCell(0).setText("Parameter");
			table.getRow(0).getCell(1).setText("The SeGW shall accept IDi only once.");
			try (OutputStream out = Files.newOutputStream(file)) {
				document.write(out);
			}
		}
		return file;
	}

	@Test
	void trackedChangesListsAndTablesGiveTheInventory() throws Exception {
		StatementInventory inventory = StatementInventory.of(makeCr());
		assertEquals(List.of("16.2.2"), inventory.clauses().stream().map(CrDocument.Clause::number).toList());
		List<String> listed = inventory.statements().stream().map(s -> s.id() + " " + s.status().label() + " "
				+ s.text()).toList();
		assertEquals(List.of(
				"16.2.2/s1 unchanged The UE shall use the LWIP-PSK.",
				"16.2.2/s2 unchanged The LWIP-SeGW shall locate the PSK.",
				"16.2.2/s3 inserted The UE shall store the LWIP-PSK.",
				"16.2.2/s4 deleted The UE shall delete the LWIP-PSK.",
				"16.2.2/s5 modified The eNB shall keep the key.",
				"16.2.2/s6 deleted The HA may stop ciphering.",
				"16.2.2/s7 inserted The MME shall answer the UE.",
				"16.2.2/e1 unchanged Editor's Note: whether the MME may retry is FFS.",
				"16.2.2/s8 unchanged The SeGW shall accept IDi only once."), listed);
		// the list items are steps 1 and 2; the note after the list belongs to no step
		assertEquals(List.of("1", "2"), inventory.steps().stream().map(StatementInventory.Step::label).toList());
		assertEquals("2", inventory.find("16.2.2/s7").step());
		assertEquals(null, inventory.find("16.2.2/e1").step());
		// a .docx has no lines: the paragraph's number (the heading is paragraph 1)
		assertEquals(3, inventory.find("16.2.2/s3").line());
		assertEquals(List.of("HA"), inventory.find("16.2.2/s6").roles());
	}

	@Test
	void importWritesASkeletonFromADocx() throws Exception {
		Path cr = makeCr();
		Path out = folder.resolve("out");
		assertEquals(0, ShallCommand.execute("import", "--out", out.toString(), cr.toString()));
		String skeleton = Files.readString(out.resolve("cr.shall"));
		assertTrue(skeleton.contains("step 2 clause \"16.2.2 step 2\": MME shall \"The MME shall answer the UE.\""),
				skeleton);
		assertTrue(skeleton.contains("option editorsNote1"), skeleton);
	}

	@Test
	void aDocxThatIsNotOneIsBadInput() throws Exception {
		Path broken = folder.resolve("broken.docx");
		Files.write(broken, new byte[] { 'P', 'K', 3, 4, 0, 0 });
		java.io.StringWriter err = new java.io.StringWriter();
		int code = ShallCommand.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err,
				true), "import", "--out", folder.toString(), broken.toString());
		assertEquals(3, code);
		assertTrue(err.toString().contains("broken.docx:1:1: not a readable .docx"), err.toString());
		assertTrue(!err.toString().contains("\tat "), "no stack trace");
	}
}
