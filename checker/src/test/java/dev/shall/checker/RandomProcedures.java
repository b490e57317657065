package dev.shall.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates small random procedures as .shall text: two roles with a few variables of every
 * type, a channel with random faults (and sometimes keyed integrity), messages with fields,
 * steps that receive, test guards, assign, send, branch and choose, an environment event, an
 * option, and properties of every safety kind. The text goes through the real front end, so the
 * whole pipeline is under test. Deterministic for a seed.
 */
final class RandomProcedures {

	private final Random random;
	private final StringBuilder text = new StringBuilder();
	private final List<String[]> variables = new ArrayList<>(); // role, name, type
	private final List<String> steps = new ArrayList<>();
	private boolean keyed;

	RandomProcedures(long seed) {
		this.random = new Random(seed);
	}

	String generate(String name) {
		text.append("procedure ").append(name).append(" clause \"random\"\n");
		// D has alternative parents, so that the term offsets of the second parent are exercised too
		text.append("enum E { e0, e1, e2 }\nkey K { k1, k2 }\nkey H { h1 }\nkey D = d(K | H, n: 0..1)\n");
		boolean option = random.nextBoolean();
		if (option) {
			text.append("option o { yes, no }\n");
		}
		keyed = random.nextInt(4) == 0;
		for (String role : List.of("A", "B")) {
			text.append("role ").append(role).append(" {");
			int count = 1 + random.nextInt(3);
			for (int v = 0; v < count; v++) {
				String type = switch (random.nextInt(5)) {
				case 0 -> "bool";
				case 1 -> "0.." + (1 + random.nextInt(3));
				case 2 -> "E";
				case 3 -> "D?";
				default -> "K?";
				};
				String variable = role.toLowerCase() + v;
				variables.add(new String[] { role, variable, type });
				text.append(" var ").append(variable).append(" : ").append(type).append(" = ").append(initial(type));
			}
			text.append(keyed ? " var mk : K = k1" : "").append(" }\n");
		}
		if (keyed) {
			variables.add(new String[] { "A", "mk", "K" });
			variables.add(new String[] { "B", "mk", "K" });
		}
		text.append("channel c : A <-> B");
		if (keyed) {
			text.append(" integrity \"MAC\" keyed by A.mk and B.mk");
		}
		List<String> faults = new ArrayList<>();
		for (String fault : List.of("lossy", "reordering", "duplicating", "replaying")) {
			if (random.nextInt(5) == 0) {
				faults.add(fault);
			}
		}
		text.append(faults.isEmpty() ? " reliable" : " faults " + String.join(", ", faults));
		text.append(" capacity ").append(1 + random.nextInt(2)).append('\n');
		text.append("message M1 { f : 0..2 }\nmessage M2\n");
		int stepCount = 2 + random.nextInt(4);
		for (int s = 1; s <= stepCount; s++) {
			steps.add(Integer.toString(s));
		}
		for (int s = 1; s <= stepCount; s++) {
			step(Integer.toString(s), option);
		}
		if (random.nextBoolean()) {
			String role = random.nextBoolean() ? "A" : "B";
			text.append("event ev at ").append(role).append(" when ").append(condition(role, null, option))
					.append(" { ").append(statements(role, null, option, 1)).append(" }\n");
			steps.add("ev");
		}
		int properties = 1 + random.nextInt(3);
		for (int p = 0; p < properties; p++) {
			text.append("property p").append(p).append(" clause \"r\": ").append(property()).append('\n');
		}
		return text.toString();
	}

	private void step(String label, boolean option) {
		String role = random.nextBoolean() ? "A" : "B";
		text.append("step ").append(label).append(" clause \"s\": ").append(role)
				.append(random.nextBoolean() ? " shall" : " may");
		String received = null;
		if (random.nextInt(3) > 0) {
			received = random.nextBoolean() ? "M1" : "M2";
			text.append(" receive ").append(received).append(" as m on c");
		}
		if (random.nextInt(3) > 0) {
			text.append(" when ").append(condition(role, received, option));
		}
		text.append(" { ").append(statements(role, received, option, 2)).append(" }\n");
	}

	private String statements(String role, String received, boolean option, int depth) {
		StringBuilder body = new StringBuilder();
		int count = 1 + random.nextInt(3);
		for (int s = 0; s < count; s++) {
			int kind = random.nextInt(depth > 0 ? 6 : 3);
			switch (kind) {
			case 0, 1 -> body.append(assignment(role, received)).append(' ');
			case 2 -> body.append(random.nextBoolean() ? "send M1(f = " + intValue(role, received) + ") on c "
					: "send M2 on c ");
			case 3 -> body.append("if ").append(condition(role, received, option)).append(" { ")
					.append(statements(role, received, option, depth - 1)).append(" } else { ")
					.append(statements(role, received, option, depth - 1)).append(" } ");
			case 4 -> body.append("either { ").append(statements(role, received, option, depth - 1))
					.append(" } or { ").append(statements(role, received, option, depth - 1)).append(" } ");
			default -> body.append(assignment(role, received)).append(' ');
			}
		}
		return body.toString();
	}

