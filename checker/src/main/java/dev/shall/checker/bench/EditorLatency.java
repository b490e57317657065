package dev.shall.checker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import dev.shall.checker.ide.EditorQuickCheck;
import dev.shall.model.Procedure;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * Edit-to-diagnostic latency of the editor's two stages on the example procedures: parse,
 * link, validate and compile a file after an edit (a changed comment, so the procedure stays the
 * same), and the quick model check of the result. Prints p50 and p95 per stage, over every file
 * and round, after warm-up rounds.
 *
 * <pre>
 * ./bench editor FOLDER ROUNDS
 * </pre>
 */
final class EditorLatency {

	private EditorLatency() {
	}

	static void run(Path folder, int rounds) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(p -> p.toString().endsWith(".shall")).sorted().toList();
		}
		ProcedureFrontEnd frontEnd = ProcedureFrontEnd.find();
		EditorQuickCheck quickCheck = new EditorQuickCheck();
		List<Double> validate = new ArrayList<>();
		List<Double> check = new ArrayList<>();
		int warmUp = 2;
		for (int round = 0; round < warmUp + rounds; round++) {
			for (Path file : files) {
				String text = Files.readString(file);
				// the edited copy sits beside the original, so that relative imports still resolve
				Path edited = file.resolveSibling(".edited-" + file.getFileName());
				Files.writeString(edited, text + "\n// edit " + round + "\n");
				try {
					long started = System.nanoTime();
					LoadedFile loaded = frontEnd.load(List.of(edited)).get(0);
					double validated = (System.nanoTime() - started) / 1e6;
					if (loaded.procedure().isEmpty()) {
						continue; // a rule library: validated, nothing to check
					}
					Procedure procedure = loaded.procedure().get();
					started = System.nanoTime();
					quickCheck.check(procedure, edited, Duration.ofSeconds(3), () -> false);
					double checked = (System.nanoTime() - started) / 1e6;
					if (round >= warmUp) {
						validate.add(validated);
						check.add(checked);
					}
				} finally {
					Files.deleteIfExists(edited);
				}
			}
		}
		System.out.printf("%d files x %d rounds (after %d warm-up rounds)%n", files.size(), rounds, warmUp);
		System.out.printf("%-34s %8s %8s %8s%n", "stage", "p50 ms", "p95 ms", "max ms");
		print("parse, link, validate, compile", validate);
		print("quick check (budget 3 s)", check);
	}

	private static void print(String stage, List<Double> samples) {
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		System.out.printf("%-34s %8.0f %8.0f %8.0f%n", stage, percentile(sorted, 50), percentile(sorted, 95),
				sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
	}

	private static double percentile(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}
}
