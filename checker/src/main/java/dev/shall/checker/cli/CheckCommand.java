package dev.shall.checker.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.shall.checker.report.CheckRunner;
import dev.shall.checker.report.JsonReport;
import dev.shall.checker.report.RunReport;
import dev.shall.checker.report.TextReport;
import dev.shall.model.frontend.ProcedureFrontEnd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shall check PATH...}: every property, bound and step of the procedures found. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Checks .shall files (or folders of them). Exit codes: 0 every verdict as expected, "
				+ "1 some verdict differs from its expectation, 2 some verdict unknown, 3 bad input or usage.")
public final class CheckCommand implements Callable<Integer> {

	@Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders of .shall files")
	List<Path> paths;

	@Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
	String format;

	@Option(names = "--out", description = "write the report to this file instead of standard output")
	Path out;

	@Option(names = "--engine", defaultValue = "auto",
			description = "auto (BMC and k-induction in parallel), bmc or kind (default: ${DEFAULT-VALUE})")
	String engine;

	@Option(names = "--depth", defaultValue = "40", description = "the deepest run explored (default: ${DEFAULT-VALUE})")
	int depth;

	@Option(names = "--timeout", defaultValue = "60", description = "seconds per question (default: ${DEFAULT-VALUE})")
	int timeout;

	@Option(names = "--instances", description = "concurrent sessions, instead of the procedure's own number")
	Integer instances;

	@Option(names = "--option", description = "fix an option, NAME=VALUE, instead of checking every value")
	Map<String, String> options = new LinkedHashMap<>();

	@Override
	public Integer call() throws IOException {
		if (!List.of("text", "json").contains(format)) {
			System.err.println("shall: unknown format '" + format + "' (text or json)");
			return 3;
		}
		if (!List.of("auto", "bmc", "kind").contains(engine)) {
			System.err.println("shall: unknown engine '" + engine + "' (auto, bmc or kind)");
			return 3;
		}
		if (depth < 0 || timeout <= 0 || instances != null && instances < 1) {
			System.err.println("shall: --depth must be at least 0, --timeout and --instances at least 1");
			return 3;
		}
		CheckRunner.Settings settings = new CheckRunner.Settings(engine, depth, Duration.ofSeconds(timeout), instances,
				options);
		boolean terminal = System.console() != null && out == null;
		CheckRunner.Listener progress = terminal ? (procedure, obligation) -> System.err.printf("\r\033[K%s: %s",
				procedure, obligation) : CheckRunner.Listener.NONE;
		RunReport report = new CheckRunner().run(paths, settings, ProcedureFrontEnd.find(), progress);
		if (terminal) {
			System.err.print("\r\033[K");
		}
		try (PrintWriter writer = out == null
				? new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
				: new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
			if (format.equals("json")) {
				new JsonReport().write(report, writer);
			} else {
				new TextReport().write(report, writer);
			}
		}
		return report.exitCode();
	}
}
