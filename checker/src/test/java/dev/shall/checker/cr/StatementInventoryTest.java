package dev.shall.checker.cr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory of each seed CR (examples/cr/) against a list written by reading the texts: every
 * id, its keywords and clause, in order. The lists follow the rules of ADR 0016 (a sentence with a
 * keyword is a statement, whatever it means: 16.1/s8 of seed 001 is descriptive but says "can" and
 * "may"), so a change of the grammar, the sentence splitter or the keyword rule shows here.
 */
class StatementInventoryTest {

	@TempDir
	Path folder;

	private static StatementInventory inventory(String name) throws CrInputException {
		return StatementInventory.of(Path.of("..", "examples", "cr", name));
	}

	/** "id keywords" per statement, e.g. "16.1/s6 shall not". */
	private static List<String> listed(StatementInventory inventory) {
		List<String> lines = new ArrayList<>();
		for (Statement s : inventory.statements()) {
			assertTrue(s.id().startsWith(s.clause() + "/"), s.id() + " lies in clause " + s.clause());
			lines.add(s.id() + " " + String.join(",", s.keywords()));
		}
		return lines;
	}

	@Test
	void seed000SeNBAddition() throws Exception {
		StatementInventory inventory = inventory("000-senb-addition.txt");
		// no heading in the changes: the clause is the one the introduction names, with its quoted title
		assertEquals(List.of(new CrDocument.Clause("X.2.3", "Synchronizing start of security", 1)), inventory.clauses());
		assertEquals("TS 33.401", inventory.spec());
		assertEquals(List.of("X.2.3/e1 ", "X.2.3/s1 shall", "X.2.3/s2 shall", "X.2.3/s3 shall"), listed(inventory));
		Statement note = inventory.find("X.2.3/e1");
		assertEquals(Statement.Kind.EDITORS_NOTE, note.kind());
		assertEquals("2", note.step());
		assertEquals("5", inventory.find("X.2.3/s1").step());
		assertEquals(List.of("MeNB", "UE", "SeNB"), inventory.find("X.2.3/s1").roles());
		assertEquals("6", inventory.find("X.2.3/s3").step());
		// six numbered steps, their labels on lines of their own and their text below
		assertEquals(List.of("1", "2", "3", "4", "5", "6"), inventory.steps().stream().map(StatementInventory.Step::label)
				.toList());
		assertTrue(inventory.steps().get(2).text().startsWith("The SeNB allocates"));
		assertEquals(List.of("SeNB", "UE", "MeNB"), inventory.roles());
		// nothing of the cover page ("This pCR proposes the text…") is a statement
		assertTrue(inventory.statements().stream().allMatch(s -> s.status() == ChangeStatus.CHANGED));
	}

	@Test
	void seed001LwipRevision1() throws Exception {
		StatementInventory inventory = inventory("001-lwip-revision-1.txt");
		assertEquals(List.of("16", "16.1", "16.2", "16.2.1", "16.2.2", "16.2.3", "16.3", "16.4", "16.4.1", "16.4.2", "16.5",
				"16.6"), inventory.clauses().stream().map(CrDocument.Clause::number).toList());
		assertEquals("Handover procedures", inventory.clauses().get(10).title(), "16. 5 is clause 16.5");
		assertEquals(List.of(
				"16.1/s1 shall", "16.1/s2 shall", "16.1/s3 shall", "16.1/s4 shall", "16.1/s5 shall", "16.1/s6 shall not",
				"16.1/s7 shall", "16.1/s8 can,may",
				"16.2.1/s1 shall", "16.2.1/s2 shall", "16.2.1/s3 shall",
				"16.2.2/s1 shall", "16.2.2/s2 shall", "16.2.2/s3 shall", "16.2.2/n1 may", "16.2.2/s4 shall",
				"16.2.2/s5 shall", "16.2.2/s6 shall", "16.2.2/s7 shall",
				"16.2.3/s1 shall", "16.2.3/s2 shall", "16.2.3/s3 shall",
				"16.3/s1 shall", "16.3/s2 shall",
				"16.4.1/s1 shall",
				"16.4.2/s1 may", "16.4.2/s2 shall", "16.4.2/s3 shall",
				"16.5/s1 shall", "16.5/s2 shall", "16.5/s3 shall",
				"16.6/s1 shall", "16.6/s2 may"), listed(inventory));
		assertEquals(Statement.Kind.PERMISSION, inventory.find("16.1/s8").kind());
		assertEquals(Statement.Kind.NOTE, inventory.find("16.2.2/n1").kind());
		assertEquals(List.of("TS 33.210 [36]"), inventory.find("16.1/s3").references());
		// the seed's spelling "LWIP-SEeGW" is the LWIP-SeGW
		assertEquals(List.of("LWIP-SeGW", "UE", "eNB"), inventory.find("16.2.2/s6").roles());
		assertEquals(List.of("eNB", "UE", "LWIP-SeGW"), inventory.roles());
	}

