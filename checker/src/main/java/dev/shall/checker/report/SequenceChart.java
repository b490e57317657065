package dev.shall.checker.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.shall.checker.text.Escaping;
import dev.shall.checker.trace.Exchange;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceStep;

/**
 * A message sequence chart of a trace, as SVG, drawn the way the figures of 3GPP TS 33.401 are:
 * a lifeline per role (and instance) headed by the role's display name; each step of the run a
 * numbered box on its actor's lifeline with its clause, and beside it the step's description from
 * the model and every variable it changed (full values, wrapped, never cut); each message a
 * <em>horizontal</em> arrow right under the step that sent it, labelled with that step's number.
 * Channel faults are drawn as such: a lost message's arrow stops half-way, crossed out; a message
 * whose integrity check fails is crossed out at its receiver; a duplicated or replayed copy is a
 * dashed red arrow of its own, at the fault's step. A message taken later than the next row says
 * by which step ({@code → 7}). The end of the run shows the state that violates the property: for
 * an agreement both sides side by side with {@code ≠}, for freshness the repeated value and the
 * step it repeats, otherwise the variables the property reads; a lasso's cycle is framed as a UML
 * {@code loop} fragment that names its first step, a run that stops is marked where it stops.
 *
 * <p>Layout: text widths are estimated by {@link TextMetrics} (no font needed, the same on every
 * machine); the gaps between lifelines grow until every header, arrow label and final value fits,
 * and each row is as tall as its text. No two texts overlap (a test parses the SVG and checks it).
 *
 * <p>The SVG is plain SVG 1.1 with presentation attributes only — no CSS, no markers, no fonts
 * embedded, an explicit {@code font-family} on every text — so that Word and LibreOffice import it
 * as drawn. Elements carry {@code class} names ({@code lifeline}, {@code step}, {@code arrow},
 * {@code fault}, {@code final}, {@code loop}) that tests and the HTML report's styles may use, but
 * nothing depends on them. Every text from the model goes through {@link Escaping#markup}.
 */
public final class SequenceChart {

	static final String FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif";
	private static final double MARGIN = 16;
	private static final double SIZE = 11;
	private static final double SMALL = 9.5;
	private static final double LINE = 14;
	private static final double SMALL_LINE = 12;
	private static final double NOTE_WIDTH = 240;
	private static final double BOX_TEXT = 170;
	private static final double LABEL_MAX = 300;
	private static final double FINAL_TEXT = 230;
	private static final String RED = "#a31515";

	/** A message put on a lane (sent, or copied by a fault) and what became of it. */
	private static final class Send {
		final int row;
		final String from;
		final String to;
		final String message;
		final String channel;
		final String kind;
		String fate = "inflight";
		int fateRow = -1;

		Send(int row, String from, String to, String message, String channel, String kind) {
			this.row = row;
			this.from = from;
			this.to = to;
			this.message = message;
			this.channel = channel;
			this.kind = kind;
		}
	}

	private final Trace trace;
	private final ChartNotes notes;
	private final int instances;
	private final List<String> lifelines = new ArrayList<>();
	private final Map<String, Double> xs = new HashMap<>();
	private final StringBuilder body = new StringBuilder();
	private double width;

	private SequenceChart(Trace trace, ChartNotes notes, int instances) {
		this.trace = trace;
		this.notes = notes == null ? ChartNotes.NONE : notes;
		this.instances = instances;
	}

	/**
	 * The chart of {@code trace} with nothing from the model: lifelines named by role, no
	 * descriptions, no final values. {@code verdictLine} labels the end (e.g. "violates P").
	 */
	public static String render(Trace trace, String verdictLine, int instances) {
		return render(trace, verdictLine, instances, ChartNotes.NONE, null);
	}