	private String assignment(String role, String received) {
		String[] variable = pick(role);
		String type = variable[2];
		String value = switch (type) {
		case "bool" -> random.nextBoolean() ? "not " + variable[1] : random.nextBoolean() ? "true" : "false";
		case "E" -> "e" + random.nextInt(3);
		case "K?" -> random.nextInt(3) == 0 ? "none" : random.nextBoolean() ? "k1" : "k2";
		case "K" -> random.nextBoolean() ? "k1" : "k2";
		case "D?" -> switch (random.nextInt(4)) {
			case 0 -> "none";
			case 1 -> "D(h1, " + random.nextInt(2) + ")";
			case 2 -> "D(k" + (1 + random.nextInt(2)) + ", " + intValue(role, received) + ")";
			default -> "D(" + keyOf(role) + ", " + random.nextInt(2) + ")";
		};
		default -> random.nextBoolean() ? variable[1] + " + 1" : intValue(role, received);
		};
		return variable[1] + " := " + value;
	}

	/** A K-valued expression of the role: one of its K variables (possibly none) or a constant. */
	private String keyOf(String role) {
		for (String[] variable : variables) {
			if (variable[0].equals(role) && variable[2].startsWith("K") && random.nextBoolean()) {
				return variable[1];
			}
		}
		return "k" + (1 + random.nextInt(2));
	}

	private String intValue(String role, String received) {
		if ("M1".equals(received) && random.nextBoolean()) {
			return "m.f";
		}
		for (String[] variable : variables) {
			if (variable[0].equals(role) && variable[2].startsWith("0..") && random.nextBoolean()) {
				return variable[1];
			}
		}
		return Integer.toString(random.nextInt(3));
	}

	private String condition(String role, String received, boolean option) {
		String[] variable = pick(role);
		String atom = test(variable, "");
		if ("M1".equals(received) && random.nextBoolean()) {
			atom = "m.f " + (random.nextBoolean() ? "==" : "<") + " " + random.nextInt(3);
		}
		if (option && random.nextInt(3) == 0) {
			atom = "(" + atom + (random.nextBoolean() ? " and" : " or") + " o == " + (random.nextBoolean() ? "yes" : "no")
					+ ")";
		}
		return random.nextInt(4) == 0 ? "not " + atom : atom;
	}

	private String test(String[] variable, String prefix) {
		String name = prefix + variable[1];
		return switch (variable[2]) {
		case "bool" -> name;
		case "E" -> name + (random.nextBoolean() ? " == " : " != ") + "e" + random.nextInt(3);
		case "K?" -> name + (random.nextBoolean() ? " == none" : " == k" + (1 + random.nextInt(2)));
		case "K" -> name + " == k" + (1 + random.nextInt(2));
		case "D?" -> name + (random.nextBoolean() ? " == none" : " == D(" + (random.nextBoolean() ? "h1" : "k2") + ", "
				+ random.nextInt(2) + ")");
		default -> name + (random.nextBoolean() ? " < " : " == ") + random.nextInt(3);
		};
	}

	private String property() {
		String[] variable = variables.get(random.nextInt(variables.size()));
		String qualified = variable[0] + ".";
		return switch (random.nextInt(6)) {
		case 5 -> "step " + stepLabel() + " leads to " + (random.nextBoolean() ? "step " + stepLabel()
				: test(variable, qualified));
		case 0 -> "never " + test(variable, qualified);
		case 1 -> "always " + test(variable, qualified) + " or step " + stepLabel();
		case 2 -> "step " + stepLabel() + " before step " + stepLabel();
		case 3 -> {
			String[] other = sameType(variable);
			yield other == null ? "never " + test(variable, qualified)
					: "agree " + qualified + variable[1] + " with " + other[0] + "." + other[1] + " when step " + stepLabel();
		}
		default -> "fresh " + qualified + variable[1] + " when step " + stepLabel();
		};
	}

	private String[] sameType(String[] variable) {
		List<String[]> candidates = new ArrayList<>();
		for (String[] other : variables) {
			if (other != variable && other[2].replace("?", "").equals(variable[2].replace("?", ""))) {
				candidates.add(other);
			}
		}
		return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
	}

	private String stepLabel() {
		String label = steps.get(random.nextInt(steps.size()));
		return label.equals("ev") ? "ev" : label;
	}

	private String[] pick(String role) {
		List<String[]> own = variables.stream().filter(v -> v[0].equals(role)).toList();
		return own.get(random.nextInt(own.size()));
	}

	private static String initial(String type) {
		return switch (type) {
		case "bool" -> "false";
		case "E" -> "e0";
		case "K?", "D?" -> "none";
		default -> "0";
		};
	}
}
