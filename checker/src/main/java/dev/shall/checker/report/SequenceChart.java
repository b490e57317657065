package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.trace.Exchange;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceStep;

/**
 * A message sequence chart of a trace, as SVG, in the manner of the figures of 3GPP TS 33.401: a
 * lifeline per role (and instance), each step as a numbered box on the acting lifeline with its
 * clause, each message as an arrow from the step that sent it to the step that received it
 * (slanted when others acted in between), losses and failed integrity checks marked with a cross,
 * the variables a step changed in a note beside it, and the state that violates the property
 * highlighted at the end; a lasso's cycle framed as a UML {@code loop} fragment, a run that stops
 * marked where it stops. Every text from the model goes through {@link Escaping#markup}.
 */
public final class SequenceChart {

	private static final int LEFT = 40;
	private static final int COLUMN = 190;
	private static final int HEADER = 60;
	private static final int LINE = 14;

	/** A message sent and not yet received: where its arrow starts (at the sending box's edge, if boxed). */
	private record Pending(double x, double y, int step, boolean boxed) {
	}

	private final StringBuilder svg = new StringBuilder();
	private final Map<String, Integer> columns = new LinkedHashMap<>();

	private SequenceChart() {
	}

	/**
	 * The chart of {@code trace}; {@code verdictLine} labels the final state (e.g. "violates
	 * contextsMatchAfterHandover"), {@code instances} > 1 names lifelines by instance.
	 */
	public static String render(Trace trace, String verdictLine, int instances) {
		return new SequenceChart().draw(trace, verdictLine, instances);
	}