	@Test
	void seed002LwipRevision2() throws Exception {
		StatementInventory inventory = inventory("002-lwip-revision-2.txt");
		// the heading's number alone on its line, the title on the next
		assertEquals(List.of(new CrDocument.Clause("16.2.2", "UE to LWIP-SeGW interaction for setting up the LWIP offload",
				4), new CrDocument.Clause("16.5", "Handover procedures", 21), new CrDocument.Clause("16.6",
						"LWIP radio link failure", 24)), inventory.clauses());
		assertEquals(List.of("16.2.2/s1 shall", "16.2.2/s2 shall", "16.2.2/s3 shall", "16.2.2/n1 may", "16.2.2/s4 shall",
				"16.2.2/s5 shall", "16.2.2/s6 shall", "16.2.2/s7 shall", "16.2.2/s8 shall",
				"16.5/s1 shall", "16.5/s2 shall", "16.5/s3 shall",
				"16.6/s1 shall", "16.6/s2 shall", "16.6/s3 may"), listed(inventory));
		assertTrue(inventory.find("16.2.2/s4").text().contains("shall store the LWIP-PSK"));
	}

	@Test
	void seed003SmcVersusHandover() throws Exception {
		StatementInventory inventory = inventory("003-smc-vs-inter-mme-handover.txt");
		// the quoted rule with its "shall" lies in the reason for change, before "First Change": not a statement
		assertEquals(List.of("5.4.3.1/s1 may"), listed(inventory));
		assertEquals("General", inventory.clauses().get(0).title());
	}

	@Test
	void seed004DsmipChildSa() throws Exception {
		StatementInventory inventory = inventory("004-dsmipv6-child-sa.txt");
		assertEquals("TS 24.327", inventory.spec());
		assertEquals(List.of("5.x", "5.x.1", "5.x.2", "5.x.3"), inventory.clauses().stream().map(CrDocument.Clause::number)
				.toList());
		assertEquals(List.of("5.x.1/p1 can", "5.x.1/p2 can", "5.x.1/p3 can",
				"5.x.2/s1 shall", "5.x.2/s2 shall", "5.x.2/s3 may", "5.x.2/s4 shall", "5.x.2/s5 shall",
				"5.x.3/p1 can", "5.x.3/s1 shall", "5.x.3/s2 shall", "5.x.3/s3 shall", "5.x.3/s4 shall", "5.x.3/s5 may",
				"5.x.3/s6 shall", "5.x.3/s7 shall"), listed(inventory));
		assertEquals(List.of("IETF 4306 [9]"), inventory.find("5.x.2/s1").references());
		assertEquals(List.of("IETF RFC 3776 [x]"), inventory.find("5.x.3/s3").references());
		assertEquals(List.of("UE", "HA"), inventory.roles());
	}

	/** Every statement's line and column point at its first words in the file. */
	@Test
	void locationsPointIntoTheText() throws Exception {
		for (String name : List.of("000-senb-addition.txt", "001-lwip-revision-1.txt", "002-lwip-revision-2.txt",
				"003-smc-vs-inter-mme-handover.txt", "004-dsmipv6-child-sa.txt")) {
			Path file = Path.of("..", "examples", "cr", name);
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (Statement s : StatementInventory.of(file).statements()) {
				String line = lines.get(s.line() - 1);
				assertTrue(line.startsWith(s.text().substring(0, Math.min(20, s.text().length())), s.column() - 1), s
						.location() + " is where " + s.id() + " starts: " + line);
			}
		}
	}

