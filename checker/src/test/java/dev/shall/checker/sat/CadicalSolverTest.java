package dev.shall.checker.sat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The native backend ({@link CadicalSolver}) against the {@link SatSolver} contract as the engines
 * use it — incremental clauses, assumptions for one call, failed assumptions, models that last
 * until the next call, budgets, interruption — and against SAT4J on random CNFs. The tests that
 * need the library are skipped (an assumption) where it is not installed or the JDK is older
 * than 22; the choice of backend is tested everywhere.
 */
class CadicalSolverTest {

	private static void native_() {
		assumeTrue(CadicalSolver.available(), () -> "CaDiCaL not available: " + CadicalSolver.unavailableReason());
	}

	@Test
	void theBackendIsChosenByNameAndNeverSilentlyReplaced() {
		assertEquals(SatBackend.SAT4J, SatBackend.parse("sat4j"));
		assertEquals(CadicalSolver.available() ? SatBackend.CADICAL : SatBackend.SAT4J, SatBackend.parse("auto"));
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SatBackend.parse(
				"minisat"));
		assertTrue(unknown.getMessage().contains("sat4j, cadical or auto"), unknown.getMessage());
		if (CadicalSolver.available()) {
			assertEquals(SatBackend.CADICAL, SatBackend.parse("CaDiCaL"));
			assertTrue(SatBackend.CADICAL.describe().contains("cadical"), SatBackend.CADICAL.describe());
		} else {
			IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SatBackend.parse(
					"cadical"));
			assertTrue(missing.getMessage().contains(CadicalSolver.unavailableReason()), missing.getMessage());
		}
		String before = System.getProperty(SatBackend.PROPERTY);
		try {
			System.setProperty(SatBackend.PROPERTY, "sat4j");
			assertEquals(SatBackend.SAT4J, SatBackend.selected());
			try (SatSolver solver = SatBackend.forEngine()) {
				assertTrue(solver instanceof Sat4jSolver);
			}
		} finally {
			if (before == null) {
				System.clearProperty(SatBackend.PROPERTY);
			} else {
				System.setProperty(SatBackend.PROPERTY, before);
			}
		}
		try (SatSolver reference = SatBackend.reference()) {
			assertTrue(reference instanceof Sat4jSolver, "certification stays on SAT4J");
		}
	}

	@Test
	void solvesIncrementallyUnderAssumptions() {
		native_();
		try (SatSolver solver = new CadicalSolver()) {
			int a = solver.newVariable(), b = solver.newVariable(), c = solver.newVariable();
			int unused = solver.newVariable();
			solver.addClause(a, b);
			solver.addClause(-a, c);
			assertEquals(SatAnswer.SAT, solver.solve());
			assertTrue(solver.value(a) || solver.value(b));
			solver.value(unused); // a variable in no clause has a value too
			assertEquals(SatAnswer.SAT, solver.solve(a));
			assertTrue(solver.value(a) && solver.value(c));
			// the model lasts until the next call, clauses added or not (as SAT4J's)
			boolean before = solver.value(c);
			solver.addClause(-c, b);
			assertEquals(before, solver.value(c));
			// assumptions hold for one call only
			assertEquals(SatAnswer.UNSAT, solver.solve(a, -b));
			int[] failed = solver.failedAssumptions();
			assertTrue(failed.length >= 1 && failed.length <= 2, Arrays.toString(failed));
			solver.addClause(c, unused); // the failed assumptions last until the next call too
			assertArrayEquals(failed, solver.failedAssumptions());
			assertEquals(SatAnswer.SAT, solver.solve(-a));
			assertTrue(!solver.value(a) && solver.value(b));
			// failed assumptions: a subset of those given, as given
			assertEquals(SatAnswer.UNSAT, solver.solve(unused, -a, -b));
			List<Integer> core = Arrays.stream(solver.failedAssumptions()).boxed().toList();
			assertTrue(List.of(-a, -b).containsAll(core) && !core.isEmpty(), core.toString());
			solver.addClause(-a);
			solver.addClause(-b);
			assertEquals(SatAnswer.UNSAT, solver.solve());
			assertEquals(0, solver.failedAssumptions().length, "unsatisfiable without assumptions");
			assertEquals(SatAnswer.UNSAT, solver.solve(c));
			assertEquals(4, solver.variables());
			assertEquals(6, solver.clauses());
		}
	}

	/** n+1 pigeons in n holes: hard for resolution, so budgets and interruption can be seen. */
	private static void pigeonhole(SatSolver solver, int holes) {
		int[][] in = new int[holes + 1][holes];
		for (int[] pigeon : in) {
			for (int h = 0; h < holes; h++) {
				pigeon[h] = solver.newVariable();
			}
			solver.addClause(pigeon.clone());
		}
		for (int h = 0; h < holes; h++) {
			for (int p = 0; p < in.length; p++) {
				for (int q = p + 1; q < in.length; q++) {
					solver.addClause(-in[p][h], -in[q][h]);
				}
			}
		}
	}

	@Test
	void budgetsAndInterruptionEndInUnknown() throws Exception {
		native_();
		try (SatSolver solver = new CadicalSolver()) {
			pigeonhole(solver, 12);
			solver.setConflictBudget(100);
			assertEquals(SatAnswer.UNKNOWN, solver.solve());
			assertTrue(solver.conflicts() >= 50, "learnt clauses counted: " + solver.conflicts());
			solver.setConflictBudget(0);
			solver.setDeadline(System.nanoTime() + 200_000_000L);
			long started = System.nanoTime();
			assertEquals(SatAnswer.UNKNOWN, solver.solve());
			assertTrue(System.nanoTime() - started < 5_000_000_000L, "stopped near the deadline");
			solver.setDeadline(Long.MAX_VALUE);
			Thread stopper = new Thread(() -> {
				try {
					Thread.sleep(200);
				} catch (InterruptedException e) {
					return;
				}
				solver.interrupt();
			});
			stopper.start();
			started = System.nanoTime();
			assertEquals(SatAnswer.UNKNOWN, solver.solve());
			assertTrue(System.nanoTime() - started < 5_000_000_000L, "stopped soon after the interruption");
			stopper.join();
			assertEquals(SatAnswer.UNKNOWN, solver.solve(), "an interrupted solver stays stopped");
		}
	}

	@Test
	void agreesWithSat4jOnRandomCnfsWithAssumptions() {
		native_();
		Random random = new Random(20261130);
		int sat = 0, unsat = 0;
		for (int round = 0; round < 150; round++) {
			int n = 20 + random.nextInt(40);
			int m = (int) (n * (3.6 + random.nextDouble()));
			List<int[]> clauses = new ArrayList<>();
			for (int i = 0; i < m; i++) {
				int[] clause = new int[3];
				for (int j = 0; j < 3; j++) {
					clause[j] = (1 + random.nextInt(n)) * (random.nextBoolean() ? 1 : -1);
				}
				clauses.add(clause);
			}
			int[] assumptions = new int[random.nextInt(4)];
			for (int j = 0; j < assumptions.length; j++) {
				assumptions[j] = (1 + random.nextInt(n)) * (random.nextBoolean() ? 1 : -1);
			}
			try (SatSolver cadical = new CadicalSolver(); SatSolver sat4j = new Sat4jSolver()) {
				for (int v = 0; v < n; v++) {
					cadical.newVariable();
					sat4j.newVariable();
				}
				// two calls on the same solver: the second after more clauses, as BMC asks
				for (int half = 0; half < 2; half++) {
					for (int[] clause : clauses.subList(half * m / 2, (half + 1) * m / 2)) {
						cadical.addClause(clause);
						sat4j.addClause(clause);
					}
					SatAnswer expected = sat4j.solve(assumptions);
					SatAnswer answer = cadical.solve(assumptions);
					assertEquals(expected, answer, "round " + round + ", half " + half);
					if (answer == SatAnswer.SAT) {
						sat++;
						for (int[] clause : clauses.subList(0, (half + 1) * m / 2)) {
							assertTrue(Arrays.stream(clause).anyMatch(l -> cadical.value(Math.abs(l)) == l > 0),
									"the model satisfies every clause");
						}
						for (int literal : assumptions) {
							assertEquals(literal > 0, cadical.value(Math.abs(literal)), "and the assumptions");
						}
					} else {
						unsat++;
						int[] failed = cadical.failedAssumptions();
						try (SatSolver check = new Sat4jSolver()) {
							for (int v = 0; v < n; v++) {
								check.newVariable();
							}
							clauses.subList(0, (half + 1) * m / 2).forEach(check::addClause);
							assertEquals(SatAnswer.UNSAT, check.solve(failed), "the failed assumptions alone are "
									+ "unsatisfiable with the clauses: " + Arrays.toString(failed));
						}
					}
				}
			}
		}
		assertTrue(sat > 20 && unsat > 20, "both answers exercised: " + sat + " / " + unsat);
	}
}
