package dev.shall.checker.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * {@link SatSolver#addTemporaryClause} and {@link SatSolver#retire} as IC3/PDR uses them: a
 * guarded clause constrains the calls that assume its guard, and once retired it constrains
 * nothing, neither directly nor through the clauses learnt from it (SAT4J detaches it and keeps
 * its learnt clauses). Checked on random CNFs against a fresh solver given the same clauses.
 */
class TemporaryClauseTest {

	@Test
	void aRetiredClauseConstrainsNothing() {
		try (SatSolver solver = new Sat4jSolver()) {
			int a = solver.newVariable();
			int b = solver.newVariable();
			solver.addClause(a, b);
			int guard = solver.newVariable();
			solver.addTemporaryClause(guard, -guard, -a);
			assertEquals(SatAnswer.UNSAT, solver.solve(guard, -b), "the clause holds under its guard");
			assertEquals(SatAnswer.SAT, solver.solve(-b), "and not without it");
			solver.retire(guard);
			assertEquals(SatAnswer.SAT, solver.solve(-b));
			assertTrue(solver.value(a));
			assertEquals(SatAnswer.UNSAT, solver.solve(guard), "a retired guard is false for good");
		}
	}

	@Test
	void aClauseAddedAfterTheTemporaryOneKeepsItAttachedButRetired() {
		try (SatSolver solver = new Sat4jSolver()) {
			int a = solver.newVariable();
			int b = solver.newVariable();
			int guard = solver.newVariable();
			solver.addTemporaryClause(guard, -guard, a);
			solver.addClause(a, b);
			solver.retire(guard);
			assertEquals(SatAnswer.SAT, solver.solve(-a));
			assertTrue(solver.value(b));
		}
	}

	@Test
	void randomQueriesAgreeWithAFreshSolver() {
		Random random = new Random(20261130);
		for (int round = 0; round < 30; round++) {
			check(random, Sat4jSolver::new);
			if (CadicalSolver.available()) {
				check(random, CadicalSolver::new);
			}
		}
	}

	/** Permanent clauses, then queries each with its own temporary clause; every answer checked against a fresh SAT4J. */
	private static void check(Random random, Supplier<SatSolver> backend) {
		int variables = 12;
		List<int[]> permanent = new ArrayList<>();
		try (SatSolver solver = backend.get()) {
			for (int v = 0; v < variables; v++) {
				solver.newVariable();
			}
			for (int c = 0; c < 30; c++) {
				int[] clause = randomClause(random, variables, 3);
				permanent.add(clause);
				solver.addClause(clause);
			}
			for (int query = 0; query < 25; query++) {
				int guard = solver.newVariable();
				// 1 to 4 literals besides the guard: binary clauses are stored apart in SAT4J
				int[] temporary = randomClause(random, variables, 1 + random.nextInt(4));
				int[] guarded = new int[temporary.length + 1];
				guarded[0] = -guard;
				System.arraycopy(temporary, 0, guarded, 1, temporary.length);
				solver.addTemporaryClause(guard, guarded);
				int[] cube = randomClause(random, variables, 3);
				int[] assumptions = new int[cube.length + 1];
				System.arraycopy(cube, 0, assumptions, 0, cube.length);
				assumptions[cube.length] = guard;
				List<int[]> expectedClauses = new ArrayList<>(permanent);
				expectedClauses.add(temporary);
				assertEquals(reference(variables, expectedClauses, cube), solver.solve(assumptions));
				solver.retire(guard);
				// without the temporary clause, whatever was learnt from it
				assertEquals(reference(variables, permanent, cube), solver.solve(cube));
				if (random.nextInt(4) == 0) {
					int[] clause = randomClause(random, variables, 3);
					permanent.add(clause);
					solver.addClause(clause);
				}
			}
		}
	}

	private static SatAnswer reference(int variables, List<int[]> clauses, int[] assumptions) {
		try (SatSolver fresh = new Sat4jSolver()) {
			for (int v = 0; v < variables; v++) {
				fresh.newVariable();
			}
			clauses.forEach(fresh::addClause);
			return fresh.solve(assumptions);
		}
	}

	private static int[] randomClause(Random random, int variables, int width) {
		int[] clause = new int[width];
		for (int i = 0; i < width; i++) {
			int variable = 1 + random.nextInt(variables);
			clause[i] = random.nextBoolean() ? variable : -variable;
		}
		return clause;
	}
}
