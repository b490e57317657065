package dev.shall.checker.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.shall.checker.pipeline.CheckRunner;
import dev.shall.checker.report.Finding;
import dev.shall.checker.text.Escaping;

/**
 * Progress of {@code shall check} on stderr, in one of three modes:
 * <ul>
 * <li>{@link Mode#LINES}: one line per question answered, flushed at once, for CI logs that keep
 * every line: {@code [12/308] FILE PROCEDURE {option=value, …} QUESTION: VERDICT (2.1 s)};</li>
 * <li>{@link Mode#BAR}: one status line rewritten in place with a carriage return — the count, the
 * question being checked and the depth reached — for a terminal;</li>
 * <li>{@link Mode#NONE}: nothing ({@code --quiet}).</li>
 * </ul>
 * Standard output is never written, so reports stay the same whatever the mode.
 */
final class Progress {

	enum Mode {
		LINES, BAR, NONE
	}

	/** The environment variable that overrides the choice: {@code lines}, {@code bar} or {@code none}. */
	static final String OVERRIDE = "SHALL_PROGRESS";

	private Progress() {
	}

	/**
	 * The mode for this process: {@code quiet} wins; then {@value #OVERRIDE} (an unknown value is
	 * ignored); then {@link Mode#BAR} only when the JVM has an interactive console (stdin and stdout
	 * are a terminal: {@code System.console()} and, from JDK 22, {@code Console.isTerminal()}, since
	 * JDK 22+ returns a console even when redirected), {@code TERM} is not {@code dumb} and {@code CI}
	 * is not set (GitHub Actions and GitLab set it); else {@link Mode#LINES}. The JDK cannot tell
	 * whether stderr alone is a terminal: {@code shall check > report.json} on a terminal gets lines,
	 * which read well there too.
	 */
	static Mode choose(boolean quiet, Map<String, String> environment) {
		if (quiet) {
			return Mode.NONE;
		}
		String override = environment.getOrDefault(OVERRIDE, "").trim().toLowerCase(Locale.ROOT);
		switch (override) {
		case "lines":
			return Mode.LINES;
		case "bar":
			return Mode.BAR;
		case "none":
			return Mode.NONE;
		default:
			break;
		}
		boolean ci = environment.containsKey("CI") || "dumb".equals(environment.get("TERM"));
		return !ci && interactive() ? Mode.BAR : Mode.LINES;
	}

	private static boolean interactive() {
		java.io.Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// JDK 22+: a console exists even when redirected; isTerminal says whether it is one
			return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
		} catch (ReflectiveOperationException before22) {
			return true; // before JDK 22, System.console() is null unless stdin and stdout are a terminal
		}
	}

	/** The listener for {@code mode}, writing to {@code err}. */
	static CheckRunner.Listener listener(Mode mode, PrintWriter err) {
		return switch (mode) {
		case LINES -> new Lines(err);
		case BAR -> new Bar(err);
		case NONE -> CheckRunner.Listener.NONE;
		};
	}

	/** Clears a status line left by {@link Mode#BAR}, before anything else is written to stderr. */
	static void finish(Mode mode, PrintWriter err) {
		if (mode == Mode.BAR) {
			err.print("\r\033[K");
			err.flush();
		}
	}

	/** {@code [12/308] FILE PROCEDURE {a=b} QUESTION: VERDICT (2.1 s)}, the line {@link Mode#LINES} writes. */
	static String line(int done, int total, Finding finding) {
		StringBuilder line = new StringBuilder();
		line.append('[').append(done).append('/').append(total).append("] ").append(finding.file()).append(' ')
				.append(finding.procedure()).append(' ');
		if (!finding.options().isEmpty()) {
			line.append(finding.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(
					Collectors.joining(", ", "{", "} ")));
		}
		line.append(finding.property()).append(": ").append(finding.verdict().label());
		if (finding.mismatch()) {
			line.append(" (expected ").append(finding.expected()).append(')');
		}
		line.append(String.format(Locale.ROOT, " (%.1f s)", finding.seconds()));
		return line.toString();
	}

	/** One line per question answered; a vacuity question adds a line without a count. */
	private static final class Lines implements CheckRunner.Listener {
		private final PrintWriter err;
		private int total;
		private int done;

		Lines(PrintWriter err) {
			this.err = err;
		}

		@Override
		public void planned(int questions) {
			total = questions;
		}

		@Override
		public void checking(String procedure, String obligation) {
		}

		@Override
		public synchronized void answered(Finding finding) {
			done++;
			// a file name may hold control characters; a log line must not (as in every report)
			err.println(Escaping.visible(line(done, total, finding)));
			err.flush();
		}

		@Override
		public synchronized void vacuityAnswered(Finding finding) {
			String vacuity = finding.vacuity() == null ? "" : switch (finding.vacuity().status()) {
			case VACUOUS -> "vacuous";
			case NOT_VACUOUS -> "not vacuous";
			case UNDECIDED -> "not decided";
			};
			err.println(Escaping.visible("[vacuity] " + finding.file() + " " + finding.procedure() + " " + (finding.options().isEmpty()
					? "" : finding.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(
							Collectors.joining(", ", "{", "} "))) + finding.property() + ": " + vacuity));
			err.flush();
		}
	}

	/** One line on stderr, rewritten in place: the count, the question being checked and the depth reached. */
	private static final class Bar implements CheckRunner.Listener {
		private final PrintWriter err;
		private String question = "";
		private int deepest = -1;
		private int total;
		private int done;

		Bar(PrintWriter err) {
			this.err = err;
		}

		@Override
		public void planned(int questions) {
			total = questions;
		}

		@Override
		public synchronized void checking(String procedure, String obligation) {
			question = "[" + (done + 1) + "/" + total + "] " + procedure + ": " + obligation;
			deepest = -1;
			err.printf("\r\033[K%s", Escaping.visible(question));
			err.flush();
		}

		@Override
		public synchronized void answered(Finding finding) {
			done++;
		}

		@Override
		public synchronized void depthDone(String engine, int depth) {
			if (depth > deepest) {
				deepest = depth;
				err.printf("\r\033[K%s — depth %d (%s)", Escaping.visible(question), depth, engine);
				err.flush();
			}
		}
	}
}
