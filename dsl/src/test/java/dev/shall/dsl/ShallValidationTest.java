package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.shall.ShallPackage;
import dev.shall.dsl.tests.ShallInjectorProvider;
import dev.shall.dsl.validation.IssueCodes;

/**
 * One test per issue code: a small procedure with exactly one mistake must report it with its
 * code, at the right line, and with a message a spec author understands.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ShallInjectorProvider.class)
class ShallValidationTest {

	private static final ShallPackage P = ShallPackage.eINSTANCE;

	/** Two roles with a channel and one step: the smallest valid procedure to break. */
	private static final String HEADER = """
			procedure P spec "TS 33.401" clause "7.2.10"
			enum Phase { idle, busy }
			key K { k1, k2 }
			key D = kdf(K, counter: 0..3)
			option waitRule { applied, ignored }
			role A { var phase : Phase = idle  var k : K = k1  var n : 0..3 = 0  var d : D? = none }
			role B { var phase : Phase = idle  var k : K = k1 }
			channel c : A -> B ndsip
			message M { f : 0..3 }
			""";

	@Inject
	private ParseHelper<ShallFile> parser;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private com.google.inject.Provider<org.eclipse.emf.ecore.resource.ResourceSet> resourceSets;

	private ShallFile parse(String body) throws Exception {
		ShallFile file = parser.parse(HEADER + body);
		assertTrue(file.eResource().getErrors().isEmpty(), () -> "syntax errors: " + file.eResource().getErrors());
		return file;
	}

	private Issue single(ShallFile file, String code) {
		List<Issue> issues = validation.validate(file).stream().filter(i -> code.equals(i.getCode())).toList();
		assertEquals(1, issues.size(), () -> "expected one " + code + " in " + validation.validate(file));
		return issues.get(0);
	}

	private static final int FIRST_BODY_LINE = 10;

	@Test
	void theHeaderAloneIsValid() throws Exception {
		validation.assertNoErrors(parse("step 1 clause \"1\": A shall { phase := busy }"));
	}

	@Test
	void anUndefinedNameSaysWhatTheRoleCanSee() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall when B.phase == idle { phase := busy }");
		Issue issue = single(file, IssueCodes.UNDEFINED_NAME);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertEquals(FIRST_BODY_LINE, issue.getLineNumber());
		assertTrue(issue.getMessage().contains("a role sees only its own state"), issue.getMessage());
	}

	@Test
	void anAssignmentToAnotherRolesVariableIsUndefined() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": B shall { n := 1 }");
		Issue issue = single(file, IssueCodes.UNDEFINED_NAME);
		assertEquals("'n' is not a variable of B", issue.getMessage());
	}

	@Test
	void aStepLabelUsedTwiceIsADuplicate() throws Exception {
		ShallFile file = parse("""
				step 1 clause "1": A shall { phase := busy }
				step 1 clause "1": A shall { phase := idle }
				""");
		validation.assertError(file, P.getStep(), IssueCodes.DUPLICATE_NAME, "declared twice (first at line 10)");
	}

	@Test
	void aComparisonOfDifferentTypesIsATypeError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall when phase == k1 { phase := busy }");
		validation.assertError(file, P.getBinary(), IssueCodes.TYPE_MISMATCH, "Cannot compare enum Phase with key K");
	}

	@Test
	void aGuardMustBeACondition() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall when n + 1 { phase := busy }");
		validation.assertError(file, P.getStep(), IssueCodes.TYPE_MISMATCH, "must be true or false, not 1..4");
	}

	@Test
	void assigningAnEnumToANumberIsATypeError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall { n := busy }");
		validation.assertError(file, P.getAssignment(), IssueCodes.TYPE_MISMATCH, "n is 0..3, but the value is enum Phase");
	}

	@Test
	void sendingOnAChannelThatDoesNotLeaveTheRoleIsAnError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": B shall { send M(f = 1) on c }");
		Issue issue = single(file, IssueCodes.CHANNEL_ENDPOINT);
		assertEquals("B cannot send on c, which carries messages from A to B", issue.getMessage());
	}

	@Test
	void receivingOnAChannelThatDoesNotReachTheRoleIsAnError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall receive M on c { phase := busy }");
		validation.assertError(file, P.getReceive(), IssueCodes.CHANNEL_ENDPOINT, "A cannot receive on c");
	}

	@Test
	void aSendMustGiveEveryFieldThatCannotBeAbsent() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall { send M on c }");
		validation.assertError(file, P.getSend(), IssueCodes.MESSAGE_FIELDS, "needs a value for f");
	}

	@Test
	void aPropertyAboutConstantsIsReported() throws Exception {
		ShallFile file = parse("""
				step 1 clause "1": A shall { phase := busy }
				property trivial clause "1": always 1 < 2
				""");
		validation.assertError(file, P.getPropertyDecl(), IssueCodes.CONSTANT_PROPERTY, "mentions no state and no step");
	}

	@Test
	void aConditionFalseInEveryStateIsAVacuousConditionAtTheCondition() throws Exception {
		// A.n is never assigned (0 initially); A.phase is: only the first four conditions are static
		ShallFile file = parse("""
				step 1 clause "1": B shall { phase := busy }
				property agreement clause "1": agree A.k with B.k when A.n == 2
				property trigger clause "1": A.n > 0 leads to B.phase == busy
				property second clause "1": B.phase == busy before A.n == 1 and B.phase == busy
				property premise clause "1": always A.n == 3 implies A.phase == busy
				property freshness clause "1": fresh B.k when B.phase == busy
				property dynamic clause "1": agree A.k with B.k when B.phase == busy
				property onlyInitially clause "1": agree A.k with B.k when A.n == 0 and B.phase == busy
				property optionDependent clause "1": agree A.k with B.k when waitRule == applied or A.n == 1
				property invariant clause "1": never A.n == 3 and B.phase == busy
				""");
		List<Issue> issues = validation.validate(file).stream()
				.filter(i -> IssueCodes.VACUOUS_CONDITION.equals(i.getCode())).toList();
		assertEquals(4, issues.size(), issues::toString);
		assertTrue(issues.stream().allMatch(i -> i.getSeverity() == Severity.ERROR), issues::toString);
		assertEquals(List.of(FIRST_BODY_LINE + 1, FIRST_BODY_LINE + 2, FIRST_BODY_LINE + 3, FIRST_BODY_LINE + 4), issues
				.stream().map(Issue::getLineNumber).toList());
		assertEquals("The agreement's condition is false in every state (false initially, and decided by variables "
				+ "that no step or event assigns), so agreement holds only vacuously", issues.get(0).getMessage());
		assertEquals(56, issues.get(0).getColumn(), "at the condition");
		assertTrue(issues.get(1).getMessage().startsWith("The response's trigger"), issues.get(1).getMessage());
		assertTrue(issues.get(2).getMessage().startsWith("The precedence's second condition"), issues.get(2)
				.getMessage());
		assertTrue(issues.get(3).getMessage().startsWith("The invariant's premise"), issues.get(3).getMessage());
	}

	@Test
	void aConditionOverAVariableAStepAssignsIsNotStaticallyVacuous() throws Exception {
		ShallFile file = parse("""
				step 1 clause "1": A shall { n := 2 }
				event reset at A { delete d }
				property agreement clause "1": agree A.k with B.k when A.n == 2
				property present clause "1": agree A.k with B.k when A.d != none
				""");
		assertEquals(List.of(), validation.validate(file).stream().filter(i -> IssueCodes.VACUOUS_CONDITION.equals(i
				.getCode())).toList());
	}

	@Test
	void aRuleWhoseConditionIsVacuousForItsArgumentsIsReportedAtTheProperty(
			@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
		java.nio.file.Files.writeString(folder.resolve("agree.shall"), """
				rules Agree clause "1"
				rule agreeWhen(c: condition, x: value, y: value) clause "1": agree x with y when c
				""");
		ShallFile file = parser.parse("import \"agree.shall\"\n" + HEADER + """
				step 1 clause "1": B shall { phase := busy }
				property vacuous clause "1": rule Agree.agreeWhen(A.n == 1, A.k, B.k)
				property fine clause "1": rule Agree.agreeWhen(B.phase == busy, A.k, B.k)
				""", org.eclipse.emf.common.util.URI.createFileURI(folder.resolve("p.shall").toString()), resourceSets
						.get());
		Issue issue = single(file, IssueCodes.VACUOUS_CONDITION);
		assertEquals(FIRST_BODY_LINE + 2, issue.getLineNumber(), "at the application whose condition is vacuous");
		assertTrue(issue.getMessage().endsWith("(applied to these arguments, the rule's condition)"), issue
				.getMessage());
	}

	@Test
	void derivedKeyMaterialOnAnUnprotectedChannelIsAWarning() throws Exception {
		ShallFile file = parse("""
				channel air : A -> B unprotected
				channel link : A -> B integrity "KRRCint"
				message Keys { d : D? }
				message Auth { mac : proof of D? }
				step 1 clause "1": A shall { send Keys(d = d) on air  send Keys(d = d) on link  send Keys(d = d) on c }
				step 2 clause "2": A shall { send Auth(mac = d) on air }
				""");
		List<Issue> exposures = validation.validate(file).stream()
				.filter(i -> IssueCodes.KEY_EXPOSURE.equals(i.getCode())).toList();
		// air and the integrity-only link expose D; NDS/IP (c) does not; a proof of D may travel in the clear
		assertEquals(2, exposures.size(), exposures::toString);
		assertTrue(exposures.stream().allMatch(i -> i.getSeverity() == Severity.WARNING
				&& i.getMessage().contains("carries the key D itself")));
	}

	@Test
	void onlyKeysHaveProofs() throws Exception {
		ShallFile file = parse("""
				message Bad { x : proof of Phase }
				step 1 clause "1": A shall { phase := busy }
				""");
		validation.assertError(file, P.getField(), IssueCodes.KEY_EXPOSURE, "Only a key has proofs of possession");
	}

	@Test
	void aStepWithoutClauseIsAWarning() throws Exception {
		ShallFile file = parse("step 1: A shall { phase := busy }");
		Issue issue = single(file, IssueCodes.MISSING_CLAUSE);
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertEquals(FIRST_BODY_LINE, issue.getLineNumber());
	}

	@Test
	void aPropertyWithoutClauseIsAWarning() throws Exception {
		ShallFile file = parse("""
				step 1 clause "1": A shall { phase := busy }
				property p: always A.n < 3
				""");
		validation.assertWarning(file, P.getPropertyDecl(), IssueCodes.MISSING_CLAUSE);
	}

	@Test
	void anEmptyRangeIsAnError() throws Exception {
		ShallFile file = parse("""
				role C { var x : 3..1 = 3 }
				step 1 clause "1": C shall { x := 2 }
				""");
		validation.assertError(file, P.getIntType(), IssueCodes.EMPTY_RANGE, "3..1 is empty");
	}

	@Test
	void aDerivationWithTheWrongInputsIsAnError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall { d := D(k) }");
		validation.assertError(file, P.getDerivation(), IssueCodes.KEY_DERIVATION, "takes 1 input(s) besides K, not 0");
	}

	@Test
	void aDerivationFromTheWrongKeyIsAnError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall { d := D(d, 1) }");
		validation.assertError(file, P.getDerivation(), IssueCodes.KEY_DERIVATION, "D is derived from K, not from key D");
	}

	@Test
	void deletingAVariableThatCannotBeAbsentIsAnError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall { delete k }");
		validation.assertError(file, P.getDelete(), IssueCodes.NOT_OPTIONAL, "declare it as optional (key K?)");
	}

	@Test
	void assigningNoneToAVariableThatCannotBeAbsentIsAnError() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall { k := d }");
		validation.assertError(file, P.getAssignment(), IssueCodes.TYPE_MISMATCH, "k is key K, but the value is key D?");
	}

	@Test
	void anOptionIsComparedOnlyWithItsValues() throws Exception {
		ShallFile file = parse("step 1 clause \"1\": A shall when waitRule == busy { phase := busy }");
		validation.assertError(file, P.getBinary(), IssueCodes.TYPE_MISMATCH);
	}

	@Test
	void roleBehaviourCannotObserveOtherSteps() throws Exception {
		ShallFile file = parse("""
				step 1 clause "1": A shall { phase := busy }
				step 2 clause "2": A shall when step 1 { phase := idle }
				""");
		validation.assertError(file, P.getFiredRef(), IssueCodes.FIRED_IN_BEHAVIOUR);
	}

	@Test
	void aProtectionKeyMustBelongToItsEndpoint() throws Exception {
		ShallFile file = parser.parse("""
				procedure P clause "1"
				key K { k1 }
				role A { var k : K = k1 }
				role B { var k : K = k1 }
				channel c : A -> B integrity "KRRCint" keyed by B.k and B.k
				step 1 clause "1": A shall { k := k1 }
				""");
		validation.assertError(file, P.getKeyedProtection(), IssueCodes.PROTECTION_KEY, "k is not a variable of A");
	}

	@Test
	void aChannelNeedsRoomForAMessage() throws Exception {
		ShallFile file = parse("""
				channel d : A -> B capacity 0
				step 1 clause "1": A shall { phase := busy }
				""");
		validation.assertError(file, P.getChannel(), IssueCodes.NOT_POSITIVE);
	}

	@Test
	void anAmbiguousConstantIsAWarning() throws Exception {
		ShallFile file = parse("""
				enum Other { idle, done }
				step 1 clause "1": A shall when phase == busy or idle != done { phase := busy }
				""");
		// nothing next to the second idle tells which enumeration it belongs to
		validation.assertWarning(file, P.getNameRef(), IssueCodes.AMBIGUOUS_NAME, "write Phase.idle");
	}

	@Test
	void aQualifiedConstantIsNotAmbiguous() throws Exception {
		ShallFile file = parse("""
				enum Other { idle, done }
				property p clause "1": always A.phase == Phase.idle or Other.idle == Other.done
				step 1 clause "1": A shall { phase := busy }
				""");
		validation.assertNoIssues(file);
	}

	@Test
	void theExpectedTypeChoosesBetweenConstantsOfTheSameName() throws Exception {
		ShallFile file = parse("""
				enum Tunnel { idle, up }
				role C { var t : Tunnel = idle  var p : Phase = idle }
				step 1 clause "1": C shall when t == idle and p == idle { t := up  p := idle }
				property q clause "1": always C.t == idle or C.t == up
				""");
		validation.assertNoIssues(file);
		List<dev.shall.dsl.shall.NameRef> refs = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(file,
				dev.shall.dsl.shall.NameRef.class);
		int checked = 0;
		for (dev.shall.dsl.shall.NameRef ref : refs) {
			if (ref.getTarget() instanceof dev.shall.dsl.shall.EnumLiteral literal && "idle".equals(literal.getName())) {
				if (ref.eContainer() instanceof dev.shall.dsl.shall.Variable variable) {
					assertEquals(((dev.shall.dsl.shall.NamedType) variable.getType()).getType(), literal.eContainer(),
							"initial value of " + variable.getName());
					checked++;
				}
			}
		}
		// A.phase, B.phase and C.t, C.p start as idle of their own enumeration
		assertEquals(4, checked);
	}

	@Test
	void anExpectationNamesEachOptionOnce() throws Exception {
		ShallFile file = parse("""
				step 1 clause "1": A shall { phase := busy }
				property p clause "1": always A.n < 3 expect violated when waitRule = applied, waitRule = ignored
				""");
		validation.assertError(file, P.getOptionCondition(), IssueCodes.EXPECTATION);
	}

	@Test
	void anExpectationEarlierOnesAlreadyDecideIsWarned() throws Exception {
		// semantics §7.7: the first matching expectation decides. Line 3 is shadowed by line 2 (no
		// condition), line 5 by lines 3 and 4 together (waitRule has the two values), line 4 is not
		ShallFile file = parse("""
				step 1 clause "1": A shall { phase := busy }
				property p clause "1": always A.n < 3
				  expect holds
				  expect violated when waitRule = applied
				property q clause "1": always A.n < 3
				  expect violated when waitRule = applied
				  expect holds when waitRule = ignored
				  expect violated
				property r clause "1": always A.n < 3
				  expect violated when waitRule = applied
				  expect holds
				""");
		validation.assertNoErrors(file);
		List<Issue> shadowed = validation.validate(file).stream().filter(issue -> IssueCodes.EXPECTATION.equals(issue
				.getCode())).toList();
		assertEquals(List.of(FIRST_BODY_LINE + 3, FIRST_BODY_LINE + 7), shadowed.stream().map(Issue::getLineNumber)
				.toList(), shadowed::toString);
		assertTrue(shadowed.get(0).getMessage().startsWith("This expectation never applies: the expectation on line "
				+ (FIRST_BODY_LINE + 2) + " comes first"), shadowed.get(0).getMessage());
		assertTrue(shadowed.get(1).getMessage().contains("the expectations on lines " + (FIRST_BODY_LINE + 5) + ", "
				+ (FIRST_BODY_LINE + 6) + " come first"), shadowed.get(1).getMessage());
		assertEquals(org.eclipse.xtext.diagnostics.Severity.WARNING, shadowed.get(0).getSeverity());
	}

	// ------------------------------------------------------------------ sizes the checker can hold

	@Test
	void aRangeWithMoreValuesThanTheCheckerEnumeratesIsAnError() throws Exception {
		// max - min + 1 of 0..2147483647 overflows an int: it once made an empty domain and a false "holds"
		ShallFile file = parse("""
				role C { var x : 0..2147483647 = 0  var y : 0..65535 = 0 }
				message N { g : 1..65537 }
				key E = kdf(K, i: 0..100000)
				step 1 clause "1": C shall { x := 1  y := 1 }
				""");
		List<Issue> issues = validation.validate(file).stream()
				.filter(i -> IssueCodes.RANGE_TOO_LARGE.equals(i.getCode())).toList();
		assertEquals(3, issues.size(), () -> issues.toString());
		assertEquals(FIRST_BODY_LINE, issues.get(0).getLineNumber());
		assertEquals(18, issues.get(0).getColumn(), "at the range itself");
		assertTrue(issues.get(0).getMessage().contains("0..2147483647 has 2,147,483,648 values"), issues.get(0)
				.getMessage());
		assertTrue(issues.get(0).getMessage().contains("at most 65,536"), issues.get(0).getMessage());
		assertTrue(issues.get(1).getMessage().contains("1..65537 has 65,537 values"), issues.get(1).getMessage());
		assertTrue(issues.get(2).getMessage().contains("0..100000 has 100,001 values"), issues.get(2).getMessage());
		assertEquals(Severity.ERROR, issues.get(0).getSeverity());
	}

	@Test
	void aKeyWithMoreTermsThanTheCheckerEnumeratesIsAnError() throws Exception {
		ShallFile file = parse("""
				key E = kdf(K, i: 0..1000, j: 0..1000)
				key F = kdf(E, l: 0..1)
				key G = kdf(K, i: 0..65535, j: 0..65535, l: 0..65535, m: 0..65535)
				step 1 clause "1": A shall { n := 1 }
				""");
		List<Issue> issues = validation.validate(file).stream()
				.filter(i -> IssueCodes.RANGE_TOO_LARGE.equals(i.getCode())).toList();
		// E (2 atoms × 1,001 × 1,001) and G (a product that does not fit a long), not F again
		assertEquals(2, issues.size(), () -> issues.toString());
		assertTrue(issues.get(0).getMessage().contains("The key E has 2,004,002 possible terms"), issues.get(0)
				.getMessage());
		assertEquals(FIRST_BODY_LINE, issues.get(0).getLineNumber());
		assertTrue(issues.get(1).getMessage().contains("The key G has too many possible terms"), issues.get(1)
				.getMessage());
	}

	@Test
	void integersBeyondWhatTheCheckerComputesWithAreErrors() throws Exception {
		ShallFile file = parse("""
				role C { var x : 1000000000..1000000003 = 1000000000  var y : 1073741824..1073741825 = 1073741824 }
				step 1 clause "1": C shall when x + 1000000000 > 0 and x - 1000000000 - 1000000000 - 1000000000 < 0 { x := x }
				step 2 clause "2": A shall when n < 2000000000 { n := 1 }
				""");
		List<Issue> issues = validation.validate(file).stream()
				.filter(i -> IssueCodes.INTEGER_TOO_LARGE.equals(i.getCode())).toList();
		List<String> messages = issues.stream().map(Issue::getMessage).toList();
		// two bounds of y, the initial value of y, the first sum, the third subtraction, the literal of step 2
		assertEquals(6, issues.size(), () -> messages.toString());
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The bound 1073741824 lies beyond ±1,073,741,823")),
				messages::toString);
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The sum of 1000000000..1000000003 and 1000000000..1000000000 can be 2000000003")),
				messages::toString);
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The difference of -1000000000..-999999997 and 1000000000..1000000000 can be -2000000000")),
				messages::toString);
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The number 2000000000")), messages::toString);
	}

	@Test
	void aRuleAppliedToLargeIntegersCannotOverflowEither(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
			throws Exception {
		java.nio.file.Files.writeString(folder.resolve("sums.shall"), """
				rules Sums clause "1"
				rule grows(x: value) clause "1": always x + 1000000000 > 0
				""");
		org.eclipse.emf.ecore.resource.ResourceSet resources = resourceSets.get();
		ShallFile file = parser.parse("import \"sums.shall\"\n" + HEADER.replace("var n : 0..3 = 0",
				"var n : 0..3 = 0  var big : 1000000000..1000000001 = 1000000000") + """
				step 1 clause "1": A shall { n := 1 }
				property small clause "1": rule Sums.grows(A.n)
				property large clause "1": rule Sums.grows(A.big)
				""", org.eclipse.emf.common.util.URI.createFileURI(folder.resolve("p.shall").toString()), resources);
		Issue issue = single(file, IssueCodes.INTEGER_TOO_LARGE);
		assertEquals(FIRST_BODY_LINE + 3, issue.getLineNumber(), "at the application with the large argument");
		assertTrue(issue.getMessage().contains("rule grows"), issue.getMessage());
	}

	@Test
	void anInitialValueOutsideItsRangeIsAnError() throws Exception {
		ShallFile file = parse("""
				role C { var x : 0..3 = 7  var y : 0..3? = 2 + 3  var z : 0..3 = 3  var e : D? = D(k1, 9) }
				step 1 clause "1": C shall { x := 1 }
				""");
		List<Issue> issues = validation.validate(file).stream()
				.filter(i -> IssueCodes.OUT_OF_RANGE.equals(i.getCode())).toList();
		assertEquals(3, issues.size(), () -> issues.toString());
		assertEquals("The initial value 7 of x lies outside its range 0..3", issues.get(0).getMessage());
		assertEquals(FIRST_BODY_LINE, issues.get(0).getLineNumber());
		assertEquals(25, issues.get(0).getColumn(), "at the value");
		assertEquals("The initial value 5 of y lies outside its range 0..3", issues.get(1).getMessage());
		assertTrue(issues.get(2).getMessage().startsWith("The input counter of D is 9"), issues.get(2).getMessage());
	}

	@Test
	void anEnumerationWithMoreLiteralsThanTheCheckerEnumeratesIsAnError() throws Exception {
		StringBuilder literals = new StringBuilder("enum Huge { v0");
		for (int i = 1; i <= 65536; i++) {
			literals.append(", v").append(i);
		}
		Issue issue = single(parse(literals + " }\nstep 1 clause \"1\": A shall { phase := busy }"),
				IssueCodes.RANGE_TOO_LARGE);
		assertEquals("The enumeration Huge has 65,537 literals; the checker enumerates at most 65,536 values of a type",
				issue.getMessage());
	}

	@Test
	void aCapacityBeyondWhatTheCheckerHoldsIsAnError() throws Exception {
		ShallFile file = parse("""
				channel d : A -> B capacity 2000000000
				channel e : A -> B faults duplicating, replaying capacity 32768
				channel f : A -> B capacity 32769
				step 1 clause "1": A shall { phase := busy }
				""");
		List<Issue> issues = validation.validate(file).stream()
				.filter(i -> IssueCodes.LIMIT_EXCEEDED.equals(i.getCode())).toList();
		assertEquals(2, issues.size(), () -> issues.toString());
		assertEquals(FIRST_BODY_LINE, issues.get(0).getLineNumber());
		assertTrue(issues.get(0).getMessage().startsWith("A capacity of 2,000,000,000 messages is beyond the 32,768"),
				issues.get(0).getMessage());
		assertEquals(FIRST_BODY_LINE + 2, issues.get(1).getLineNumber());
	}

	@Test
	void choicePathsAreCountedAsExecutionsNotAsAProduct() throws Exception {
		// 20 nested two-way choices are 21 ways to run the step; 17 sequential ones 2^17 = 131,072
		String nested = "phase := busy";
		for (int i = 0; i < 20; i++) {
			nested = "either { " + nested + " } or { phase := idle }";
		}
		validation.assertNoErrors(parse("step 1 clause \"1\": A shall { " + nested + " }"));
		String sequential = "either { phase := busy } or { phase := idle } ".repeat(17);
		Issue issue = single(parse("step 1 clause \"1\": A shall { " + sequential + "}"), IssueCodes.LIMIT_EXCEEDED);
		assertEquals(FIRST_BODY_LINE, issue.getLineNumber());
		assertTrue(issue.getMessage().contains("131,072 ways to run it"), issue.getMessage());
		String sixteen = "either { phase := busy } or { phase := idle } ".repeat(16);
		validation.assertNoErrors(parse("step 1 clause \"1\": A shall { " + sixteen + "}"));
	}

	@Test
	void instancesTimesActionsBeyondWhatTheCheckerNumbersIsAnError() throws Exception {
		// 2 steps, and per direction of a lossy, replaying channel 2 fault actions: 4 actions in all
		String body = """
				channel d : A -> B faults lossy, reordering, replaying
				step 1 clause "1": A shall { phase := busy }
				step 2 clause "2": A shall { phase := idle }
				""";
		validation.assertNoErrors(parse(body + "instances 16384"));
		Issue issue = single(parse(body + "instances 16385"), IssueCodes.LIMIT_EXCEEDED);
		assertEquals(FIRST_BODY_LINE + 3, issue.getLineNumber());
		assertTrue(issue.getMessage().startsWith("16,385 instances of 4 action(s) each make 65,540 possible moves"),
				issue.getMessage());
		Issue maximal = single(parse(body + "instances 2147483647"), IssueCodes.LIMIT_EXCEEDED);
		assertTrue(maximal.getMessage().contains("8,589,934,588 possible moves"), maximal.getMessage());
	}

	@Test
	void moreOptionCombinationsThanAreCheckedIsAnError() throws Exception {
		StringBuilder options = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			options.append("option o").append(i).append(" { a, b }\n");
		}
		options.append("option big { a, b, c }\n");
		Issue issue = single(parse(options + "step 1 clause \"1\": A shall { phase := busy }"),
				IssueCodes.LIMIT_EXCEEDED);
		// waitRule (2) × 2^9 × 3 = 3,072 combinations, beyond 1,024 at the option big
		assertEquals(FIRST_BODY_LINE + 9, issue.getLineNumber());
		assertTrue(issue.getMessage().startsWith("With the option big, the procedure has 3,072 combinations"),
				issue.getMessage());
	}

	@Test
	void independentOptionsCountOnceEachAndTheirJointExpectationIsNeverChecked() throws Exception {
		StringBuilder options = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			options.append("option o").append(i).append(" { a, b } independent\n");
		}
		// waitRule (2) × (1 + 20) = 42 combinations: within the limit, where the product is 2^21
		ShallFile file = parse(options + """
				step 1 clause "1": A shall when o0 == b { phase := busy }
				property q clause "q": never A.phase == busy
				  expect violated when o0 = b, o1 = b
				  expect violated when o0 = b, waitRule = ignored
				  expect holds
				""");
		validation.assertNoErrors(file);
		Issue never = single(file, IssueCodes.EXPECTATION);
		assertEquals(FIRST_BODY_LINE + 22, never.getLineNumber());
		assertTrue(never.getMessage().startsWith("The options o0 and o1 are independent"), never.getMessage());
		assertEquals(org.eclipse.xtext.diagnostics.Severity.WARNING, never.getSeverity());
	}

	// ------------------------------------------------------------------ state hides constants

	@Test
	void aRolesOwnVariableHidesAnEnumLiteralOfTheSameName() throws Exception {
		// the enum-shadows-variable case: "not up" once resolved up to the literal S.up, a type mismatch
		ShallFile file = parse("""
				enum S { up, down }
				role C { var up : bool = false  var s : S = down }
				step 2 clause "2": C shall when not up and s == S.up { up := true  s := down }
				property q clause "q": never C.up
				""");
		validation.assertNoErrors(file);
		List<dev.shall.dsl.shall.NameRef> refs = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(file,
				dev.shall.dsl.shall.NameRef.class);
		for (dev.shall.dsl.shall.NameRef ref : refs) {
			String written = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(
					org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(ref));
			if (written.equals("up") || written.equals("C.up")) {
				assertTrue(ref.getTarget() instanceof dev.shall.dsl.shall.Variable, written + " is the variable");
			} else if (written.equals("S.up")) {
				assertTrue(ref.getTarget() instanceof dev.shall.dsl.shall.EnumLiteral, "S.up is the literal");
			}
		}
	}

	@Test
	void aVariableNamedLikeSeveralConstantsIsNotAmbiguous() throws Exception {
		ShallFile file = parse("""
				enum Other { idle, done }
				role C { var idle : bool = false }
				step 1 clause "1": C shall when not idle { idle := true }
				""");
		validation.assertNoIssues(file);
	}

	@Test
	void inPropertiesARolesVariableHidesALiteralOfAnEnumNamedLikeTheRole() throws Exception {
		ShallFile file = parse("""
				enum C { ready, waiting }
				role C { var ready : bool = false }
				step 1 clause "1": C shall { ready := true }
				property q clause "q": never C.ready
				""");
		validation.assertNoErrors(file);
		dev.shall.dsl.shall.PropertyDecl property = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(file,
				dev.shall.dsl.shall.PropertyDecl.class).get(0);
		dev.shall.dsl.shall.NameRef ref = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(property,
				dev.shall.dsl.shall.NameRef.class).get(0);
		assertTrue(ref.getTarget() instanceof dev.shall.dsl.shall.Variable, "C.ready is the variable");
	}

	/** A validator whose own checks fail, as a bug in a check of shall would. */
	static class FailingChecks extends dev.shall.dsl.validation.ShallValidator {
		@org.eclipse.xtext.validation.Check
		public void failsOnSteps(dev.shall.dsl.shall.Step step) {
			throw new IllegalStateException("boom");
		}

		@org.eclipse.xtext.validation.Check
		public void overflowsOnProperties(dev.shall.dsl.shall.PropertyDecl property) {
			throw new StackOverflowError();
		}
	}

	@Test
	void aCheckThatFailsIsAnErrorAtTheElementItChecked() throws Exception {
		ShallFile file = parse("""
				step 1 clause "1": A shall { phase := busy }
				property p clause "1": always A.n <= 3
				""");
		// not through Guice: an injected validator registers itself for every later validation
		FailingChecks checks = new FailingChecks();
		org.eclipse.emf.common.util.BasicDiagnostic found = new org.eclipse.emf.common.util.BasicDiagnostic();
		java.util.Map<Object, Object> context = new java.util.HashMap<>();
		context.put(org.eclipse.xtext.validation.CheckMode.KEY, org.eclipse.xtext.validation.CheckMode.ALL);
		for (var it = file.eAllContents(); it.hasNext();) {
			org.eclipse.emf.ecore.EObject element = it.next();
			checks.validate(element.eClass(), element, found, context);
		}
		List<org.eclipse.xtext.validation.FeatureBasedDiagnostic> internal = found.getChildren().stream().filter(
				d -> d instanceof org.eclipse.xtext.validation.FeatureBasedDiagnostic f && IssueCodes.INTERNAL_ERROR
						.equals(f.getIssueCode())).map(d -> (org.eclipse.xtext.validation.FeatureBasedDiagnostic) d)
				.toList();
		assertEquals(2, internal.size(), () -> "expected the two failed checks, found " + found.getChildren());
		var onStep = internal.stream().filter(d -> d.getSourceEObject() instanceof dev.shall.dsl.shall.Step).findFirst()
				.orElseThrow();
		assertTrue(onStep.getMessage().contains("failsOnSteps") && onStep.getMessage().contains("on this step")
				&& onStep.getMessage().contains("boom"), onStep.getMessage());
		var onProperty = internal.stream().filter(d -> d.getSourceEObject() instanceof dev.shall.dsl.shall.PropertyDecl)
				.findFirst().orElseThrow();
		assertTrue(onProperty.getMessage().contains("nests too deeply"), onProperty.getMessage());
		assertEquals(org.eclipse.emf.common.util.Diagnostic.ERROR, onStep.getSeverity());
	}
}
