package dev.shall.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code --property}, {@code --step} and {@code --kind} ask only the questions named (issue 20,
 * "one question fast"); a name no procedure has is an error at the procedure, exit code 3; and
 * {@code --invariant-out} writes the invariants of IC3's certified proofs.
 */
class OneQuestionTest {

	@TempDir
	Path folder;

	private static Path handshake() throws Exception {
		return Path.of(OneQuestionTest.class.getResource("/fixtures/handshake.shall").toURI());
	}

	/** The questions of the JSON report, as "kind name". */
	private List<String> asked(String... arguments) throws Exception {
		Path out = folder.resolve("report" + System.nanoTime() + ".json");
		List<String> command = new ArrayList<>(List.of("check", "--quiet", "--out", "json=" + out));
		command.addAll(List.of(arguments));
		command.add(handshake().toString());
		int code = ShallCommand.execute(command.toArray(String[]::new));
		assertEquals(0, code, "every verdict of the fixture as expected");
		List<String> questions = new ArrayList<>();
		for (var element : JsonParser.parseString(Files.readString(out)).getAsJsonObject().getAsJsonArray("results")) {
			JsonObject result = element.getAsJsonObject();
			questions.add(result.get("kind").getAsString() + " " + result.get("property").getAsString());
		}
		return questions;
	}

	@Test
	void asksOnlyTheQuestionsNamed() throws Exception {
		assertEquals(List.of("property invariantHolds"), asked("--property", "invariantHolds"));
		assertEquals(List.of("property invariantHolds", "property agreementViolated"), asked("--property",
				"agreementViolated", "--property", "invariantHolds"), "in the procedure's order");
		assertEquals(List.of("bounds within declared bounds"), asked("--kind", "bounds"));
		List<String> dead = asked("--kind", "dead-step");
		assertTrue(!dead.isEmpty() && dead.stream().allMatch(q -> q.startsWith("dead-step ")), dead.toString());
		List<String> one = asked("--step", "1");
		assertEquals(1, one.size(), one.toString());
		assertTrue(one.get(0).startsWith("dead-step "), one.toString());
		List<String> together = asked("--property", "invariantHolds", "--kind", "bounds", "--engine", "ic3");
		assertEquals(List.of("property invariantHolds", "bounds within declared bounds"), together);
	}

	@Test
	void aNameNoProcedureHasIsAnErrorAtTheProcedure() throws Exception {
		PrintStream saved = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		int code;
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			code = ShallCommand.execute("check", "--quiet", "--property", "invariantHold", handshake().toString());
		} finally {
			System.setOut(saved);
		}
		assertEquals(3, code);
		String text = captured.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("handshake.shall:") && text.contains("--property invariantHold: no procedure checked "
				+ "has a property of that name") && text.contains("invariantHolds"), text);
		assertEquals(3, ShallCommand.execute("check", "--quiet", "--kind", "safety", handshake().toString()));
	}

	@Test
	void diffComparesOnlyTheQuestionsNamed() throws Exception {
		PrintStream saved = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		int code;
		int unknown;
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			code = ShallCommand.execute("diff", "--format", "json", "--property", "invariantHolds", handshake().toString(),
					handshake().toString());
			unknown = ShallCommand.execute("diff", "--property", "nope", handshake().toString(), handshake().toString());
		} finally {
			System.setOut(saved);
		}
		assertEquals(0, code);
		String text = captured.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("invariantHolds") && !text.contains("agreementHolds"), text);
		assertEquals(3, unknown, "a name neither revision has");
	}

	@Test
	void writesTheInvariantsOfIc3sProofs() throws Exception {
		Path invariants = folder.resolve("invariants.txt");
		assertEquals(0, ShallCommand.execute("check", "--quiet", "--engine", "ic3", "--property", "invariantHolds",
				"--invariant-out", invariants.toString(), "--out", "json=" + folder.resolve("r.json"), handshake()
						.toString()));
		String text = Files.readString(invariants);
		assertTrue(text.contains("invariant ") && text.contains("invariantHolds"), text);
	}
}
