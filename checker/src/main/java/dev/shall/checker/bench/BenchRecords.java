package dev.shall.checker.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * The figures of one {@code ./bench} run as data (issue 20): every row printed is also kept, and
 * at the end written as CSV and JSON beside the machine (host, processors, load average, JVM,
 * heap) and the commit, so that a run can be compared with an earlier one. Files:
 * {@code $SHALL_BENCH_OUT.csv} and {@code .json}, by default {@code bench-results/bench-<UTC time>}.
 */
final class BenchRecords {

	private final List<Map<String, Object>> rows = new ArrayList<>();
	private final Map<String, Object> run = new LinkedHashMap<>();

	BenchRecords(String mode, List<String> arguments) {
		run.put("mode", mode);
		run.put("arguments", arguments);
		run.put("started", Instant.now().toString());
		run.put("commit", commit());
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("host", host());
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System
				.getProperty("os.arch"));
		machine.put("processors", Runtime.getRuntime().availableProcessors());
		machine.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
				.getSystemLoadAverage());
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		run.put("machine", machine);
	}

	/** A row: column name → value, in the order the columns are wanted. */
	void add(Map<String, Object> row) {
		rows.add(new LinkedHashMap<>(row));
	}

	void write() throws IOException {
		run.put("finished", Instant.now().toString());
		run.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
				.getSystemLoadAverage());
		String prefix = System.getenv("SHALL_BENCH_OUT");
		if (prefix == null || prefix.isBlank()) {
			prefix = "bench-results/bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
					.format(Instant.now());
		}
		Path csv = Path.of(prefix + ".csv");
		Path json = Path.of(prefix + ".json");
		if (csv.toAbsolutePath().getParent() != null) {
			Files.createDirectories(csv.toAbsolutePath().getParent());
		}
		List<String> columns = new ArrayList<>(List.of("commit", "host", "started"));
		for (Map<String, Object> row : rows) {
			for (String column : row.keySet()) {
				if (!columns.contains(column)) {
					columns.add(column);
				}
			}
		}
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
			out.println(String.join(",", columns));
			for (Map<String, Object> row : rows) {
				List<String> cells = new ArrayList<>();
				for (String column : columns) {
					Object value = switch (column) {
					case "commit" -> run.get("commit");
					case "host" -> ((Map<?, ?>) run.get("machine")).get("host");
					case "started" -> run.get("started");
					default -> row.get(column);
					};
					cells.add(csv(value));
				}
				out.println(String.join(",", cells));
			}
		}
		run.put("rows", rows);
		Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
				.toJson(run), StandardCharsets.UTF_8);
		System.out.println("figures written to " + csv + " and " + json);
	}

	private static String csv(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		return text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"")
				+ "\"" : text;
	}

	private static String commit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
			String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			Process dirty = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
					.redirectErrorStream(true).start();
			boolean modified = !new String(dirty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
			return git.waitFor() == 0 ? out + (modified ? "+modified" : "") : "unknown";
		} catch (IOException | InterruptedException e) {
			return "unknown";
		}
	}

	private static String host() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		} catch (IOException e) {
			return "unknown";
		}
	}
}
