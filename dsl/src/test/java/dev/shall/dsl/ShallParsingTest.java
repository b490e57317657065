package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.shall.dsl.scoping.ShallScopeProvider;
import dev.shall.dsl.shall.Agreement;
import dev.shall.dsl.shall.Binary;
import dev.shall.dsl.shall.BinaryOperator;
import dev.shall.dsl.shall.Channel;
import dev.shall.dsl.shall.Choice;
import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.FaultKind;
import dev.shall.dsl.shall.Never;
import dev.shall.dsl.shall.Precedence;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Response;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.shall.Step;
import dev.shall.dsl.shall.Strength;
import dev.shall.dsl.tests.ShallInjectorProvider;

@ExtendWith(InjectionExtension.class)
@InjectWith(ShallInjectorProvider.class)
class ShallParsingTest {

	@Inject
	private ParseHelper<ShallFile> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void theFixtureProcedureParsesAndValidatesWithoutIssues() throws Exception {
		ShallFile file = parser.parse(ShallTestSupport.resource("senb-addition.shall"));
		Resource resource = file.eResource();
		assertTrue(resource.getErrors().isEmpty(), () -> "syntax errors: " + resource.getErrors());
		validation.assertNoIssues(file);
		assertEquals("SeNBAddition", file.getProcedure().getName());
		assertEquals(2, file.getInstances().getCount());
	}

	@Test
	void stepsKeepTheirLabelsActorsAndStrength() throws Exception {
		ShallFile file = parser.parse(ShallTestSupport.resource("senb-addition.shall"));
		List<Step> steps = ShallScopeProvider.members(file.getProcedure(), Step.class);
		assertEquals(List.of("2", "3", "5", "6"), steps.stream().map(Step::getName).toList());
		Step step3 = steps.get(1);
		assertEquals("SeNB", step3.getActor().getName());
		assertEquals(Strength.SHALL, step3.getStrength());
		assertEquals("request", step3.getReceive().getName());
		assertEquals("X.2.3 step 3", step3.getCitation().getClause());
		Event rlf = ShallScopeProvider.members(file.getProcedure(), Event.class).get(0);
		assertInstanceOf(Choice.class, rlf.getBody().getStatements().get(0));
	}

	@Test
	void labelsMayBeDottedOrCarryALetter() throws Exception {
		ShallFile file = parser.parse("""
				procedure P clause "1"
				role A { var x : bool = false }
				step 16.2.2 clause "16.2.2": A shall { x := true }
				step 5a clause "5": A may { x := false }
				property p clause "1": step 16.2.2 before step 5a
				""");
		validation.assertNoErrors(file);
		List<Step> steps = ShallScopeProvider.members(file.getProcedure(), Step.class);
		assertEquals("16.2.2", steps.get(0).getName());
		assertEquals("5a", steps.get(1).getName());
		assertEquals(Strength.MAY, steps.get(1).getStrength());
		Precedence precedence = (Precedence) ShallScopeProvider.members(file.getProcedure(), PropertyDecl.class).get(0)
				.getFormula();
		assertEquals(steps.get(1), ((dev.shall.dsl.shall.FiredRef) precedence.getSecond()).getTransition());
	}

	@Test
	void propertyFormsAreParsedIntoTheirOwnKinds() throws Exception {
		ShallFile file = parser.parse(ShallTestSupport.resource("senb-addition.shall"));
		List<PropertyDecl> properties = ShallScopeProvider.members(file.getProcedure(), PropertyDecl.class);
		assertInstanceOf(Agreement.class, properties.get(0).getFormula());
		assertEquals(2, properties.get(0).getExpectations().size());
		assertInstanceOf(Precedence.class, properties.get(1).getFormula());
		assertInstanceOf(Response.class, properties.get(2).getFormula());
		assertInstanceOf(dev.shall.dsl.shall.Freshness.class, properties.get(3).getFormula());
		Never never = assertInstanceOf(Never.class, properties.get(4).getFormula());
		// "and" binds weaker than "!=" and "=="
		Binary and = assertInstanceOf(Binary.class, never.getCondition());
		assertEquals(BinaryOperator.AND, and.getOperator());
		assertEquals(BinaryOperator.NE, ((Binary) and.getLeft()).getOperator());
	}

	@Test
	void shallNotIsANeverProperty() throws Exception {
		ShallFile file = parser.parse("""
				procedure P clause "16.1"
				role UE { var ipToEnb : bool = false }
				step 1 clause "16.1": UE may { ipToEnb := true }
				property noIp clause "16.1": shall not UE.ipToEnb
				""");
		validation.assertNoErrors(file);
		Never never = (Never) ShallScopeProvider.members(file.getProcedure(), PropertyDecl.class).get(0).getFormula();
		assertTrue(never.isShallNot());
	}

	@Test
	void channelsCarryFaultsAndProtection() throws Exception {
		ShallFile file = parser.parse("""
				procedure P clause "16"
				key K { k1 }
				role UE { var k : K = k1 }
				role SeGW { var k : K = k1 }
				channel wlan : UE <-> SeGW integrity-and-ciphered "IPsec ESP" keyed by UE.k and SeGW.k
				  faults lossy, reordering, replaying capacity 3
				step 1 clause "16": UE shall { k := k1 }
				""");
		validation.assertNoErrors(file);
		Channel wlan = ShallScopeProvider.members(file.getProcedure(), Channel.class).get(0);
		assertTrue(wlan.isBidirectional());
		assertEquals(List.of(FaultKind.LOSSY, FaultKind.REORDERING, FaultKind.REPLAYING), wlan.getFaults().getKinds());
		assertEquals(3, wlan.getCapacity());
		assertNotNull(wlan.getProtection());
	}

	@Test
	void syntaxErrorsAreReportedWithALine() throws Exception {
		ShallFile file = parser.parse("""
				procedure P clause "1"
				role A { var x : bool = }
				""");
		List<Resource.Diagnostic> errors = file.eResource().getErrors();
		assertFalse(errors.isEmpty());
		assertEquals(2, errors.get(0).getLine());
	}
}
