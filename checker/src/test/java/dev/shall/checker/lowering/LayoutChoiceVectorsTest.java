package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.shall.model.Choice;
import dev.shall.model.IfStatement;
import dev.shall.model.Procedure;
import dev.shall.model.Statement;
import dev.shall.model.Transition;

/**
 * The choice vectors of a step against semantics §3.3: every path through the step's choices is a
 * move — a choice nested in a branch counts only on that branch, sequential choices multiply, the
 * two sides of an {@code if} are alternatives (only one runs, whatever the state) — and nothing
 * else is one. The definition is checked by executing the step's body, not by recounting it the
 * way {@link Layout#choiceVectors} does: under every outcome of its {@code if} conditions, the
 * vectors must run exactly the set of all runs through the choices.
 */
class LayoutChoiceVectorsTest {

	private static final Procedure CHOICES = Procedures.compile("""
			procedure Choices clause "t"
			role A { var b : bool = false  var n : 0..3 = 0 }
			role B { var r : bool = false }
			channel c : A -> B faults lossy capacity 1
			message M
			step plain clause "x": A shall { n := 1  send M on c }
			step three clause "x": A shall { either { } or { n := 1 } or { n := 2 } }
			step nested clause "x": A shall { either { either { } or { n := 1 } } or { n := 2 } }
			step sequential clause "x": A shall { either { } or { n := 1 }  either { } or { n := 2 } or { n := 3 } }
			step sides clause "x": A shall {
			  if b { either { } or { n := 1 } } else { either { } or { n := 2 } or { n := 3 } }
			}
			step thenOnly clause "x": A shall { if b { either { } or { n := 1 } } }
			step deep clause "x": A shall { %s }
			step take clause "x": B shall receive M on c { r := true }
			""".formatted(nested(20)));

	private final Layout layout = new Layout(CHOICES);

	/** {@code depth} two-way choices, each nested in the first branch of the one before. */
	private static String nested(int depth) {
		return depth == 0 ? "n := 1" : "either { " + nested(depth - 1) + " } or { }";
	}

