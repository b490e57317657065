package dev.shall.checker.text;

import dev.shall.checker.text.Escaping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The one place where text from the user is made safe for terminals, XML, HTML and JSON. */
class EscapingTest {

	/** One of each kind the class escapes: ESC, NUL, LF, tab, DEL, C1 CSI, RLO, LRI, LS, U+FFFF, a lone surrogate. */
	static final String HOSTILE = "a\u001b[31mb\u0000c\nd\te\u007ff\u009bg\u202eh\u2066i\u2028j\uffffk\ud800l";

	@Test
	void visibleWritesEveryUnsafeCharacterAsAJavaStyleEscape() {
		assertEquals("a\\u001B[31mb\\u0000c\\u000Ad\\u0009e\\u007Ff\\u009Bg\\u202Eh\\u2066i\\u2028j\\uFFFFk\\uD800l",
				Escaping.visible(HOSTILE));
	}

	@Test
	void visibleLeavesOrdinaryTextAloneIncludingPairedSurrogatesAndNonLatinScripts() {
		String text = "KASME → KeNB — «clé» 鍵 \ud83d\udd11 C:\\path";
		assertSame(text, Escaping.visible(text));
		assertEquals("x\ud83d\udd11\\uDC00", Escaping.visible("x\ud83d\udd11\udc00"));
		assertNull(Escaping.visible(null));
	}

	@Test
	void markupEscapesTheFiveMarkupCharactersAfterTheControls() {
		assertEquals("&lt;b title=&quot;x&quot;&gt;&amp;&#39;\\u001B&lt;/b&gt;", Escaping.markup("<b title=\"x\">&'\u001b</b>"));
	}

	@Test
	void jsonKeepsTheDataAndLeavesNoUnsafeCharacterRaw() {
		JsonObject object = new JsonObject();
		object.addProperty("text", HOSTILE);
		String serialized = new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
				.toJson(object);
		String escaped = Escaping.json(serialized);
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			assertFalse(c != '\n' && (Escaping.isUnsafe(c) || Character.isSurrogate(c)), "raw U+"
					+ Integer.toHexString(c) + " in " + escaped);
		}
		assertEquals(HOSTILE, JsonParser.parseString(escaped).getAsJsonObject().get("text").getAsString());
	}

	@Test
	void theSetIsTheDocumentedOne() {
		for (int c = 0; c < 0x20; c++) {
			assertTrue(Escaping.isUnsafe(c));
		}
		for (int c : new int[] { 0x7f, 0x80, 0x9f, 0x61c, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028,
				0x2029, 0xfffe, 0xffff }) {
			assertTrue(Escaping.isUnsafe(c), Integer.toHexString(c));
		}
		for (int c : new int[] { ' ', '~', 0xa0, 0xe9, 0x200b, 0x200d, 0x2192, 0xfeff, 0xfffd }) {
			assertFalse(Escaping.isUnsafe(c), Integer.toHexString(c));
		}
	}
}
