package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.RevisionDiff;

/**
 * The exit codes of {@code diff}, {@code replay}, {@code crypto} and {@code crypto derive}
 * (issue 12): 0 success, 1 only for an outcome that differs (diff: a verdict broke; replay: the
 * bytes contradict the checker), 2 only for diff's unknown verdicts, 3 for bad input or usage with
 * one line on stderr naming what is wrong (an option, or file:line:column), never a stack trace.
 */
class ExitCodesTest {

	private static final String K32 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
	private static final String K16 = "2bd6459f82c5b300952c49104881ff48";

	@TempDir
	Path folder;

	private Path holds;
	private Path violated;

	private record Run(int code, String out, String err) {
	}

	private static Run shall(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	@BeforeEach
	void revisions() throws Exception {
		String body = """
				procedure P clause "1"
				role A { var x : bool = false }
				step s clause "1": A shall when not x { x := %s }
				property p clause "1": never A.x
				""";
		holds = Files.writeString(folder.resolve("old.shall"), body.formatted("false"));
		violated = Files.writeString(folder.resolve("new.shall"), body.formatted("true"));
	}

	/** Exit 3, nothing on stdout, the first line of stderr {@code shall: } and what is wrong, no stack trace. */
	private static void badInput(Run run, String says) {
		assertEquals(3, run.code(), run.out() + run.err());
		assertEquals("", run.out());
		assertTrue(run.err().lines().findFirst().orElse("").contains(says), "expected '" + says + "' in " + run.err());
		assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
		assertTrue(run.err().lines().count() <= 2, "a message and at most a hint: " + run.err());
	}

	@Test
	void diffIsZeroWhenNothingBrokeAndOneWhenSomethingDid() {
		Run same = shall("diff", holds.toString(), holds.toString());
		assertEquals(0, same.code(), same.err());
		assertTrue(same.out().contains("unchanged"), same.out());
		Run fixed = shall("diff", violated.toString(), holds.toString());
		assertEquals(0, fixed.code(), fixed.err());
		Run broken = shall("diff", "--format", "json", holds.toString(), violated.toString());
		assertEquals(1, broken.code(), broken.err());
		assertTrue(broken.out().contains("\"change\": \"broken\""), broken.out());
	}

	@Test
	void diffIsTwoWhenAComparedVerdictIsUnknownAndNothingBroke() {
		Map<String, String> none = Map.of();
		RevisionDiff.Entry unknown = new RevisionDiff.Entry("p", Finding.Kind.PROPERTY, null, none, RevisionDiff.Change.UNCHANGED,
				Verdict.HOLDS, Verdict.UNKNOWN);
		RevisionDiff.Entry broken = new RevisionDiff.Entry("q", Finding.Kind.PROPERTY, null, none, RevisionDiff.Change.BROKEN,
				Verdict.HOLDS, Verdict.VIOLATED);
		RevisionDiff.Entry added = new RevisionDiff.Entry("r", Finding.Kind.PROPERTY, null, none, RevisionDiff.Change.NEW, null,
				Verdict.UNKNOWN);
		assertEquals(2, DiffCommand.exitCode(List.of(unknown)));
		assertEquals(1, DiffCommand.exitCode(List.of(unknown, broken)), "a broken verdict outweighs an unknown one");
		assertEquals(0, DiffCommand.exitCode(List.of(added)), "a new property cannot have broken");
	}

	@Test
	void diffOfBadInputIsThreeWithPositions() throws Exception {
		Path syntax = Files.writeString(folder.resolve("syntax.shall"), "procedure P clause \"1\"\nrole {\n");
		Run run = shall("diff", holds.toString(), syntax.toString());
		assertEquals(3, run.code(), run.err());
		assertEquals("", run.out());
		assertTrue(run.err().startsWith(syntax + ":2:"), run.err());
		Run missing = shall("diff", folder.resolve("nope.shall").toString(), holds.toString());
		assertEquals(3, missing.code());
		assertTrue(missing.err().startsWith(folder.resolve("nope.shall") + ":1:1: error:"), missing.err());
		badInput(shall("diff", "--format", "xml", holds.toString(), holds.toString()), "shall: unknown format 'xml'");
		badInput(shall("diff", "--depth", "-1", holds.toString(), holds.toString()), "shall: --depth must be");
		badInput(shall("diff", "--timeout", "0", holds.toString(), holds.toString()), "--timeout at least 1");
		badInput(shall("diff", "--bogus", holds.toString(), holds.toString()), "shall: Unknown option: '--bogus'");
		badInput(shall("diff", holds.toString()), "shall: Missing required parameter: 'NEW'");
	}

	@Test
	void replayOfBadOptionsIsThree() throws Exception {
		Path report = folder.resolve("r.json");
		shall("check", "--format", "json", "--out", report.toString(), violated.toString());
		Run ok = shall("replay", report.toString());
		assertEquals(0, ok.code(), ok.err());
		badInput(shall("replay", report.toString(), "--eia", "9"), "shall: --eia and --eea take 1, 2 or 3");
		badInput(shall("replay", report.toString(), "--bind", "K.a=zz"), "shall: --bind K.a: 'zz' is not hex");
		badInput(shall("replay", report.toString(), "--bind", "K.a=00"), "shall: --bind K.a: no such key atom");
		badInput(shall("replay", report.toString(), "--property", "nope"), "no violated property with a trace for nope");
		badInput(shall("replay", report.toString(), "--root", folder.resolve("nope").toString()), "not a folder");
		badInput(shall("replay", report.toString(), "--seed", "x"), "shall: Invalid value for option '--seed'");
		badInput(shall("replay"), "shall: Missing required parameter: 'TRACE'");
		badInput(shall("replay", folder.resolve("nope.json").toString()), "nope.json: there is no such file");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"crypto                                                  | shall: 'crypto' needs a command: kdf, derive",
			"crypto derive                                           | shall: 'crypto derive' needs a command: s-kenb",
			"crypto nonsense                                         | shall: Unmatched argument at index 1",
			"crypto derive nonsense                                  | shall: Unmatched argument at index 2",
			"crypto kdf --key zz --fc 1c                             | shall: --key: 'zz' is not hex",
			"crypto kdf --key " + K32 + " --fc 1c2                   | shall: --fc: '1c2' has an odd number",
			"crypto kdf --key " + K32 + " --fc 1c1c                  | shall: --fc: FC is one octet",
			"crypto kdf --fc 1c                                      | shall: Missing required option: '--key=<key>'",
			"crypto kdf --key " + K32 + " --fc 1c --bogus            | shall: Unknown option: '--bogus'",
			"crypto eia2 --key " + K16 + " --count 38a6f056 --bearer 32 --direction 0 --message 33"
					+ " | shall: BEARER is 5 bits (0..31), not 32",
			"crypto eia2 --key " + K16 + " --count 38a6f056 --bearer 99999999999 --direction 0 --message 33"
					+ " | shall: Invalid value for option '--bearer'",
			"crypto eea1 --key " + K16 + " --count 38a6f056 --bearer 1 --direction 2 --message 33"
					+ " | shall: DIRECTION is 0 (uplink) or 1 (downlink), not 2",
			"crypto eea3 --key " + K16 + " --count 0011223344 --bearer 1 --direction 0 --message 33"
					+ " | shall: --count: COUNT is 32 bits",
			"crypto eia3 --key " + K16 + " --count 38a6f056 --bearer 1 --direction 0 --message 33 --bits 9"
					+ " | shall: a bit length of 9 does not fit in 1 octets",
			"crypto eia1 --key " + K16 + " --count 38a6f056 --bearer 1 --direction 0 --message 33 --bits -1"
					+ " | shall: a bit length of -1 does not fit",
			"crypto eea2 --key " + K32 + " --count 38a6f056 --bearer 1 --direction 0 --message 33"
					+ " | shall: the EPS algorithms take a 128-bit key, not 256 bits",
			"crypto ikev2-auth --prf md5 --psk 00 --signed-octets 00  | shall: unknown prf 'md5'",
			"crypto ikev2-keys --prf hmac-sha256 --ni 00 --nr 00 --gir 00 --spii 5f54bf6d8b48e6e1"
					+ " --spir 909232b3d1edcb5c --encr-key-bytes 2000000000 --integ-key-bytes 32"
					+ " | shall: prf+ is defined for at most 255 blocks",
			"crypto ikev2-keys --prf hmac-sha256 --ni 00 --nr 00 --gir 00 --spii 5f54bf6d8b48e6e1"
					+ " --spir 909232b3d1edcb5c --encr-key-bytes -1 --integ-key-bytes 32"
					+ " | shall: key lengths are not negative",
			"crypto derive s-kenb --kenb " + K32 + " --scg-counter 65536 | shall: the SCG Counter is 16 bits",
			"crypto derive lwip-psk --kenb " + K32 + " --counter -1      | shall: the LWIP Counter is 16 bits",
			"crypto derive kenb --kasme " + K32 + " --nas-count 4294967296 | does not fit in 4 octets",
			"crypto derive kenb-star --key " + K32 + " --pci 504 --earfcn 1 | shall: a PCI is 0..503, not 504",
			"crypto derive nh --kasme " + K32 + " --sync 00              | shall: SYNC-input is 32 octets, not 1",
			"crypto derive alg-key --key " + K32 + " --type rrc-int --alg 16 | shall: an algorithm identity is 4 bits",
			"crypto derive alg-key --key " + K32 + " --type bogus --alg 1 | shall: --type: unknown algorithm type 'bogus'",
			"crypto derive kenb --kasme " + K32 + "                      | shall: Missing required option: '--nas-count" })
	void cryptoOfBadInputIsThreeWithOneLine(String command, String says) {
		Run run = shall(command.trim().split("\\s+"));
		badInput(run, says);
		if (run.err().lines().count() == 2) {
			assertTrue(run.err().lines().skip(1).findFirst().orElseThrow().matches("Try 'shall crypto( derive)?"
					+ "( [a-z0-9-]+)? --help'\\."), run.err());
		}
	}

	@Test
	void cryptoOfGoodInputIsZeroWithTheValueAlone() {
		Run kdf = shall("crypto", "kdf", "--key", K32, "--fc", "1c", "--param", "0123");
		assertEquals(0, kdf.code(), kdf.err());
		assertTrue(kdf.out().strip().matches("[0-9a-f]{64}"), kdf.out());
		assertEquals("", kdf.err());
		Run derive = shall("crypto", "derive", "kenb", "--kasme", K32, "--nas-count", "258");
		assertEquals(0, derive.code(), derive.err());
		assertTrue(derive.out().strip().matches("[0-9a-f]{64}"), derive.out());
	}
}