	@Test
	void idsOfAClauseDoNotMoveWhenAnotherClauseChanges() throws Exception {
		String text = "*** Begin Changes ***\n1.1\tA\nThe UE shall do a. The UE shall do b.\n1.2\tB\nThe MME shall do c.\n"
				+ "*** End Changes ***\n";
		String edited = "*** Begin Changes ***\n1.1\tA\nThe UE shall do x. The UE shall do a. The UE shall do b.\n1.2\tB\n"
				+ "The MME shall do c.\n*** End Changes ***\n";
		Path before = folder.resolve("before.txt");
		Path after = folder.resolve("after.txt");
		Files.writeString(before, text);
		Files.writeString(after, edited);
		assertEquals("The MME shall do c.", StatementInventory.of(before).find("1.2/s1").text());
		assertEquals("The MME shall do c.", StatementInventory.of(after).find("1.2/s1").text());
		CrDiff diff = CrDiff.of(StatementInventory.of(before), StatementInventory.of(after));
		assertEquals(List.of("added 1.1/s1", "moved 1.1/s2", "moved 1.1/s3"), diff.entries().stream().map(e -> e.change()
				.label() + " " + e.id()).toList());
	}

	/** The other forms the grammar knows: "Step 2:" and "1a." labels, NOTE 1, bullets "•" and "*", RFC references. */
	@Test
	void labelsNotesBulletsAndReferences() throws Exception {
		Path file = folder.resolve("forms.txt");
		Files.writeString(file, String.join("\n", "* * * First Change * * *", "7.2.10\tRules", "Step 1: The MME shall "
				+ "start the timer.", "1a.\tThe UE may answer as in RFC 4306 [9].", "NOTE 1:\tThe HA can ignore it.",
				"\u2022\tThe eNB should forward it.", "*\tThe UE need not retry.", "", "NOTE: Informative only.",
				"* * * End of Change * * *", "The MME shall be ignored: outside the changes."));
		StatementInventory inventory = StatementInventory.of(file);
		assertEquals(List.of("7.2.10/s1 shall", "7.2.10/s2 may", "7.2.10/n1 can", "7.2.10/s3 should",
				"7.2.10/s4 need not", "7.2.10/n2 "), listed(inventory));
		assertEquals(List.of("1", "1a"), inventory.steps().stream().map(StatementInventory.Step::label).toList());
		assertEquals("1a", inventory.find("7.2.10/s2").step());
		assertEquals("1a", inventory.find("7.2.10/n1").step(), "a NOTE right after a step belongs to it");
		assertEquals(null, inventory.find("7.2.10/s3").step(), "a bullet after a step does not");
		assertEquals(List.of("RFC 4306 [9]"), inventory.find("7.2.10/s2").references());
		assertEquals(Statement.Kind.RECOMMENDATION, inventory.find("7.2.10/s3").kind());
		assertEquals(Statement.Kind.PERMISSION, inventory.find("7.2.10/s4").kind());
		assertEquals(5, inventory.find("7.2.10/n1").line());
	}

	@Test
	void sentencesKeepAbbreviationsAndNumbers() {
		String text = "The UE shall use e.g. IDi as in TS 33.401, i.e. the value. It shall follow clause 7.2.4. Then Fig. 3 "
				+ "shows it.";
		List<String> sentences = Sentences.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
		assertEquals(List.of("The UE shall use e.g. IDi as in TS 33.401, i.e. the value.",
				"It shall follow clause 7.2.4.", "Then Fig. 3 shows it."), sentences);
	}

	@Test
	void badInputIsAnErrorWithItsLocation() throws Exception {
		CrInputException missing = assertThrows(CrInputException.class, () -> StatementInventory.of(folder.resolve(
				"missing.txt")));
		assertTrue(missing.getMessage().endsWith("missing.txt:1:1: no such file"), missing.getMessage());
		Path noClause = folder.resolve("none.txt");
		Files.writeString(noClause, "\nSome text that shall be checked.\n");
		CrInputException none = assertThrows(CrInputException.class, () -> StatementInventory.of(noClause));
		assertTrue(none.getMessage().contains("none.txt:1:1: no clause"), none.getMessage());
		Path broken = folder.resolve("broken.docx");
		Files.writeString(broken, "not a zip");
		CrInputException docx = assertThrows(CrInputException.class, () -> StatementInventory.of(broken));
		assertTrue(docx.getMessage().contains("broken.docx:1:1: not a readable .docx"), docx.getMessage());
	}
}