	/**
	 * The chart of {@code trace}.
	 *
	 * @param verdictLine what the run shows, written at its end (e.g. "violates keysAgree [X.2.3]")
	 * @param instances   the run's instances; above 1 the lifelines are per instance ({@code UE #0})
	 * @param notes       display names, descriptions and property subjects from the model
	 * @param property    the property violated, whose subject ({@link ChartNotes#subjects()}) the
	 *                    final state shows; null for none (a dead step reached, an unhandled message)
	 */
	public static String render(Trace trace, String verdictLine, int instances, ChartNotes notes, String property) {
		return new SequenceChart(trace, notes, instances).draw(verdictLine, property);
	}

	private String draw(String verdictLine, String property) {
		placeLifelines();
		List<Send> sends = sends();
		Map<Integer, List<Send>> sentAt = new HashMap<>();
		Map<Integer, Send> faultOf = new HashMap<>();
		for (Send send : sends) {
			sentAt.computeIfAbsent(send.row, r -> new ArrayList<>()).add(send);
			if (send.fate.equals("lost") || send.fate.equals("discarded")) {
				faultOf.put(send.fateRow, send);
			}
		}
		List<FinalBox> finals = finalBoxes(property);
		double[] gaps = gaps(sends, finals);
		double x = MARGIN + (lifelines.isEmpty() ? 0 : half(leftmost(lifelines.get(0), finals)));
		for (int i = 0; i < lifelines.size(); i++) {
			xs.put(lifelines.get(i), x);
			x += i < gaps.length ? gaps[i] : 0;
		}
		width = x + MARGIN;

		double headerHeight = 0;
		for (String lifeline : lifelines) {
			headerHeight = Math.max(headerHeight, headerLines(lifeline).size() * LINE + 12);
		}
		double y = MARGIN + headerHeight + 16;
		Trace.Ending ending = trace.ending();
		double loopTop = -1;
		for (TraceStep step : trace.steps()) {
			if (ending.kind() == Trace.Ending.Kind.LOOP && step.index() == ending.loopStart() + 1) {
				loopTop = y;
				y += 26; // the fragment's label tab
			}
			if (!step.kind().isFault()) {
				y = stepBox(step, y);
			} else if (faultOf.containsKey(step.index())) {
				y = faultNote(step, faultOf.get(step.index()), y);
			} else if (!sentAt.containsKey(step.index())) {
				// a fault with no message of ours (nothing matched): still a numbered row
				y = text(MARGIN, y + SIZE, "start", SIZE, false, RED, "fault", step.index() + ". " + step.step(), null)
						+ 8;
			}
			for (Send send : sentAt.getOrDefault(step.index(), List.of())) {
				y = arrow(send, y);
			}
		}
		if (loopTop >= 0) {
			String label = "loop: steps " + (ending.loopStart() + 1) + "–" + trace.steps().size() + " repeat forever ("
					+ (ending.loopStart() == 0 ? "from the initial state" : "back to the state after step " + ending
							.loopStart()) + ")";
			double tab = TextMetrics.width(label, SIZE, true) + 20;
			body.append(String.format(Locale.ROOT, "<g class=\"loop\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
					+ "height=\"%.1f\" fill=\"none\" stroke=\"#6a3d9a\" stroke-width=\"1.5\"/><path d=\"M %.1f %.1f h %.1f v 12 "
					+ "l -8 8 h %.1f z\" fill=\"#f3eefa\" stroke=\"#6a3d9a\"/>", MARGIN / 2, loopTop, width - MARGIN, y
							- loopTop + 4, MARGIN / 2, loopTop, tab, -(tab - 8)));
			text(MARGIN / 2 + 6, loopTop + 14, "start", SIZE, true, "#4b2c7a", "looplabel", label, null);
			body.append("</g>");
			width = Math.max(width, MARGIN + tab + MARGIN);
			y += 12;
		} else if (ending.kind() == Trace.Ending.Kind.STOPS) {
			y = text(MARGIN, y + SIZE, "start", SIZE, true, RED, "stops", "■ the run stops here: it stays in this "
					+ "state forever (no shall step can change it)", null) + 10;
		}
		y = finalState(finals, y + 6);
		List<String> verdict = TextMetrics.wrap(verdictLine, Math.max(200, width - 2 * MARGIN - 20), SIZE, true);
		double bar = verdict.size() * LINE + 10;
		body.append(String.format(Locale.ROOT, "<g class=\"verdict\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				+ "height=\"%.1f\" fill=\"#fde8e8\" stroke=\"%s\" stroke-dasharray=\"6 3\"/>", MARGIN / 2, y, width - MARGIN,
				bar, RED));
		double ty = y + 5 + SIZE;
		for (String line : verdict) {
			text(MARGIN / 2 + 10, ty, "start", SIZE, true, RED, "verdictline", line, null);
			ty += LINE;
		}
		body.append("</g>");
		y += bar;
		double height = y + MARGIN;

		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"msc\" "
				+ "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\" font-size=\"%.0f\">",
				Math.ceil(width), Math.ceil(height), Math.ceil(width), Math.ceil(height), FONT, SIZE));
		svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>",
				Math.ceil(width), Math.ceil(height)));
		for (String lifeline : lifelines) {
			double lx = xs.get(lifeline);
			double w = headerWidth(lifeline);
			svg.append(String.format(Locale.ROOT, "<g class=\"lifeline\" data-role=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\" "
					+ "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888888\" stroke-dasharray=\"5 4\"/><rect x=\"%.1f\" y=\"%.1f\" "
					+ "width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\" stroke=\"#222222\"/>", escape(lifeline), lx, MARGIN
							+ headerHeight, lx, height - MARGIN, lx - w / 2, MARGIN, w, headerHeight));
			StringBuilder saved = new StringBuilder(body);
			body.setLength(0);
			List<String> lines = headerLines(lifeline);
			double ty2 = MARGIN + (headerHeight - lines.size() * LINE) / 2 + SIZE;
			for (int i = 0; i < lines.size(); i++) {
				text(lx, ty2, "middle", i == 0 ? SIZE : SMALL, i == 0, i == 0 ? "#000000" : "#555555", "head", lines.get(
						i), null);
				ty2 += LINE;
			}
			svg.append(body).append("</g>");
			body.setLength(0);
			body.append(saved);
		}
		svg.append(body).append("</svg>");
		return svg.toString();
	}

	// ---------------------------------------------------------------- lifelines and messages

	private void placeLifelines() {
		Set<String> roles = new LinkedHashSet<>();
		Set<Integer> seen = new java.util.TreeSet<>();
		for (TraceStep step : trace.steps()) {
			seen.add(step.instance());
			if (!step.kind().isFault()) {
				roles.add(step.role());
			}
			for (Exchange exchange : step.exchanges()) {
				roles.add(exchange.from());
				roles.add(exchange.to());
			}
		}
		// the model's order of roles, as a CR's figure has them; roles it does not know after
		List<String> ordered = new ArrayList<>();
		for (String role : notes.roles().keySet()) {
			if (roles.contains(role)) {
				ordered.add(role);
			}
		}
		for (String role : roles) {
			if (!ordered.contains(role)) {
				ordered.add(role);
			}
		}
		for (String role : ordered) {
			if (instances > 1) {
				for (int instance : seen) {
					lifelines.add(lifeline(role, instance));
				}
			} else {
				lifelines.add(role);
			}
		}
	}

	private String lifeline(String role, int instance) {
		return instances > 1 ? role + " #" + instance : role;
	}

	private List<String> headerLines(String lifeline) {
		int hash = lifeline.lastIndexOf(" #");
		String role = instances > 1 && hash > 0 ? lifeline.substring(0, hash) : lifeline;
		String suffix = instances > 1 && hash > 0 ? lifeline.substring(hash) : "";
		String display = notes.roleName(role);
		List<String> lines = new ArrayList<>(TextMetrics.wrap(display + suffix, BOX_TEXT, SIZE, true));
		if (!display.equals(role)) {
			lines.add(role + suffix);
		}
		return lines;
	}

	private double headerWidth(String lifeline) {
		double w = 90;
		List<String> lines = headerLines(lifeline);
		for (int i = 0; i < lines.size(); i++) {
			w = Math.max(w, TextMetrics.width(lines.get(i), i == 0 ? SIZE : SMALL, i == 0) + 20);
		}
		return w;
	}

	/** Every message put on a lane, with its fate, matched first in, first out per lane and message. */
	private List<Send> sends() {
		List<Send> sends = new ArrayList<>();
		Map<String, Deque<Send>> inFlight = new HashMap<>();
		for (TraceStep step : trace.steps()) {
			for (Exchange exchange : step.exchanges()) {
				String key = step.instance() + "|" + exchange.channel() + "|" + exchange.from() + "|" + exchange.to() + "|"
						+ exchange.message();
				String from = lifeline(exchange.from(), step.instance());
				String to = lifeline(exchange.to(), step.instance());
				switch (exchange.kind()) {
				case "sent", "duplicated", "replayed", "injected" -> {
					// semantics §4.5: an injected message goes into the sender's lane, from the attacker's lifeline
					Send send = new Send(step.index(), exchange.kind().equals("injected") ? lifeline(step.role(), step
							.instance()) : from, to, exchange.message(), exchange.channel(), exchange.kind());
					sends.add(send);
					inFlight.computeIfAbsent(key, k -> new ArrayDeque<>()).add(send);
				}
				case "received", "lost", "discarded" -> {
					Deque<Send> queue = inFlight.get(key);
					Send send = queue == null ? null : queue.poll();
					if (send == null) {
						// sent before the run shown: not in our traces, but drawn rather than dropped
						send = new Send(step.index(), from, to, exchange.message(), exchange.channel(), "sent");
						sends.add(send);
					}
					send.fate = exchange.kind();
					send.fateRow = step.index();
				}
				default -> {
				}
				}
			}
		}
		return sends;
	}

	// ---------------------------------------------------------------- widths

	/** The gaps between neighbouring lifelines: wide enough for headers, arrow labels and final values. */
	private double[] gaps(List<Send> sends, List<FinalBox> finals) {
		double[] gaps = new double[Math.max(0, lifelines.size() - 1)];
		for (int i = 0; i < gaps.length; i++) {
			gaps[i] = Math.max(150, half(headerWidth(lifelines.get(i))) + half(headerWidth(lifelines.get(i + 1))) + 24);
		}
		// a step's box never reaches the neighbouring lifeline
		for (TraceStep step : trace.steps()) {
			int column = step.kind().isFault() ? -1 : lifelines.indexOf(lifeline(step.role(), step.instance()));
			if (column >= 0) {
				double reach = half(boxWidth(step)) + 12;
				if (column > 0) {
					gaps[column - 1] = Math.max(gaps[column - 1], reach);
				}
				if (column < gaps.length) {
					gaps[column] = Math.max(gaps[column], reach);
				}
			}
		}
		for (Send send : sends) {
			int a = lifelines.indexOf(send.from);
			int b = lifelines.indexOf(send.to);
			if (a == b || a < 0 || b < 0) {
				continue;
			}
			double need = Math.min(TextMetrics.width(arrowLabel(send), SIZE, false), LABEL_MAX) + 30;
			widen(gaps, Math.min(a, b), Math.max(a, b), need);
		}
		// final boxes on neighbouring lifelines stand side by side (with room for ≠ between)
		Map<Integer, Double> finalWidths = new HashMap<>();
		for (FinalBox box : finals) {
			int column = lifelines.indexOf(box.lifeline);
			finalWidths.merge(column, box.width(), Math::max);
		}
		for (Map.Entry<Integer, Double> left : finalWidths.entrySet()) {
			for (Map.Entry<Integer, Double> right : finalWidths.entrySet()) {
				if (left.getKey() >= 0 && left.getKey() < right.getKey()) {
					widen(gaps, left.getKey(), right.getKey(), half(left.getValue()) + half(right.getValue()) + 36);
				}
			}
		}
		return gaps;
	}

	/** Widens the gaps from lifeline {@code a} to {@code b} evenly until they add up to {@code need}. */
	private static void widen(double[] gaps, int a, int b, double need) {
		double span = 0;
		for (int i = a; i < b; i++) {
			span += gaps[i];
		}
		if (span < need) {
			double extra = (need - span) / (b - a);
			for (int i = a; i < b; i++) {
				gaps[i] += extra;
			}
		}
	}

	/** The widest thing centred on a lifeline: its header, a step's box or a final box. */
	private double leftmost(String lifeline, List<FinalBox> finals) {
		double w = headerWidth(lifeline);
		for (TraceStep step : trace.steps()) {
			if (!step.kind().isFault() && lifeline(step.role(), step.instance()).equals(lifeline)) {
				w = Math.max(w, boxWidth(step));
			}
		}
		for (FinalBox box : finals) {
			if (box.lifeline().equals(lifeline)) {
				w = Math.max(w, box.width());
			}
		}
		return w;
	}

	private static List<String> boxTitle(TraceStep step) {
		// a CR numbers its steps: "step 2" reads better than a bare "2" after the run's own number
		String kind = step.kind() == TraceStep.Kind.EVENT ? "event " : !step.step().isEmpty() && Character.isDigit(step.step().charAt(0)) ? "step "
				: "";
		return TextMetrics.wrap(step.index() + ". " + kind + step.step(), BOX_TEXT, SIZE, true);
	}

	private static List<String> boxClause(TraceStep step) {
		return step.clause() == null ? List.of() : TextMetrics.wrap(step.clause(), BOX_TEXT, SMALL, false);
	}

	private static double boxWidth(TraceStep step) {
		double w = 80;
		for (String line : boxTitle(step)) {
			w = Math.max(w, TextMetrics.width(line, SIZE, true) + 16);
		}
		for (String line : boxClause(step)) {
			w = Math.max(w, TextMetrics.width(line, SMALL, false) + 16);
		}
		return w;
	}

	private static double half(double w) {
		return w / 2;
	}

	// ---------------------------------------------------------------- rows

	/** A step's box on its actor's lifeline, its description and changes beside it; returns the next row's y. */
	private double stepBox(TraceStep step, double y) {
		String lifeline = lifeline(step.role(), step.instance());
		double x = xs.getOrDefault(lifeline, MARGIN);
		List<String> title = boxTitle(step);
		List<String> clause = boxClause(step);
		double w = boxWidth(step);
		double h = title.size() * LINE + clause.size() * SMALL_LINE + 10;
		body.append(String.format(Locale.ROOT, "<g class=\"step\" data-step=\"%d\"><rect x=\"%.1f\" y=\"%.1f\" "
				+ "width=\"%.1f\" height=\"%.1f\" rx=\"4\" ry=\"4\" fill=\"#eef3fb\" stroke=\"#34527a\"/>", step.index(), x
						- w / 2, y, w, h));
		double ty = y + 4 + SIZE;
		for (String line : title) {
			text(x, ty, "middle", SIZE, true, "#000000", "label", line, null);
			ty += LINE;
		}
		ty -= LINE - SMALL_LINE;
		for (String line : clause) {
			text(x, ty, "middle", SMALL, false, "#555555", "clause", line, null);
			ty += SMALL_LINE;
		}
		body.append("</g>");
		// beside the box: the description (the CR's words), then what the step changed
		double nx = x + w / 2 + 8;
		double ny = y + SIZE;
		String description = notes.descriptions().get(step.step());
		if (description != null) {
			for (String line : TextMetrics.wrap("“" + description + "”", NOTE_WIDTH, SIZE, false)) {
				ny = text(nx, ny, "start", SIZE, false, "#333333", "description", line, "italic");
			}
		}
		for (Map.Entry<String, String> change : step.changed().entrySet()) {
			String name = change.getKey().substring(change.getKey().indexOf('.') + 1);
			for (String line : TextMetrics.wrap(name + " := " + change.getValue(), NOTE_WIDTH, SMALL + 0.5, false)) {
				ny = text(nx, ny, "start", SMALL + 0.5, false, "#1d5e2a", "note", line, null);
			}
		}
		width = Math.max(width, nx + NOTE_WIDTH + MARGIN);
		return Math.max(y + h, ny - SIZE) + 10;
	}

	/** A loss or failed integrity check, at the step of the run where the channel did it. */
	private double faultNote(TraceStep step, Send send, double y) {
		double a = xs.getOrDefault(send.from, MARGIN);
		double b = xs.getOrDefault(send.to, MARGIN);
		String what = send.fate.equals("lost") ? "lost on " + send.channel : "integrity check failed on " + send.channel
				+ ": discarded";
		String label = step.index() + ". " + what + " (" + send.message + " of step " + send.row + ")";
		double mid = send.fate.equals("lost") ? (a + b) / 2 : b;
		List<String> lines = TextMetrics.wrap(label, Math.max(160, Math.abs(b - a) - 20), SMALL + 0.5, false);
		body.append("<g class=\"fault\">");
		double ty = y + SIZE;
		for (String line : lines) {
			ty = text(mid, ty, anchorWithin(mid, line, SMALL + 0.5), SMALL + 0.5, true, RED, "faultlabel", line, null);
		}
		body.append("</g>");
		return ty - SIZE + 8;
	}

	/** Text centred at x, unless that would leave the chart on the left. */
	private static String anchorWithin(double x, String line, double size) {
		return x - TextMetrics.width(line, size, true) / 2 < 2 ? "start" : "middle";
	}

	private static String arrowLabel(Send send) {
		String label = send.row + ". " + send.message;
		if (send.kind.equals("duplicated") || send.kind.equals("replayed")) {
			label += " — " + send.kind + " by " + send.channel;
		} else if (send.kind.equals("injected")) {
			label += " — injected on " + send.channel;
		}
		if (send.fate.equals("received") && send.fateRow != send.row + 1) {
			label += " (→ " + send.fateRow + ")";
		} else if (send.fate.equals("inflight")) {
			label += " (never received)";
		}
		return label;
	}

	/** A message's horizontal arrow with its label above it; returns the next row's y. */
	private double arrow(Send send, double y) {
		double a = xs.getOrDefault(send.from, MARGIN);
		double b = xs.getOrDefault(send.to, MARGIN);
		boolean copy = !send.kind.equals("sent");
		String colour = copy || send.fate.equals("lost") || send.fate.equals("discarded") ? RED : "#222222";
		String css = "arrow" + (copy ? " " + send.kind : "") + (send.fate.equals("received") ? "" : " " + send.fate);
		double span = Math.abs(b - a);
		double mid = (a + b) / 2;
		List<String> lines = TextMetrics.wrap(arrowLabel(send), Math.max(120, Math.min(span - 20, LABEL_MAX)), SIZE,
				false);
		body.append("<g class=\"").append(css).append("\" data-step=\"").append(send.row).append("\">");
		double ty = y + SIZE;
		for (String line : lines) {
			ty = text(mid, ty, "middle", SIZE, false, copy ? RED : "#000000", "msg", line, null);
		}
		double ay = ty - SIZE + 6; // below the descenders, and the cross of a lost message clear of the label
		double direction = Math.signum(b - a) == 0 ? 1 : Math.signum(b - a);
		double end = send.fate.equals("lost") ? mid : b;
		String dash = copy || send.fate.equals("inflight") ? " stroke-dasharray=\"6 3\"" : "";
		body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
				+ "stroke-width=\"1.3\"%s/>", a, ay, end - (send.fate.equals("lost") ? 0 : direction * 8), ay, colour, dash));
		if (send.fate.equals("lost")) {
			cross(end, ay);
		} else {
			// the arrowhead as a polygon: Word draws SVG markers unreliably
			body.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>", b, ay,
					b - direction * 9, ay - 4, b - direction * 9, ay + 4, colour));
			if (send.fate.equals("discarded")) {
				cross(b - direction * 18, ay);
			}
		}
		body.append("</g>");
		return ay + 12;
	}

	private void cross(double x, double y) {
		body.append(String.format(Locale.ROOT, "<path class=\"cross\" d=\"M %.1f %.1f l 10 10 M %.1f %.1f l 10 -10\" "
				+ "stroke=\"%s\" stroke-width=\"2.2\" fill=\"none\"/>", x - 5, y - 5, x - 5, y + 5, RED));
	}

	// ---------------------------------------------------------------- the final state

	/** A box of values on a lifeline at the end of the run. */
	private record FinalBox(String lifeline, List<String> lines, String side) {
		double width() {
			double w = 60;
			for (String line : lines) {
				w = Math.max(w, TextMetrics.width(line, SIZE, false) + 20);
			}
			return w;
		}
	}

	/** The values the violated property is about, grouped by lifeline ({@code side} left, right or value). */
	private List<FinalBox> finalBoxes(String property) {
		ChartNotes.Subject subject = property == null ? null : notes.subjects().get(property);
		if (subject == null || trace.steps().isEmpty() && trace.initial().isEmpty()) {
			return List.of();
		}
		int instance = trace.steps().isEmpty() ? 0 : trace.steps().get(trace.steps().size() - 1).instance();
		Map<String, String> state = trace.lastState(instance);
		List<FinalBox> boxes = new ArrayList<>();
		switch (subject.kind()) {
		case "agreement" -> {
			boxes.addAll(group(subject.left(), state, instance, "left", List.of()));
			boxes.addAll(group(subject.right(), state, instance, "right", List.of()));
		}
		case "freshness" -> {
			int repeated = repeatedAt(subject.left(), instance);
			boxes.addAll(group(subject.left(), state, instance, "value", repeated < 0 ? List.of() : List.of(
					repeated == 0 ? "the same as at the start" : "the same as after step " + repeated)));
		}
		default -> boxes.addAll(group(subject.left(), state, instance, "value", List.of()));
		}
		return boxes;
	}

	private List<FinalBox> group(List<String> variables, Map<String, String> state, int instance, String side,
			List<String> extra) {
		Map<String, List<String>> byLifeline = new LinkedHashMap<>();
		for (String variable : variables) {
			int dot = variable.indexOf('.');
			String role = variable.substring(0, dot);
			String line = lifeline(role, instance);
			if (!lifelines.contains(line)) {
				continue; // a role the run never involves: no lifeline to stand on
			}
			String value = state.getOrDefault(variable, "?");
			byLifeline.computeIfAbsent(line, k -> new ArrayList<>()).addAll(TextMetrics.wrap(variable.substring(dot + 1)
					+ " = " + value, FINAL_TEXT, SIZE, false));
		}
		List<FinalBox> boxes = new ArrayList<>();
		byLifeline.forEach((line, lines) -> {
			List<String> all = new ArrayList<>(lines);
			for (String e : extra) {
				all.addAll(TextMetrics.wrap(e, FINAL_TEXT, SIZE, false));
			}
			boxes.add(new FinalBox(line, all, side));
		});
		return boxes;
	}

	/** The latest earlier state of {@code instance} (0 the initial one, k after step k) with the same values; -1 none. */
	private int repeatedAt(List<String> variables, int instance) {
		if (variables.isEmpty()) {
			return -1;
		}
		List<Map<String, String>> states = new ArrayList<>();
		List<Integer> after = new ArrayList<>();
		Map<String, String> state = new LinkedHashMap<>(trace.initial().get(instance));
		states.add(new LinkedHashMap<>(state));
		after.add(0);
		for (TraceStep step : trace.steps()) {
			if (step.instance() == instance) {
				state.putAll(step.changed());
				states.add(new LinkedHashMap<>(state));
				after.add(step.index());
			}
		}
		Map<String, String> last = states.get(states.size() - 1);
		for (int i = states.size() - 2; i >= 0; i--) {
			boolean same = true;
			for (String variable : variables) {
				same &= java.util.Objects.equals(states.get(i).get(variable), last.get(variable));
			}
			// a repeat of interest is one a step brought back, not a value that never changed
			if (same && changedBetween(variables, after.get(i), instance)) {
				return after.get(i);
			}
		}
		return -1;
	}

	private boolean changedBetween(List<String> variables, int from, int instance) {
		for (TraceStep step : trace.steps()) {
			if (step.index() > from && step.instance() == instance && variables.stream().anyMatch(step.changed()
					::containsKey)) {
				return true;
			}
		}
		return false;
	}

	private double finalState(List<FinalBox> boxes, double y) {
		if (boxes.isEmpty()) {
			return y;
		}
		double height = 0;
		for (FinalBox box : boxes) {
			height = Math.max(height, box.lines().size() * LINE + 10);
		}
		body.append("<g class=\"final\">");
		text(MARGIN, y + SIZE, "start", SIZE, true, RED, "finaltitle", "the state at the end of the run:", null);
		y += LINE + 6;
		Map<String, Double> stacked = new HashMap<>();
		for (FinalBox box : boxes) {
			double x = xs.get(box.lifeline());
			double w = box.width();
			double top = y + stacked.getOrDefault(box.lifeline(), 0.0);
			double h = box.lines().size() * LINE + 10;
			body.append(String.format(Locale.ROOT, "<rect class=\"state %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
					+ "height=\"%.1f\" rx=\"10\" ry=\"10\" fill=\"#fff4f4\" stroke=\"%s\" stroke-width=\"1.5\"/>", box.side(),
					x - w / 2, top, w, h, RED));
			double ty = top + 5 + SIZE;
			for (String line : box.lines()) {
				ty = text(x, ty, "middle", SIZE, false, "#000000", "value", line, null);
			}
			stacked.merge(box.lifeline(), h + 6, Double::sum);
			width = Math.max(width, x + w / 2 + MARGIN);
		}
		// an agreement's two sides differ: ≠ between them, when they stand on different lifelines
		FinalBox left = boxes.stream().filter(b -> b.side().equals("left")).findFirst().orElse(null);
		FinalBox right = boxes.stream().filter(b -> b.side().equals("right")).findFirst().orElse(null);
		if (left != null && right != null && !left.lifeline().equals(right.lifeline())) {
			double lx = xs.get(left.lifeline());
			double rx = xs.get(right.lifeline());
			double a = Math.min(lx, rx) + (lx < rx ? left.width() : right.width()) / 2;
			double b = Math.max(lx, rx) - (lx < rx ? right.width() : left.width()) / 2;
			text((a + b) / 2, y + 8 + SIZE + 3, "middle", 18, true, RED, "differs", "≠", null);
		}
		double tallest = 0;
		for (double h : stacked.values()) {
			tallest = Math.max(tallest, h);
		}
		body.append("</g>");
		return y + Math.max(height, tallest) + 8;
	}

	// ---------------------------------------------------------------- text

	/**
	 * One line of text on a white ground (it stays readable over lifelines), baseline at y; returns
	 * the next line's baseline.
	 */
	private double text(double x, double y, String anchor, double size, boolean bold, String fill, String css,
			String text, String style) {
		double w = TextMetrics.width(text, size, bold);
		double left = anchor.equals("middle") ? x - w / 2 : x;
		if (GROUNDED.contains(css)) {
			body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
				+ "fill=\"#ffffff\"/>", left - 1, y - size, w + 2, size * 1.3));
		}
		body.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
				+ "font-family=\"%s\" font-size=\"%s\"%s%s fill=\"%s\">%s</text>", css, x, y, anchor, FONT, number(size),
				bold ? " font-weight=\"bold\"" : "", style == null ? "" : " font-style=\"" + style + "\"", fill, escape(
						text)));
		width = Math.max(width, left + w + MARGIN);
		return y + (size >= SIZE ? LINE : SMALL_LINE);
	}

	/** The texts that may cross a lifeline, drawn on a white ground; the others stand in boxes of their own. */
	private static final Set<String> GROUNDED = Set.of("msg", "note", "description", "faultlabel", "fault", "stops",
			"finaltitle", "differs");

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String escape(String text) {
		return Escaping.markup(text);
	}
}