	private List<Choice> choicesOf(Transition transition) {
		List<Choice> choices = new ArrayList<>();
		for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
			if (it.next() instanceof Choice choice) {
				choices.add(choice);
			}
		}
		return choices;
	}

	/** The vectors of a step restricted to its own choices (document order), as a set. */
	private Set<List<Integer>> projected(String step) {
		Transition transition = Procedures.transition(CHOICES, step);
		Set<List<Integer>> projected = new HashSet<>();
		for (int[] vector : layout.choiceVectors(layout.action(transition))) {
			List<Integer> own = new ArrayList<>();
			for (Choice choice : choicesOf(transition)) {
				own.add(vector[layout.indexOf(choice)]);
			}
			projected.add(own);
		}
		return projected;
	}

	@Test
	void choicesAreNumberedInDocumentOrderAcrossSteps() {
		List<Choice> all = new ArrayList<>();
		for (Transition transition : CHOICES.getTransitions()) {
			all.addAll(choicesOf(transition));
		}
		assertEquals(all, layout.choices());
		for (int i = 0; i < all.size(); i++) {
			assertEquals(i, layout.indexOf(all.get(i)));
		}
	}

	@Test
	void aStepWithoutChoicesAndAFaultHaveOneMoveEach() {
		int[] zero = new int[layout.choices().size()];
		List<int[]> plain = layout.choiceVectors(layout.action(Procedures.transition(CHOICES, "plain")));
		assertEquals(1, plain.size());
		assertArrayEquals(zero, plain.get(0));
		for (Action action : layout.actions()) {
			if (action.kind() != Action.Kind.TRANSITION) {
				List<int[]> vectors = layout.choiceVectors(action);
				assertEquals(1, vectors.size(), action.name());
				assertArrayEquals(zero, vectors.get(0), action.name());
			}
		}
	}

	// semantics §3.3
	@Test
	void aChoiceHasOneMovePerBranch() {
		assertEquals(Set.of(List.of(0), List.of(1), List.of(2)), projected("three"));
	}

	// semantics §3.3: a choice nested in a branch counts only on that branch
	@Test
	void aNestedChoiceCountsOnlyOnItsBranch() {
		assertEquals(Set.of(List.of(0, 0), List.of(0, 1), List.of(1, 0)), projected("nested"));
		assertEquals(21, projected("deep").size(), "20 nested two-way choices: 21 paths, not 2^20");
	}

	// semantics §3.3: sequential choices multiply
	@Test
	void sequentialChoicesMultiply() {
		Set<List<Integer>> expected = new HashSet<>();
		for (int first = 0; first < 2; first++) {
			for (int second = 0; second < 3; second++) {
				expected.add(List.of(first, second));
			}
		}
		assertEquals(expected, projected("sequential"));
	}

	// semantics §3.3: of the two sides of an if only one runs, so each side needs all its own paths
	@Test
	void theSidesOfAnIfAreAlternatives() {
		Set<List<Integer>> sides = projected("sides");
		assertEquals(3, sides.size(), "max(2, 3), not 2 + 3 nor 2 × 3");
		assertEquals(Set.of(0, 1), column(sides, 0));
		assertEquals(Set.of(0, 1, 2), column(sides, 1));
		assertEquals(Set.of(List.of(0), List.of(1)), projected("thenOnly"));
	}

	private static Set<Integer> column(Set<List<Integer>> vectors, int index) {
		Set<Integer> column = new HashSet<>();
		for (List<Integer> vector : vectors) {
			column.add(vector.get(index));
		}
		return column;
	}

	@Test
	void theDefinitionHoldsForEveryStepHere() {
		checkDefinition(layout);
	}

	/** Random bodies of choices, conditionals and assignments, nested up to four deep. */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void theDefinitionHoldsForRandomBodies(long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder("""
				procedure RandomChoices clause "t"
				role A { var b : bool = false  var n : 0..3 = 0 }
				""");
		for (int s = 0; s < 25; s++) {
			Body body;
			do {
				body = block(random, 0);
			} while (body.paths() > 2_000 || body.conditionals() > 6);
			text.append("step s").append(s).append(" clause \"x\": A shall { ").append(body.text()).append(" }\n");
		}
		checkDefinition(new Layout(Procedures.compile(text.toString())));
	}

	/**
	 * A generated statement sequence, its number of paths (to stay within what validation allows)
	 * and of conditionals (the check runs every combination of their outcomes).
	 */
	private record Body(String text, long paths, int conditionals) {
	}

	private static Body block(Random random, int depth) {
		StringBuilder text = new StringBuilder();
		long paths = 1;
		int conditionals = 0;
		int statements = depth == 0 ? 1 + random.nextInt(3) : random.nextInt(3);
		for (int i = 0; i < statements; i++) {
			switch (depth >= 4 ? 0 : random.nextInt(5)) {
			case 1, 2 -> {
				Body first = block(random, depth + 1);
				long own = first.paths();
				conditionals += first.conditionals();
				text.append("either { ").append(first.text()).append(" }");
				for (int more = 1 + random.nextInt(2); more > 0; more--) {
					Body branch = block(random, depth + 1);
					own += branch.paths();
					conditionals += branch.conditionals();
					text.append(" or { ").append(branch.text()).append(" }");
				}
				paths *= own;
			}
			case 3 -> {
				Body then = block(random, depth + 1);
				text.append("if ").append(random.nextBoolean() ? "b" : "n == 1").append(" { ").append(then.text())
						.append(" }");
				long own = then.paths();
				conditionals += 1 + then.conditionals();
				if (random.nextBoolean()) {
					Body otherwise = block(random, depth + 1);
					own = Math.max(own, otherwise.paths());
					conditionals += otherwise.conditionals();
					text.append(" else { ").append(otherwise.text()).append(" }");
				}
				paths *= own;
			}
			default -> text.append("n := ").append(random.nextInt(4));
			}
			text.append("  ");
		}
		return new Body(text.toString(), paths, conditionals);
	}

	/**
	 * The number of paths as the front end counts them to bound it (ShallValidator.choicePaths,
	 * Limits.MAX_VALUES per step): sequences multiply, a choice adds its branches, an if takes its
	 * larger side. The checker must enumerate no more than what was bounded.
	 */
	private static long countedPaths(List<Statement> statements) {
		long paths = 1;
		for (Statement statement : statements) {
			if (statement instanceof Choice choice) {
				long own = 0;
				for (var branch : choice.getBranches()) {
					own += countedPaths(branch.getStatements());
				}
				paths *= own;
			} else if (statement instanceof IfStatement conditional) {
				paths *= Math.max(countedPaths(conditional.getThen()), countedPaths(conditional.getElse()));
			}
		}
		return paths;
	}

	/** Checks semantics §3.3 for every step of the layout (see the class comment). */
	private static void checkDefinition(Layout layout) {
		for (Action action : layout.actions()) {
			if (action.kind() != Action.Kind.TRANSITION) {
				continue;
			}
			Transition transition = action.transition();
			List<int[]> vectors = layout.choiceVectors(action);
			String where = transition.getName();
			assertEquals(countedPaths(transition.getBody()), vectors.size(), where + ": as many moves as the front end bounds");
			Set<List<Integer>> distinct = new HashSet<>();
			for (int[] vector : vectors) {
				assertEquals(layout.choices().size(), vector.length, where);
				assertTrue(distinct.add(Arrays.stream(vector).boxed().toList()), where + ": the same move twice");
				for (int c = 0; c < vector.length; c++) {
					Choice choice = layout.choices().get(c);
					boolean mine = EcoreUtil.isAncestor(transition, choice);
					assertTrue(vector[c] >= 0 && vector[c] < (mine ? choice.getBranches().size() : 1),
							where + ": entry " + c + " = " + vector[c]);
				}
				offBranchChoicesAreZero(layout, transition.getBody(), vector, where);
			}
			List<IfStatement> conditionals = new ArrayList<>();
			for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
				if (it.next() instanceof IfStatement conditional) {
					conditionals.add(conditional);
				}
			}
			for (int outcomes = 0; outcomes < 1 << conditionals.size(); outcomes++) {
				Map<IfStatement, Boolean> taken = new IdentityHashMap<>();
				for (int i = 0; i < conditionals.size(); i++) {
					taken.put(conditionals.get(i), (outcomes >> i & 1) == 1);
				}
				Set<String> runs = new LinkedHashSet<>();
				for (int[] vector : vectors) {
					runs.add(run(layout, transition.getBody(), vector, taken));
				}
				assertEquals(new HashSet<>(allRuns(layout, transition.getBody(), taken)), runs,
						where + " under if outcomes " + Integer.toBinaryString(outcomes));
			}
		}
	}

	/** The choices a vector leaves (a choice in a branch the vector does not take) are 0. */
	private static void offBranchChoicesAreZero(Layout layout, List<Statement> statements, int[] vector, String where) {
		for (Statement statement : statements) {
			if (statement instanceof Choice choice) {
				int taken = vector[layout.indexOf(choice)];
				for (int b = 0; b < choice.getBranches().size(); b++) {
					if (b == taken) {
						offBranchChoicesAreZero(layout, choice.getBranches().get(b).getStatements(), vector, where);
						continue;
					}
					for (TreeIterator<EObject> it = choice.getBranches().get(b).eAllContents(); it.hasNext();) {
						if (it.next() instanceof Choice untaken) {
							assertEquals(0, vector[layout.indexOf(untaken)], where + ": a choice off the branch taken");
						}
					}
				}
			} else if (statement instanceof IfStatement conditional) {
				offBranchChoicesAreZero(layout, conditional.getThen(), vector, where);
				offBranchChoicesAreZero(layout, conditional.getElse(), vector, where);
			}
		}
	}

	/** The choices a body makes, in order, when run with the vector under the if outcomes. */
	private static String run(Layout layout, List<Statement> statements, int[] vector, Map<IfStatement, Boolean> taken) {
		StringBuilder run = new StringBuilder();
		for (Statement statement : statements) {
			if (statement instanceof Choice choice) {
				int branch = vector[layout.indexOf(choice)];
				run.append(" c").append(layout.indexOf(choice)).append('=').append(branch).append(run(layout, choice
						.getBranches().get(branch).getStatements(), vector, taken));
			} else if (statement instanceof IfStatement conditional) {
				run.append(run(layout, taken.get(conditional) ? conditional.getThen() : conditional.getElse(), vector,
						taken));
			}
		}
		return run.toString();
	}

	/** Every sequence of choices the body can make under the if outcomes. */
	private static List<String> allRuns(Layout layout, List<Statement> statements, Map<IfStatement, Boolean> taken) {
		List<String> runs = List.of("");
		for (Statement statement : statements) {
			List<String> own;
			if (statement instanceof Choice choice) {
				own = new ArrayList<>();
				for (int b = 0; b < choice.getBranches().size(); b++) {
					for (String inside : allRuns(layout, choice.getBranches().get(b).getStatements(), taken)) {
						own.add(" c" + layout.indexOf(choice) + "=" + b + inside);
					}
				}
			} else if (statement instanceof IfStatement conditional) {
				own = allRuns(layout, taken.get(conditional) ? conditional.getThen() : conditional.getElse(), taken);
			} else {
				continue;
			}
			List<String> longer = new ArrayList<>();
			for (String before : runs) {
				for (String after : own) {
					longer.add(before + after);
				}
			}
			runs = longer;
		}
		return runs;
	}
}
