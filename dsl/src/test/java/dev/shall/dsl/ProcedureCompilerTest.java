package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.shall.dsl.compiler.CompilationException;
import dev.shall.dsl.compiler.ProcedureCompiler;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.tests.ShallInjectorProvider;
import dev.shall.model.Agreement;
import dev.shall.model.Assignment;
import dev.shall.model.Binary;
import dev.shall.model.BinaryOperator;
import dev.shall.model.Channel;
import dev.shall.model.Choice;
import dev.shall.model.EnumConstant;
import dev.shall.model.Fault;
import dev.shall.model.Fired;
import dev.shall.model.Freshness;
import dev.shall.model.IfStatement;
import dev.shall.model.IntType;
import dev.shall.model.Invariant;
import dev.shall.model.KeyDerivation;
import dev.shall.model.KeyType;
import dev.shall.model.NoneConstant;
import dev.shall.model.OptionTest;
import dev.shall.model.OptionalType;
import dev.shall.model.Precedence;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Protection;
import dev.shall.model.ReceivedField;
import dev.shall.model.Response;
import dev.shall.model.Role;
import dev.shall.model.Send;
import dev.shall.model.StateVariable;
import dev.shall.model.Strength;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;
import dev.shall.model.Unary;
import dev.shall.model.UnaryOperator;
import dev.shall.model.VariableRef;
import dev.shall.model.Verdict;

@ExtendWith(InjectionExtension.class)
@InjectWith(ShallInjectorProvider.class)
class ProcedureCompilerTest {

	@Inject
	private ParseHelper<ShallFile> parser;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<ResourceSet> resourceSets;

	private Procedure compileFixture() throws Exception {
		ShallFile file = parser.parse(ShallTestSupport.resource("senb-addition.shall"),
				URI.createURI("file:/cr/senb-addition.shall"), resourceSets.get());
		validation.assertNoErrors(file);
		return new ProcedureCompiler().compile(file);
	}

	@Test
	void declarationsAreCompiledWithTheirTypes() throws Exception {
		Procedure procedure = compileFixture();
		assertEquals("SeNBAddition", procedure.getName());
		assertEquals("TS 33.401", procedure.getSpec());
		assertEquals("X.2.3", procedure.getClause());
		assertEquals(2, procedure.getInstances());
		assertEquals(List.of("UE", "MeNB", "SeNB"), procedure.getRoles().stream().map(Role::getName).toList());
		StateVariable scg = procedure.getRoles().get(1).getVariables().get(1);
		IntType range = assertInstanceOf(IntType.class, scg.getType());
		assertEquals(0, range.getMin());
		assertEquals(3, range.getMax());
		StateVariable ueSKeNB = procedure.getRoles().get(0).getVariables().get(1);
		OptionalType optional = assertInstanceOf(OptionalType.class, ueSKeNB.getType());
		assertSame(procedure.getKeys().get(1), assertInstanceOf(KeyType.class, optional.getElement()).getDecl());
		assertInstanceOf(NoneConstant.class, ueSKeNB.getInitial());
		assertSame(procedure.getKeys().get(0), procedure.getKeys().get(1).getParents().get(0));
		assertEquals("s_kenb", procedure.getKeys().get(1).getDerivation());
		assertEquals("scgCounter", procedure.getKeys().get(1).getParameters().get(0).getName());
	}

	@Test
	void channelsKeepProtectionFaultsAndCapacity() throws Exception {
		Procedure procedure = compileFixture();
		Channel x2c = procedure.getChannels().get(0);
		assertEquals(Protection.NDS_IP, x2c.getProtection());
		assertTrue(x2c.getFaults().isEmpty(), "reliable means no faults");
		assertEquals(1, x2c.getCapacity());
		assertTrue(x2c.isBidirectional());
		Channel rrc = procedure.getChannels().get(1);
		assertEquals(Protection.INTEGRITY, rrc.getProtection());
		assertEquals("KRRCint", rrc.getProtectionLabel());
		assertEquals(2, rrc.getCapacity());
	}

