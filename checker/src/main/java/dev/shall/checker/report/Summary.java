package dev.shall.checker.report;

import dev.shall.checker.engine.Verdict;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * The counts of a run's summary line, shared by the text and HTML reports so that they agree and
 * add up. Verdicts on properties and bounds split into as expected, differ and unknown; the
 * questions "can step X happen" and "is message M handled" split apart from them: dead steps and
 * unhandled messages are findings, warnings unless an {@code expect} declares them (semantics
 * §7.6), and a declared one that is not found differs from its declaration. (Counting an unknown
 * step among the unknown verdicts while leaving it out of their total once printed a negative
 * "as expected".)
 *
 * @param verdicts      verdicts on properties and bounds
 * @param asExpected    those equal to their expectation
 * @param differ        those that differ from it
 * @param unknown       those not settled
 * @param steps         reachability questions, one per step or event and option combination
 * @param reachable     steps some run reaches
 * @param dead          steps no run reaches
 * @param deadDeclared  of those, the ones an {@code expect dead step} declares
 * @param stepsUnknown  steps not settled either way
 * @param unhandled     unhandled-message findings (per message, lane and option combination)
 * @param unhandledDeclared of those, the ones an {@code expect unhandled} declares
 * @param unhandledUnknown unhandled-message questions not settled either way
 * @param notFound      declared dead steps and unhandled messages that the check did not find
 * @param errors        errors in the input
 * @param vacuous       properties that hold only vacuously (semantics §7.5), among those as expected
 *                      or differing: a warning, not a fourth kind of verdict
 * @param uncovered     CR statements no model element covers (ADR 0016): warnings, not verdicts
 */
public record Summary(long verdicts, long asExpected, long differ, long unknown, long steps, long reachable, long dead,
		long deadDeclared, long stepsUnknown, long unhandled, long unhandledDeclared, long unhandledUnknown,
		long notFound, long errors, long vacuous, long uncovered) {

	public static Summary of(RunReport report) {
		long verdicts = 0, differ = 0, unknown = 0, steps = 0, reachable = 0, dead = 0, deadDeclared = 0,
				stepsUnknown = 0, unhandled = 0, unhandledDeclared = 0, unhandledUnknown = 0, notFound = 0, vacuous = 0,
				uncovered = 0;
		for (Finding finding : report.results()) {
			if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
				uncovered++;
				continue;
			}
			if (finding.vacuous()) {
				vacuous++;
			}
			if (finding.kind() == Finding.Kind.DEAD_STEP || finding.kind() == Finding.Kind.UNHANDLED) {
				boolean step = finding.kind() == Finding.Kind.DEAD_STEP;
				if (step) {
					steps++;
				}
				switch (finding.verdict()) {
				case HOLDS -> {
					reachable += step ? 1 : 0;
					notFound += finding.mismatch() ? 1 : 0;
				}
				case VIOLATED -> {
					if (step) {
						dead++;
						deadDeclared += finding.declaredFinding() ? 1 : 0;
					} else {
						unhandled++;
						unhandledDeclared += finding.declaredFinding() ? 1 : 0;
					}
				}
				default -> {
					stepsUnknown += step ? 1 : 0;
					unhandledUnknown += step ? 0 : 1;
				}
				}
			} else {
				verdicts++;
				if (finding.verdict() == Verdict.UNKNOWN) {
					unknown++;
				} else if (finding.mismatch()) {
					differ++;
				}
			}
		}
		long errors = report.diagnostics().stream().filter(d -> d.severity() == SourceDiagnostic.Severity.ERROR).count();
		return new Summary(verdicts, verdicts - differ - unknown, differ, unknown, steps, reachable, dead, deadDeclared,
				stepsUnknown, unhandled, unhandledDeclared, unhandledUnknown, notFound, errors, vacuous, uncovered);
	}

	/**
	 * One line: {@code 2 verdicts on properties and bounds: 1 as expected, 1 differ, 0 unknown; 3
	 * dead steps (1 declared); 2 unhandled messages (2 declared); 0 errors in the input}, with
	 * {@code (1 holds vacuously)} after the verdicts when some property does.
	 */
	public String text() {
		return String.format("%d verdicts on properties and bounds: %d as expected, %d differ, %d unknown%s; %d dead "
				+ "step%s%s%s; %d unhandled message%s%s%s;%s %d error%s in the input", verdicts, asExpected, differ,
				unknown, vacuous == 0 ? "" : " (" + vacuous + (vacuous == 1 ? " holds" : " hold") + " vacuously)",
				dead, dead == 1 ? "" : "s", deadDeclared == 0 ? "" : " (" + deadDeclared + " declared)",
				stepsUnknown == 0 ? "" : ", " + stepsUnknown + " step" + (stepsUnknown == 1 ? "" : "s")
						+ " not known to be reachable",
				unhandled, unhandled == 1 ? "" : "s", unhandledDeclared == 0 ? "" : " (" + unhandledDeclared
						+ " declared)",
				unhandledUnknown == 0 ? "" : ", " + unhandledUnknown + " message question" + (unhandledUnknown == 1 ? ""
						: "s") + " not settled",
				notFound == 0 ? "" : " " + notFound + " declared finding" + (notFound == 1 ? "" : "s")
						+ " not found;",
				errors, errors == 1 ? "" : "s") + (uncovered == 0 ? "" : "; " + uncovered + " CR statement"
						+ (uncovered == 1 ? "" : "s") + " not covered by the model");
	}
}