	private String draw(Trace trace, String verdictLine, int instances) {
		for (TraceStep step : trace.steps()) {
			if (step.exchanges().isEmpty() || !step.kind().isFault()) {
				column(lifeline(step.role(), step.instance(), instances));
			}
			for (Exchange exchange : step.exchanges()) {
				column(lifeline(exchange.from(), step.instance(), instances));
				column(lifeline(exchange.to(), step.instance(), instances));
			}
		}
		List<String> body = new ArrayList<>();
		Map<String, Deque<Pending>> inFlight = new HashMap<>();
		double y = HEADER + 20;
		double width = LEFT * 2 + COLUMN * Math.max(1, columns.size()) + 150; // room for the notes of the last lifeline
		Trace.Ending ending = trace.ending();
		double cycleTop = -1;
		for (TraceStep step : trace.steps()) {
			int notes = Math.max(0, step.changed().size() - 1);
			double rowHeight = 46 + LINE * notes;
			if (ending.kind() == Trace.Ending.Kind.LOOP && step.index() == ending.loopStart() + 1) {
				// the lasso's cycle (semantics §6.4) is a UML "loop" fragment: it leaves room for its label
				cycleTop = y;
				y += 22;
			}
			boolean fault = step.kind().isFault();
			String actor = fault ? null : lifeline(step.role(), step.instance(), instances);
			if (actor != null) {
				double x = x(actor);
				body.add(String.format("<g class=\"step\"><rect x=\"%.0f\" y=\"%.0f\" width=\"150\" height=\"30\" rx=\"4\" "
						+ "fill=\"#eef3fb\" stroke=\"#34527a\"/><text x=\"%.0f\" y=\"%.0f\" class=\"label\">%s</text>"
						+ "<text x=\"%.0f\" y=\"%.0f\" class=\"clause\">%s</text></g>", x - 75, y, x, y + 13,
						escape(clip(step.index() + ". " + step.step(), 26)), x, y + 25,
						escape(step.clause() == null ? "" : clip(step.clause(), 28))));
				int line = 0;
				for (Map.Entry<String, String> change : step.changed().entrySet()) {
					String name = change.getKey().substring(change.getKey().indexOf('.') + 1);
					body.add(String.format("<text x=\"%.0f\" y=\"%.0f\" class=\"note\">%s</text>", x + 80, y + 11 + LINE
							* line++, escape(clip(name + " := " + change.getValue(), 34))));
				}
			}
			for (Exchange exchange : step.exchanges()) {
				String from = lifeline(exchange.from(), step.instance(), instances);
				String to = lifeline(exchange.to(), step.instance(), instances);
				String key = step.instance() + "|" + exchange.channel() + "|" + exchange.from() + "|" + exchange.message();
				switch (exchange.kind()) {
				case "sent", "duplicated", "replayed" -> {
					double startY = y + 30;
					inFlight.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new Pending(x(from), startY, step.index(),
							exchange.kind().equals("sent")));
					if (!exchange.kind().equals("sent")) {
						body.add(note(x(from), y + 12, exchange.kind() + " by the channel", "fault"));
					}
				}
				case "received" -> {
					Pending sent = take(inFlight, key, x(from), y);
					body.add(arrow(sent, x(to), y + 15, true, sent.step() + ". " + exchange.message(), "arrow", false));
				}
				case "lost" -> {
					Pending sent = take(inFlight, key, x(from), y);
					double midX = (sent.x() + x(to)) / 2;
					body.add(arrow(sent, midX, y + 15, false, sent.step() + ". " + exchange.message(), "arrow lost", true));
					body.add(note(midX, y + 32, step.index() + ". lost on " + exchange.channel(), "fault"));
				}
				case "discarded" -> {
					Pending sent = take(inFlight, key, x(from), y);
					body.add(arrow(sent, x(to), y + 15, false, sent.step() + ". " + exchange.message(), "arrow discarded",
							true));
					body.add(note(x(to), y + 32, step.index() + ". integrity check failed", "fault"));
				}
				default -> {
				}
				}
			}
			y += rowHeight;
		}
		// messages still in flight when the run ends
		for (Map.Entry<String, Deque<Pending>> entry : inFlight.entrySet()) {
			String[] parts = entry.getKey().split("\\|", 4);
			for (Pending pending : entry.getValue()) {
				String to = receiverOf(trace, parts, instances);
				if (to != null) {
					body.add(arrow(pending, x(to), pending.y() + 12, false, pending.step() + ". " + parts[3]
							+ " (in flight)", "arrow inflight", false));
				}
			}
		}
		if (cycleTop >= 0) {
			body.add(String.format("<g class=\"loop\"><rect x=\"12\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
					+ "stroke=\"#6a3d9a\" stroke-width=\"1.5\"/><path d=\"M 12 %.0f h 250 v 12 l -8 8 h -242 z\" fill=\"#f3eefa\" "
					+ "stroke=\"#6a3d9a\"/><text x=\"18\" y=\"%.0f\" class=\"looplabel\">%s</text></g>", cycleTop, width - 24, y
							- cycleTop - 6, cycleTop, cycleTop + 14, escape("loop forever: steps " + (ending.loopStart() + 1)
									+ "–" + trace.steps().size())));
		} else if (ending.kind() == Trace.Ending.Kind.STOPS) {
			body.add(note(LEFT + 75, y, "■ the run stops here: it stays in this state forever", "stops"));
			y += 16;
		}
		double height = y + 50;
		svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"msc\" width=\"%.0f\" height=\"%.0f\" "
				+ "viewBox=\"0 0 %.0f %.0f\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">", width, height,
				width, height));
		svg.append("<style>.label{text-anchor:middle;font-weight:bold}.clause{text-anchor:middle;fill:#555;font-size:9px}"
				+ ".note{fill:#1d5e2a;font-size:10px}.fault{fill:#a31515;font-size:10px;text-anchor:middle}"
				+ ".msg{font-size:10px}.arrow line{stroke:#222;stroke-width:1.2}.lost line,.discarded line{stroke:#a31515}"
				+ ".inflight line{stroke-dasharray:4 3}.head{font-weight:bold;text-anchor:middle}"
				+ ".looplabel{fill:#4b2c7a;font-weight:bold}.stops{fill:#a31515;font-weight:bold}</style>");
		svg.append("<defs><marker id=\"tip\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
				+ "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#222\"/></marker></defs>");
		for (String name : columns.keySet()) {
			double x = x(name);
			svg.append(String.format("<g class=\"lifeline\" data-role=\"%s\"><rect x=\"%.0f\" y=\"20\" width=\"150\" height=\"28\" "
					+ "fill=\"#fff\" stroke=\"#222\"/><text x=\"%.0f\" y=\"38\" class=\"head\">%s</text><line x1=\"%.0f\" y1=\"48\" "
					+ "x2=\"%.0f\" y2=\"%.0f\" stroke=\"#888\" stroke-dasharray=\"5 4\"/></g>", escape(name), x - 75, x,
					escape(clip(name, 24)), x, x, height - 20));
		}
		body.forEach(svg::append);
		svg.append(String.format("<g class=\"verdict\"><rect x=\"10\" y=\"%.0f\" width=\"%.0f\" height=\"24\" fill=\"#fde8e8\" "
				+ "stroke=\"#a31515\" stroke-dasharray=\"6 3\"/><text x=\"20\" y=\"%.0f\" fill=\"#a31515\" font-weight=\"bold\">%s</text></g>",
				y, width - 20, y + 16, escape(verdictLine)));
		svg.append("</svg>");
		return svg.toString();
	}

	private static Pending take(Map<String, Deque<Pending>> inFlight, String key, double fallbackX, double y) {
		Deque<Pending> queue = inFlight.get(key);
		if (queue == null || queue.isEmpty()) {
			return new Pending(fallbackX, y + 15, 0, false); // sent before the run shown (not in our traces, but safe)
		}
		return queue.poll();
	}

	private String receiverOf(Trace trace, String[] key, int instances) {
		for (TraceStep step : trace.steps()) {
			for (Exchange exchange : step.exchanges()) {
				if (exchange.channel().equals(key[1]) && exchange.from().equals(key[2]) && exchange.message().equals(key[3])) {
					return lifeline(exchange.to(), Integer.parseInt(key[0]), instances);
				}
			}
		}
		return null;
	}

	/** An arrow from a pending send to (x2, y2), leaving and entering step boxes at their edges. */
	private String arrow(Pending from, double x2, double y2, boolean boxedEnd, String label, String style, boolean cross) {
		double direction = Math.signum(x2 - from.x());
		double x1 = from.x() + (from.boxed() ? direction * 75 : 0);
		double y1 = from.y() - (from.boxed() ? 15 : 0);
		x2 -= boxedEnd ? direction * 75 : 0;
		StringBuilder out = new StringBuilder(String.format("<g class=\"%s\"><line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"%s/>",
				style, x1, y1, x2, y2, cross ? "" : " marker-end=\"url(#tip)\""));
		if (cross) {
			out.append(String.format("<path d=\"M %.0f %.0f l 8 8 m -8 0 l 8 -8\" stroke=\"#a31515\" stroke-width=\"2\" "
					+ "transform=\"translate(-4 -4)\"/>", x2, y2));
		}
		// labels sit near the start, where crossing arrows are still apart
		double labelX = x1 + (x2 - x1) * 0.3;
		double labelY = y1 + (y2 - y1) * 0.3 - 4;
		out.append(String.format("<text x=\"%.0f\" y=\"%.0f\" class=\"msg\" text-anchor=\"middle\">%s</text></g>", labelX,
				labelY, escape(clip(label, 40))));
		return out.toString();
	}

	private static String note(double x, double y, String text, String style) {
		return String.format("<text x=\"%.0f\" y=\"%.0f\" class=\"%s\">%s</text>", x, y, style, escape(text));
	}

	private void column(String name) {
		columns.putIfAbsent(name, columns.size());
	}

	private double x(String lifeline) {
		return LEFT + 75 + COLUMN * columns.getOrDefault(lifeline, 0);
	}

	private static String lifeline(String role, int instance, int instances) {
		return instances > 1 ? role + " #" + instance : role;
	}

	private static String clip(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	private static String escape(String text) {
		return Escaping.markup(text);
	}
}