	@Test
	void stepsBecomeTransitionsWithGuardsReceivesAndStatements() throws Exception {
		Procedure procedure = compileFixture();
		assertEquals(List.of("2", "3", "5", "6", "radioLinkFailure"),
				procedure.getTransitions().stream().map(Transition::getName).toList());
		Transition step2 = procedure.getTransitions().get(0);
		assertEquals(TransitionKind.STEP, step2.getKind());
		assertEquals(Strength.SHALL, step2.getStrength());
		assertEquals("MeNB", step2.getActor().getName());
		assertEquals("X.2.3 step 2", step2.getClause());
		assertEquals("TS 33.401", step2.getSpec(), "the procedure's spec is inherited");
		Binary guard = assertInstanceOf(Binary.class, step2.getGuard());
		assertEquals(BinaryOperator.AND, guard.getOperator());
		Assignment increment = assertInstanceOf(Assignment.class, step2.getBody().get(0));
		assertEquals("scg", increment.getVariable().getName());
		assertEquals(BinaryOperator.ADD, assertInstanceOf(Binary.class, increment.getValue()).getOperator());
		IfStatement ifOption = assertInstanceOf(IfStatement.class, step2.getBody().get(1));
		OptionTest test = assertInstanceOf(OptionTest.class, ifOption.getCondition());
		assertEquals("deliverInStep2", test.getOption().getName());
		assertEquals("yes", test.getValue().getName());
		Send send = assertInstanceOf(Send.class, ifOption.getThen().get(0));
		assertEquals("x2c", send.getChannel().getName());
		KeyDerivation derivation = assertInstanceOf(KeyDerivation.class, send.getArguments().get(0).getValue());
		assertEquals("SKeNB", derivation.getKey().getName());
		assertInstanceOf(VariableRef.class, derivation.getBase());
		assertTrue(assertInstanceOf(Send.class, ifOption.getElse().get(0)).getArguments().isEmpty());

		Transition step3 = procedure.getTransitions().get(1);
		assertEquals("AdditionRequest", step3.getReceive().getMessage().getName());
		Assignment store = assertInstanceOf(Assignment.class, step3.getBody().get(0));
		assertEquals("key", assertInstanceOf(ReceivedField.class, store.getValue()).getField().getName());
		assertInstanceOf(EnumConstant.class, ((Assignment) step3.getBody().get(1)).getValue());

		Transition rlf = procedure.getTransitions().get(4);
		assertEquals(TransitionKind.ENVIRONMENT, rlf.getKind());
		assertEquals(Strength.MAY, rlf.getStrength());
		Choice choice = assertInstanceOf(Choice.class, rlf.getBody().get(0));
		assertEquals(2, choice.getBranches().size());
		Assignment delete = assertInstanceOf(Assignment.class, choice.getBranches().get(0).getStatements().get(0));
		assertInstanceOf(NoneConstant.class, delete.getValue(), "delete stores none");
	}

	@Test
	void propertiesKeepTheirKindAndExpectations() throws Exception {
		Procedure procedure = compileFixture();
		List<Property> properties = procedure.getProperties();
		Agreement agreement = assertInstanceOf(Agreement.class, properties.get(0));
		assertEquals("keysAgree", agreement.getName());
		assertSame(procedure.getTransitions().get(3), assertInstanceOf(Fired.class, agreement.getCondition()).getTransition());
		assertEquals(2, agreement.getExpectations().size());
		assertEquals(Verdict.VIOLATED, agreement.getExpectations().get(1).getVerdict());
		assertEquals("no", agreement.getExpectations().get(1).getConditions().get(0).getValue().getName());
		assertInstanceOf(Precedence.class, properties.get(1));
		assertInstanceOf(Response.class, properties.get(2));
		assertInstanceOf(Freshness.class, properties.get(3));
		Invariant never = assertInstanceOf(Invariant.class, properties.get(4));
		Unary negation = assertInstanceOf(Unary.class, never.getCondition());
		assertEquals(UnaryOperator.NOT, negation.getOperator(), "never P is always not P");
	}

	@Test
	void everyElementPointsBackAtItsLineAndColumn() throws Exception {
		Procedure procedure = compileFixture();
		Transition step3 = procedure.getTransitions().get(1);
		assertEquals("/cr/senb-addition.shall", step3.getLocation().getFile());
		assertEquals(44, step3.getLocation().getLine());
		assertEquals(1, step3.getLocation().getColumn());
		Assignment store = (Assignment) step3.getBody().get(0);
		assertEquals(47, store.getLocation().getLine());
		assertEquals(3, store.getLocation().getColumn());
		Property keysAgree = procedure.getProperties().get(0);
		assertEquals(72, keysAgree.getLocation().getLine());
	}

