package dev.shall.checker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * How the front end (parse, link, validate, compile) scales with the size of a file: generated
 * files of n steps, n properties and n unresolved names, each read three times in one JVM (the
 * first read pays for class loading and the JIT). Figures are seconds per read; a linear front end
 * keeps seconds / n flat as n grows.
 */
final class FrontEndScaling {

	private FrontEndScaling() {
	}

	static void run(List<Integer> sizes) throws IOException {
		Path folder = Files.createTempDirectory("shall-frontend");
		ProcedureFrontEnd frontEnd = ProcedureFrontEnd.find();
		System.out.printf("%-22s %7s %8s %8s %8s %12s%n", "file", "n", "read 1", "read 2", "read 3", "µs per item");
		for (String kind : List.of("steps", "properties", "unresolved names")) {
			for (int n : sizes) {
				Path file = folder.resolve(kind.replace(' ', '-') + "-" + n + ".shall");
				Files.writeString(file, generate(kind, n));
				double[] seconds = new double[3];
				int diagnostics = 0;
				for (int r = 0; r < 3; r++) {
					long started = System.nanoTime();
					LoadedFile loaded = frontEnd.load(List.of(file)).get(0);
					seconds[r] = (System.nanoTime() - started) / 1e9;
					diagnostics = loaded.diagnostics().size();
				}
				System.out.printf("%-22s %7d %8.2f %8.2f %8.2f %12.1f   (%d diagnostics)%n", kind, n, seconds[0],
						seconds[1], seconds[2], seconds[2] * 1e6 / n, diagnostics);
				Files.delete(file);
			}
		}
		Files.delete(folder);
	}

	private static String generate(String kind, int n) {
		StringBuilder text = new StringBuilder("procedure Generated clause \"bench\"\nrole A { var n : 0..3 = 0 }\n");
		if (!kind.equals("steps")) {
			text.append("step s clause \"a\": A may when n < 3 { n := n + 1 }\n");
		}
		for (int i = 0; i < n; i++) {
			switch (kind) {
			case "steps" -> text.append("step s").append(i).append(" clause \"a\": A may when n < 3 { n := n + 1 }\n");
			case "properties" -> text.append("property p").append(i).append(" clause \"p\": always A.n <= 3\n");
			default -> text.append("step u").append(i).append(" clause \"a\": A may { n := missing").append(i)
					.append(" }\n");
			}
		}
		return text.toString();
	}
}
