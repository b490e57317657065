package dev.shall.checker.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.cli.ShallCommand;

/**
 * {@code shall replay} of the attacker's runs with real bytes (semantics §4.5, issue 16): an
 * injection on an integrity-protected lane carries a MAC under the key term the attacker chose —
 * computed with the key's bytes when it knows the term, so that the receiver's real EIA check
 * passes, or under a guessed key when it knows none, so that the real check fails and the message
 * is discarded, as the checker said.
 */
class AttackerReplayTest {

	@TempDir
	Path folder;

	private record Run(int code, String out, String err) {
	}

	private static Run shall(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	private static final String MODEL = """
			procedure Inject clause "1"
			attacker "fake base station" KNOWLEDGE
			key KNAS { current, old }
			role UE { var knas : KNAS? = KNAS.current  var detached : bool = false }
			role MME { var knas : KNAS? = KNAS.current  var sent : bool = false }
			channel air : MME -> UE integrity keyed by MME.knas and UE.knas attacker inject capacity 1
			message Detach
			step 1 clause "1": MME may "detach" when not sent { sent := true  send Detach on air }
			step 2 clause "2": UE shall receive Detach on air { detached := true }
			property onlyTheNetwork clause "p": authentic Detach on air
			""";

	@Test
	void anInjectionUnderAKnownKeyVerifiesWithTheRealMac() throws Exception {
		Path model = Files.writeString(folder.resolve("known.shall"), MODEL.replace("KNOWLEDGE", "knows KNAS.current"));
		Path report = folder.resolve("known.json");
		Run check = shall("check", model.toString(), "--out", "json=" + report);
		// the property has no expectation: violated is a verdict that differs from the default, holds
		assertEquals(1, check.code(), check.err());
		Run replay = shall("replay", report.toString(), "--root", folder.toString());
		assertEquals(0, replay.code(), replay.out() + replay.err());
		assertTrue(replay.out().contains("the attacker protects Detach(injected by attacker=true) under KNAS.current"),
				replay.out());
		assertTrue(replay.out().contains("which it knows: 128-EIA2 MAC"), replay.out());
		assertTrue(replay.out().contains("— verified"), replay.out());
	}

	@Test
	void anInjectionUnderAGuessedKeyFailsTheRealCheck() throws Exception {
		Path model = Files.writeString(folder.resolve("guess.shall"), MODEL.replace("KNOWLEDGE", ""));
		// by hand: the attacker injects without a key it knows; the UE's integrity check discards it
		String trace = """
				{ "#meta": { "format": "shall-trace", "version": 1 },
				  "file": "guess.shall", "procedure": "Inject", "instances": 1,
				  "steps": [
				    { "role": "attacker", "step": "attacker injects Detach on air(MME→UE)",
				      "exchanges": [ { "kind": "injected", "message": "Detach(injected by attacker=true) under no key",
				                       "channel": "air", "from": "MME", "to": "UE" } ] },
				    { "role": "air(MME→UE)", "step": "integrity failure on air(MME→UE)" }
				  ] }
				""";
		Path file = Files.writeString(folder.resolve("guess.trace.json"), trace);
		Run replay = shall("replay", file.toString(), "--root", folder.toString());
		assertEquals(0, replay.code(), replay.out() + replay.err());
		assertTrue(replay.out().contains("the attacker knows no key of air(MME→UE): it protects"), replay.out());
		assertTrue(replay.out().contains("with a guessed key"), replay.out());
		assertTrue(replay.out().contains("— MAC FAILURE"), replay.out());
	}
}