	@Test
	void ruleApplicationsAreExpandedWithTheirArguments(@TempDir Path folder) throws Exception {
		// imports are resolved against files on disk, as the command line and the IDE see them
		Path rules = Files.createDirectories(folder.resolve("rules"));
		Path libraryFile = Files.writeString(rules.resolve("key-lifecycle.shall"),
				ShallTestSupport.resource("key-lifecycle.shall"));
		Path cr = Files.createDirectories(folder.resolve("cr"));
		ResourceSet resources = resourceSets.get();
		ShallFile file = parser.parse("""
				import "../rules/key-lifecycle.shall"
				procedure Tunnel spec "TS 33.401" clause "16"
				key KeNB { k1 }
				key PSK = lwip_psk(KeNB, counter: 0..1)
				role UE { var kenb : KeNB = k1  var psk : PSK? = none  var released : bool = false }
				role SeGW { var psk : PSK? = none }
				step release clause "16.5": UE shall { released := true }
				property pskDeleted: rule KeyLifecycle.deletedOnRelease(UE.released, UE.psk) expect violated
				property pskAgreed clause "16.2.2 here": rule KeyLifecycle.agreedBeforeUse(step release, UE.psk, SeGW.psk)
				""", URI.createFileURI(cr.resolve("tunnel.shall").toString()), resources);
		validation.assertNoErrors(file);
		Procedure procedure = new ProcedureCompiler().compile(file);

		Invariant deleted = assertInstanceOf(Invariant.class, procedure.getProperties().get(0));
		assertEquals("KeyLifecycle.deletedOnRelease", deleted.getRule());
		assertEquals("16.2.2", deleted.getClause(), "the rule's citation when the property has none");
		assertEquals("A key is deleted when the context it belongs to is released", deleted.getDescription());
		Binary and = assertInstanceOf(Binary.class, assertInstanceOf(Unary.class, deleted.getCondition()).getOperand());
		assertEquals("released", assertInstanceOf(VariableRef.class, and.getLeft()).getVariable().getName());
		Binary notNone = assertInstanceOf(Binary.class, and.getRight());
		assertEquals(BinaryOperator.NE, notNone.getOperator());
		VariableRef psk = assertInstanceOf(VariableRef.class, notNone.getLeft());
		assertEquals("UE", ((Role) psk.getVariable().eContainer()).getName());
		assertEquals(libraryFile.toString(), notNone.getLocation().getFile(), "rule text points at the rule file");
		assertEquals(cr.resolve("tunnel.shall").toString(), psk.getLocation().getFile(),
				"arguments point at the procedure");
		assertEquals(Verdict.VIOLATED, deleted.getExpectations().get(0).getVerdict());

		Agreement agreed = assertInstanceOf(Agreement.class, procedure.getProperties().get(1));
		assertEquals("16.2.2 here", agreed.getClause(), "the property's own citation wins");
		assertSame(procedure.getTransitions().get(0), assertInstanceOf(Fired.class, agreed.getCondition()).getTransition());
		assertEquals("SeGW", ((Role) ((VariableRef) agreed.getRight()).getVariable().eContainer()).getName());
	}

	@Test
	void anUnknownRuleIsAnUndefinedName() throws Exception {
		ShallFile file = parser.parse("""
				procedure P clause "1"
				role A { var x : bool = false }
				step 1 clause "1": A shall { x := true }
				property p clause "1": rule Nowhere.nothing(A.x)
				""");
		validation.assertError(file, dev.shall.dsl.shall.ShallPackage.eINSTANCE.getRuleApplication(),
				dev.shall.dsl.validation.IssueCodes.UNDEFINED_NAME, "No rule 'Nowhere.nothing'");
	}

	@Test
	void aRuleLibraryIsNotAProcedure() throws Exception {
		ShallFile library = parser.parse(ShallTestSupport.resource("key-lifecycle.shall"));
		CompilationException error = assertThrows(CompilationException.class, () -> new ProcedureCompiler().compile(library));
		assertTrue(error.getMessage().contains("rule library"));
	}

