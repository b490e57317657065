package dev.shall.checker.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.shall.model.Option;
import dev.shall.model.OptionValue;
import dev.shall.model.Procedure;
import dev.shall.model.Verdict;
import dev.shall.model.frontend.Limits;

/** Option combinations against semantics §1.1: every combination is a model of its own. */
class OptionAssignmentTest {

	private static final Procedure OPTIONS = Procedures.compile("""
			procedure Options clause "t"
			option o { a, b }
			option p { x, y, z }
			role A { var n : 0..1 = 0 }
			step 1 clause "1": A shall when o == a { n := 1 }
			property ordered clause "p": never A.n == 1
			  expect violated when o = a, p = x
			  expect holds when o = a
			  expect violated
			property plain clause "p": never A.n == 1
			property everywhere clause "p": never A.n == 1 expect violated
			""");

	// semantics §1.1: every combination of option values, each once
	@Test
	void everyCombinationOnce() {
		List<OptionAssignment> all = OptionAssignment.all(OPTIONS);
		assertEquals(2 * 3, all.size());
		Set<Map<String, String>> seen = new HashSet<>();
		for (OptionAssignment assignment : all) {
			assertEquals(List.of("o", "p"), List.copyOf(assignment.byName().keySet()), "declaration order");
			for (Option option : OPTIONS.getOptions()) {
				assertTrue(option.getValues().contains(assignment.values().get(option)), assignment.toString());
			}
			assertTrue(seen.add(assignment.byName()), "twice: " + assignment);
		}
	}

	// semantics §1.1: independent options are varied one at a time, the others at their first values
	@Test
	void independentOptionsAreCheckedOneReadingAtATime() {
		Procedure procedure = Procedures.compile("""
				procedure Independent clause "t"
				option o { a, b }
				option i { i1, i2 } independent
				option j { j1, j2, j3 } independent
				role A { var n : 0..1 = 0 }
				step 1 clause "1": A shall when o == a { n := 1 }
				""");
		List<OptionAssignment> all = OptionAssignment.all(procedure);
		assertEquals(List.of("{o=a, i=i1, j=j1}", "{o=a, i=i2, j=j1}", "{o=a, i=i1, j=j2}", "{o=a, i=i1, j=j3}",
				"{o=b, i=i1, j=j1}", "{o=b, i=i2, j=j1}", "{o=b, i=i1, j=j2}", "{o=b, i=i1, j=j3}"), all.stream().map(
						a -> a.byName().toString()).toList());
		assertEquals(all.size(), OptionAssignment.count(procedure));
		assertEquals(2 * 2 * 3, OptionAssignment.count(Procedures.compile("""
				procedure Crossed clause "t"
				option o { a, b }
				option i { i1, i2 }
				option j { j1, j2, j3 }
				role A { var n : 0..1 = 0 }
				step 1 clause "1": A shall when o == a { n := 1 }
				""")));
	}

	@Test
	void aProcedureWithoutOptionsIsOneModel() {
		Procedure none = Procedures.compile("""
				procedure NoOptions clause "t"
				role A { var n : 0..1 = 0 }
				step 1 clause "1": A shall when n == 0 { n := 1 }
				""");
		List<OptionAssignment> all = OptionAssignment.all(none);
		assertEquals(1, all.size());
		assertTrue(all.get(0).values().isEmpty());
		assertEquals("(no options)", all.get(0).toString());
	}

	// the limits of dev.shall.model.frontend.Limits: ten two-valued options, the most a file may ask
	@Test
	void theLargestNumberOfCombinationsAreAllDistinct() {
		StringBuilder text = new StringBuilder("procedure Many clause \"t\"\n");
		for (int o = 0; o < 10; o++) {
			text.append("option o").append(o).append(" { v0, v1 }\n");
		}
		text.append("role A { var n : 0..1 = 0 }\nstep 1 clause \"1\": A shall when n == 0 { n := 1 }\n");
		List<OptionAssignment> all = OptionAssignment.all(Procedures.compile(text.toString()));
		assertEquals(Limits.MAX_OPTION_COMBINATIONS, all.size());
		assertEquals(all.size(), new HashSet<>(all.stream().map(OptionAssignment::byName).toList()).size());
	}

	/** The first expectation whose conditions all hold decides; without one, the author expects holds. */
	@Test
	void theFirstMatchingExpectationDecides() {
		for (OptionAssignment assignment : OptionAssignment.all(OPTIONS)) {
			Map<String, String> values = assignment.byName();
			Verdict ordered = values.get("o").equals("a") ? values.get("p").equals("x") ? Verdict.VIOLATED
					: Verdict.HOLDS : Verdict.VIOLATED;
			assertEquals(ordered, assignment.expectedVerdict(Procedures.property(OPTIONS, "ordered")), values
					.toString());
			assertEquals(Verdict.HOLDS, assignment.expectedVerdict(Procedures.property(OPTIONS, "plain")));
			assertEquals(Verdict.VIOLATED, assignment.expectedVerdict(Procedures.property(OPTIONS, "everywhere")));
		}
	}

	@Test
	void anOptionTestHoldsForItsValueOnly() {
		var condition = Procedures.property(OPTIONS, "ordered").getExpectations().get(0).getConditions().get(0);
		for (OptionAssignment assignment : OptionAssignment.all(OPTIONS)) {
			assertEquals(assignment.byName().get("o").equals("a"), assignment.holds(condition), assignment.toString());
		}
	}

	@Test
	void anAssignmentIsAValue() {
		Option o = OPTIONS.getOptions().get(0);
		Option p = OPTIONS.getOptions().get(1);
		Map<Option, OptionValue> values = new LinkedHashMap<>();
		values.put(o, o.getValues().get(1));
		values.put(p, p.getValues().get(2));
		OptionAssignment assignment = new OptionAssignment(values);
		values.put(o, o.getValues().get(0));
		assertEquals("o=b, p=z", assignment.toString(), "a copy, not a view of the map it was made from");
		assertThrows(UnsupportedOperationException.class, () -> assignment.values().clear());
		assertTrue(OptionAssignment.all(OPTIONS).contains(assignment));
	}
}
