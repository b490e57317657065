package dev.shall.dsl.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.SourceDiagnostic;

class ShallFrontEndTest {

	@TempDir
	Path folder;

	private final ProcedureFrontEnd frontEnd = ProcedureFrontEnd.find();

	@Test
	void theLanguageIsFoundThroughTheServiceLoader() {
		assertInstanceOf(ShallFrontEnd.class, frontEnd);
		assertEquals("shall", frontEnd.fileExtension());
	}

	@Test
	void aValidFileCompilesToAProcedure() throws Exception {
		Path file = Files.writeString(folder.resolve("ok.shall"), """
				procedure Ok clause "1"
				role A { var x : bool = false }
				step 1 clause "1": A shall { x := true }
				property p clause "1": always A.x or not A.x
				""");
		LoadedFile loaded = frontEnd.load(List.of(file)).get(0);
		assertFalse(loaded.hasErrors(), loaded.diagnostics()::toString);
		assertEquals("Ok", loaded.procedure().orElseThrow().getName());
	}

	@Test
	void errorsCarryFileLineAndColumnAndNoProcedureIsCompiled() throws Exception {
		Path file = Files.writeString(folder.resolve("bad.shall"), """
				procedure Bad clause "1"
				role A { var x : bool = false }
				step 1 clause "1": A shall { x := 3 }
				""");
		LoadedFile loaded = frontEnd.load(List.of(file)).get(0);
		assertTrue(loaded.procedure().isEmpty());
		SourceDiagnostic error = loaded.diagnostics().stream()
				.filter(d -> d.severity() == SourceDiagnostic.Severity.ERROR).findFirst().orElseThrow();
		assertEquals("shall.type-mismatch", error.code());
		assertEquals(file.toString(), error.file());
		assertEquals(3, error.line());
		assertEquals(35, error.column(), "the column of the value 3, counted from 1");
		assertEquals(file + ":3:35: error: x is bool, but the value is 3..3 [shall.type-mismatch]", error.toString());
	}

	@Test
	void syntaxErrorsAreDiagnosticsToo() throws Exception {
		Path file = Files.writeString(folder.resolve("syntax.shall"), "procedure P clause \"1\"\nrole A { var }\n");
		LoadedFile loaded = frontEnd.load(List.of(file)).get(0);
		SourceDiagnostic error = loaded.diagnostics().get(0);
		assertEquals("shall.syntax", error.code());
		assertEquals(2, error.line());
	}

	@Test
	void aMissingFileIsADiagnosticNotAnException() {
		LoadedFile loaded = frontEnd.load(List.of(folder.resolve("missing.shall"))).get(0);
		assertEquals("shall.no-such-file", loaded.diagnostics().get(0).code());
		assertTrue(loaded.hasErrors());
	}

	@Test
	void mistakesInAnImportedRuleLibraryPointAtTheLibrary() throws Exception {
		Path library = Files.writeString(folder.resolve("rules.shall"), """
				rules Lib spec "TS 33.401"
				rule broken(c: condition) clause "1": always c and 3
				""");
		Path file = Files.writeString(folder.resolve("uses.shall"), """
				import "rules.shall"
				procedure Uses clause "1"
				role A { var x : bool = false }
				step 1 clause "1": A shall { x := true }
				property p clause "1": rule Lib.broken(A.x)
				""");
		LoadedFile loaded = frontEnd.load(List.of(file)).get(0);
		SourceDiagnostic error = loaded.diagnostics().stream()
				.filter(d -> d.severity() == SourceDiagnostic.Severity.ERROR).findFirst().orElseThrow();
		assertEquals(library.toString(), error.file());
		assertEquals(2, error.line());
		assertTrue(loaded.procedure().isEmpty());
	}
}
