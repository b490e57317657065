package dev.shall.checker.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.shall.checker.report.ReportMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shall merge --format F -o OUT IN...}: the shards' reports of one run as the unsharded run's report. */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Merges the reports of every shard of one run (shall check --shard K/N), all of one format, "
				+ "into the report of the whole run. Exit codes: 0 merged, 3 bad input or usage (a shard missing, "
				+ "given twice, or of another run).")
public final class MergeCommand implements Callable<Integer> {

	@Option(names = "--format", required = true, description = "json, junit or sarif: the format of every input")
	String format;

	@Option(names = { "-o", "--out" }, paramLabel = "FILE", description = "the merged report (default: standard output)")
	Path out;

	@Parameters(paramLabel = "IN", arity = "1..*", description = "the shards' reports, in any order")
	List<Path> inputs;

	@Override
	public Integer call() throws IOException {
		List<ReportMerge.Input> read = new ArrayList<>();
		for (Path input : inputs) {
			if (!Files.isRegularFile(input)) {
				System.err.println("shall: merge: no such file: " + input);
				return 3;
			}
			read.add(new ReportMerge.Input(input.toString(), Files.readString(input, StandardCharsets.UTF_8)));
		}
		String merged;
		try {
			merged = ReportMerge.merge(format, read);
		} catch (ReportMerge.Refused e) {
			System.err.println("shall: merge: " + e.getMessage());
			return 3;
		}
		if (out == null) {
			System.out.print(merged);
			System.out.flush();
		} else {
			Files.writeString(out, merged, StandardCharsets.UTF_8);
		}
		return 0;
	}
}