	@Test
	void withoutAnInstancesClauseOneSessionRuns() throws Exception {
		ShallFile file = parser.parse("""
				procedure P clause "1"
				role A { var x : bool = false }
				step 1 clause "1": A shall { x := true }
				""");
		Procedure procedure = new ProcedureCompiler().compile(file);
		assertEquals(1, procedure.getInstances());
		assertNull(procedure.getTitle());
	}

	@Test
	void aRulePropertyCitesTheLibrarysSpecNotTheProcedures(@TempDir Path folder) throws Exception {
		// seed 004 printed an RFC 7296 clause as "TS 24.327 1.4.1", seed 003 a TS 33.401 one as "TS 24.301 7.2.10"
		Path rules = Files.createDirectories(folder.resolve("rules"));
		Files.writeString(rules.resolve("key-lifecycle.shall"), ShallTestSupport.resource("key-lifecycle.shall"));
		Files.writeString(rules.resolve("ikev2.shall"), """
				rules IKEv2 spec "RFC 7296" clause "2"
				rule noTraffic(bad: condition) clause "1.4.1": never bad
				rule shared(bad: condition): never bad
				rule elsewhere(bad: condition) spec "RFC 4301" clause "4.4.2": never bad
				""");
		Path cr = Files.createDirectories(folder.resolve("cr"));
		ShallFile file = parser.parse("""
				import "../rules/key-lifecycle.shall"
				import "../rules/ikev2.shall"
				procedure Tunnel spec "TS 24.327" clause "5.x"
				key KeNB { k1 }
				key PSK = lwip_psk(KeNB, counter: 0..1)
				role UE { var psk : PSK? = none  var released : bool = false }
				step release clause "5.x.1": UE shall { released := true }
				property deleted: rule KeyLifecycle.deletedOnRelease(UE.released, UE.psk)
				property noTraffic: rule IKEv2.noTraffic(UE.released)
				property shared: rule IKEv2.shared(UE.released)
				property elsewhere: rule IKEv2.elsewhere(UE.released)
				property own clause "5.x.2": rule IKEv2.noTraffic(UE.released)
				""", URI.createFileURI(cr.resolve("tunnel.shall").toString()), resourceSets.get());
		validation.assertNoErrors(file);
		Procedure procedure = new ProcedureCompiler().compile(file);
		List<String> citations = procedure.getProperties().stream().map(p -> p.getSpec() + " " + p.getClause())
				.toList();
		assertEquals(List.of("TS 33.401 16.2.2", "RFC 7296 1.4.1", "RFC 7296 2", "RFC 4301 4.4.2", "TS 24.327 5.x.2"),
				citations, "rule clause in the library's spec; the library's clause; the rule's own spec; the "
						+ "property's own clause in the procedure's spec");
		assertEquals("TS 24.327", procedure.getTransitions().get(0).getSpec(), "steps keep the procedure's spec");
	}

	@Test
	void aRolesVariableHidesAnEnumLiteralOfTheSameNameInTheCompiledModel() throws Exception {
		ShallFile file = parser.parse("""
				procedure Scope clause "minimal"
				enum S { up, down }
				role A { var up : bool = false  var s : S = down }
				step 1 clause "1": A shall when not up { up := true  s := S.up }
				property p clause "p": never A.up
				""");
		validation.assertNoErrors(file);
		Procedure procedure = new ProcedureCompiler().compile(file);
		Transition step = procedure.getTransitions().get(0);
		Unary guard = assertInstanceOf(Unary.class, step.getGuard());
		assertEquals("up", assertInstanceOf(VariableRef.class, guard.getOperand()).getVariable().getName());
		Assignment literal = assertInstanceOf(Assignment.class, step.getBody().get(1));
		assertEquals("up", assertInstanceOf(EnumConstant.class, literal.getValue()).getLiteral().getName());
		Invariant property = assertInstanceOf(Invariant.class, procedure.getProperties().get(0));
		Unary never = assertInstanceOf(Unary.class, property.getCondition());
		assertInstanceOf(VariableRef.class, never.getOperand());
	}
}
