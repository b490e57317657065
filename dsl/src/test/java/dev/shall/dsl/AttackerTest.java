package dev.shall.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.shall.dsl.tests.ShallInjectorProvider;
import dev.shall.dsl.validation.IssueCodes;
import dev.shall.model.Assignment;
import dev.shall.model.BoolConstant;
import dev.shall.model.Channel;
import dev.shall.model.Fault;
import dev.shall.model.IfStatement;
import dev.shall.model.Invariant;
import dev.shall.model.MessageType;
import dev.shall.model.Procedure;
import dev.shall.model.Role;
import dev.shall.model.Send;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;
import dev.shall.model.frontend.AttackerNames;

/**
 * The attacker (semantics §4.5, §6.7; ADR 0021): the syntax, each validation rule with its issue
 * code, and the translation the compiler hands both semantics — checked on the compiled model, since
 * a fault of the translation is one both semantics would share.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ShallInjectorProvider.class)
class AttackerTest {

	/** A UE and an MME; the attacker is on the radio: NAS is integrity protected, paging is not. */
	private static final String RADIO = """
			procedure Radio spec "TS 24.301" clause "5"
			attacker "a fake base station" knows KASME.old
			key KASME { current, old }
			key KNASint = nas_int(KASME, alg: 0..1)
			role UE { var knas : KNASint? = none  var paged : bool = false  var kasme : KASME? = none }
			role MME { var knas : KNASint? = none  var kasme : KASME? = KASME.current }
			channel nas : MME -> UE integrity "NAS-MAC" keyed by MME.knas and UE.knas
			channel air : MME -> UE unprotected attacker inject
			channel s1 : MME <-> UE ndsip
			message Smc { alg : 0..1 }
			message Paging
			message Keys { k : KASME?, p : proof of KASME? }
			step 1 clause "a": MME shall when knas == none { knas := KNASint(kasme, 0)  send Smc(alg = 0) on nas }
			step 2 clause "b": UE shall receive Smc as m on nas { paged := false }
			step 3 clause "c": MME may "page" { send Paging on air }
			step 4 clause "d": UE shall receive Paging on air { paged := true }
			step 5 clause "e": MME may "leak" { send Keys(k = kasme, p = kasme) on nas }
			step 6 clause "f": UE shall receive Keys as m on nas { kasme := m.k }
			property kasme clause "p": secret MME.kasme
			property derived clause "q": never attacker knows KNASint(KASME.current, 1)
			property paging clause "r": authentic Paging on air
			""";

	@Inject
	private LanguageFixture language;

	@Test
	void declaresTheAttackerRoleWithOneKnowledgeBitPerLearnableTerm() throws Exception {
		Procedure procedure = language.compile(RADIO);
		Role attacker = procedure.getRoles().stream().filter(Role::isAttacker).findFirst().orElseThrow();
		assertEquals(AttackerNames.ROLE, attacker.getName());
		assertEquals("a fake base station", attacker.getDisplayName());
		assertTrue(attacker.isShared(), "one attacker for every session");
		List<StateVariable> knowledge = attacker.getVariables().stream().filter(v -> v.getName().startsWith("knows "))
				.toList();
		// Keys.k is a KASME sent on nas (eavesdropped by default): the two KASME terms have bits; the
		// proof field p teaches nothing, and no message carries a KNASint, so KNASint has none
		assertEquals(List.of("knows KASME.current", "knows KASME.old"), knowledge.stream().map(StateVariable::getName)
				.toList());
		assertTrue(knowledge.stream().noneMatch(StateVariable::isPerSession), "knowledge is shared");
		assertFalse(((BoolConstant) knowledge.get(0).getInitial()).isValue());
		assertTrue(((BoolConstant) knowledge.get(1).getInitial()).isValue(), "knows KASME.old initially");
	}

	@Test
	void addsTheFaultsOfTheCapabilitiesPerChannel() throws Exception {
		Procedure procedure = language.compile(RADIO);
		Channel nas = channel(procedure, "nas");
		Channel air = channel(procedure, "air");
		Channel s1 = channel(procedure, "s1");
		// default on an integrity-protected channel: no replay (3GPP's integrity includes replay
		// protection); drop is the loss fault of §4.2
		assertEquals(Set.of(Fault.LOSS, Fault.INJECTION), Set.copyOf(nas.getFaults()));
		assertEquals(Set.of(Fault.INJECTION), Set.copyOf(air.getFaults()), "air says: inject only");
		assertTrue(s1.getFaults().isEmpty(), "nothing on ndsip");
	}

	@Test
	void learnsAfterEverySendOnAnEavesdroppedChannel() throws Exception {
		Procedure procedure = language.compile(RADIO);
		Transition five = transition(procedure, "5");
		assertTrue(five.getBody().get(0) instanceof Send);
		// right after the send: if readable (nas is not ciphered: true) { if k == t { knows t := true } … }
		IfStatement readable = (IfStatement) five.getBody().get(1);
		assertTrue(readable.getCondition() instanceof BoolConstant b && b.isValue());
		assertEquals(2, readable.getThen().size(), "one test per KASME term, none for the proof");
		Assignment learn = (Assignment) ((IfStatement) readable.getThen().get(0)).getThen().get(0);
		assertEquals("knows KASME.current", learn.getVariable().getName());
		// a send on air, which the attacker does not eavesdrop, teaches nothing
		assertEquals(1, transition(procedure, "3").getBody().size());
	}

	@Test
	void injectsEveryMessageTypeOfEveryInjectableLane() throws Exception {
		Procedure procedure = language.compile(RADIO);
		Set<String> injections = procedure.getTransitions().stream().filter(t -> t.getKind() == TransitionKind.INJECTION)
				.map(Transition::getName).collect(Collectors.toSet());
		assertEquals(Set.of("attacker injects Smc on nas(MME→UE)", "attacker injects Keys on nas(MME→UE)",
				"attacker injects Paging on air(MME→UE)"), injections);
		Transition smc = transition(procedure, "attacker injects Smc on nas(MME→UE)");
		assertEquals("MME", smc.getActor().getName(), "the lane's sender: the message goes into its session's lane");
		Send send = sends(smc).get(0);
		assertTrue(send.isInjected());
		// nas is keyed: the protection is chosen (none or a KNASint term) and must be known
		assertTrue(send.getMac() != null);
		Send paging = sends(transition(procedure, "attacker injects Paging on air(MME→UE)")).get(0);
		assertTrue(paging.getMac() == null, "air is not keyed");
	}

	@Test
	void marksInjectedMessagesWhereAuthenticityIsAsked() throws Exception {
		Procedure procedure = language.compile(RADIO);
		MessageType paging = procedure.getMessages().stream().filter(m -> m.getName().equals("Paging")).findFirst()
				.orElseThrow();
		assertEquals(List.of(AttackerNames.INJECTED_MARK), paging.getFields().stream().map(f -> f.getName()).toList());
		assertTrue(procedure.getMessages().stream().filter(m -> !m.getName().equals("Paging")).allMatch(m -> m
				.getFields().stream().noneMatch(f -> f.getName().equals(AttackerNames.INJECTED_MARK))));
		// step 4 accepts Paging on air: it raises the UE's flag when the message was injected
		Transition four = transition(procedure, "4");
		IfStatement raise = (IfStatement) four.getBody().get(0);
		assertEquals("accepted injected Paging on air", ((Assignment) raise.getThen().get(0)).getVariable().getName());
		Invariant property = (Invariant) procedure.getProperties().stream().filter(p -> p.getName().equals("paging"))
				.findFirst().orElseThrow();
		assertTrue(property.getCondition() != null);
	}

	@Test
	void recordsCiphertextsAndOpensThemWithoutLoopingOnKeysCipheredUnderEachOther() throws Exception {
		// X travels ciphered under Y and Y under X: knowing either opens the other; the knowledge
		// expression must cut the cycle (a least fixpoint), not recurse for ever
		Procedure procedure = language.compile("""
				procedure Cycle clause "1"
				attacker "eve"
				key X { x }
				key Y { y }
				role A { var kx : X? = X.x  var ky : Y? = Y.y }
				role B { var kx : X? = X.x  var ky : Y? = Y.y }
				channel underX : A -> B ciphered keyed by A.kx and B.kx capacity 1
				channel underY : A -> B ciphered keyed by A.ky and B.ky capacity 1
				message CarriesY { k : Y? }
				message CarriesX { k : X? }
				step 1 clause "1": A shall "send" { send CarriesY(k = ky) on underX  send CarriesX(k = kx) on underY }
				step 2 clause "1": B shall receive CarriesY on underX { }
				step 3 clause "1": B shall receive CarriesX on underY { }
				property p clause "p": never attacker knows X.x
				""");
		Role attacker = procedure.getRoles().stream().filter(Role::isAttacker).findFirst().orElseThrow();
		assertTrue(attacker.getVariables().stream().anyMatch(v -> v.getName().equals("recorded Y.y under X.x")));
		assertTrue(attacker.getVariables().stream().anyMatch(v -> v.getName().equals("recorded X.x under Y.y")));
	}

	@Test
	void refusesASecondAttacker() throws Exception {
		Issue issue = language.single(language.parse(RADIO.replace("key KASME {", "attacker \"another\"\nkey KASME {")),
				IssueCodes.ATTACKER);
		assertTrue(issue.getMessage().contains("already has an attacker"), issue.getMessage());
	}

	@Test
	void refusesKnowledgeThatIsNotAKeyTerm() throws Exception {
		Issue issue = language.single(language.parse(RADIO.replace("knows KASME.old", "knows MME.kasme")),
				IssueCodes.ATTACKER);
		assertTrue(issue.getMessage().contains("must be a key term written out"), issue.getMessage());
	}

	@Test
	void refusesKnowledgeOfATermThatDoesNotExist() throws Exception {
		Issue issue = language.single(language.parse(RADIO.replace("knows KASME.old", "knows KNASint(KASME.old, 5)")),
				IssueCodes.ATTACKER);
		assertTrue(issue.getMessage().contains("cannot know an input 5 of KNASint (alg is 0..1)"), issue.getMessage());
	}

	@Test
	void refusesAFieldTooWideForTheAttackerToChooseIn() throws Exception {
		// Smc is injectable on nas: its field's 300 values are more than the attacker chooses among
		Issue issue = language.single(language.parse(RADIO.replace("message Smc { alg : 0..1 }",
				"message Smc { alg : 0..299 }")), IssueCodes.ATTACKER);
		assertTrue(issue.getMessage().contains("300 values are more than the 256"), issue.getMessage());
		assertEquals(10, issue.getLineNumber(), "at the field");
	}

	@Test
	void refusesKnowsOutsideProperties() throws Exception {
		Issue issue = language.single(language.parse(RADIO.replace("when knas == none {",
				"when knas == none and not attacker knows kasme {")), IssueCodes.ATTACKER);
		assertTrue(issue.getMessage().contains("Only a property can ask what the attacker knows"), issue.getMessage());
	}

	@Test
	void refusesSecrecyOfAValueThatIsNotAKey() throws Exception {
		Issue issue = language.single(language.parse(RADIO.replace("secret MME.kasme", "secret UE.paged")),
				IssueCodes.ATTACKER);
		assertTrue(issue.getMessage().contains("secret needs a key, not bool"), issue.getMessage());
	}

	@Test
	void refusesAuthenticityOfAMessageNothingReceives() throws Exception {
		Issue issue = language.single(language.parse(RADIO.replace("authentic Paging on air", "authentic Paging on nas")),
				IssueCodes.ATTACKER);
		assertTrue(issue.getMessage().contains("No step receives Paging on nas"), issue.getMessage());
	}

	@Test
	void warnsWhereNoAttackerIsDeclared() throws Exception {
		String without = RADIO.replace("attacker \"a fake base station\" knows KASME.old\n", "");
		List<Issue> issues = language.issues(language.parse(without)).stream().filter(i -> IssueCodes.ATTACKER
				.equals(i.getCode())).toList();
		// the channel clause, secret, attacker knows, authentic
		assertEquals(4, issues.size(), issues.toString());
		assertTrue(issues.stream().allMatch(i -> i.getSeverity() == Severity.WARNING));
		// compiled: the properties are constant, nothing is generated
		Procedure procedure = language.compile(without);
		assertTrue(procedure.getRoles().stream().noneMatch(Role::isAttacker));
		assertTrue(procedure.getTransitions().stream().noneMatch(t -> t.getKind() == TransitionKind.INJECTION));
	}

	private static Channel channel(Procedure procedure, String name) {
		return procedure.getChannels().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
	}

	private static Transition transition(Procedure procedure, String name) {
		return procedure.getTransitions().stream().filter(t -> t.getName().equals(name) && t.getKind() != TransitionKind.OTHERWISE)
				.findFirst().orElseThrow();
	}

	private static List<Send> sends(Transition transition) {
		List<Send> sends = new java.util.ArrayList<>();
		for (var it = transition.eAllContents(); it.hasNext();) {
			EObject next = it.next();
			if (next instanceof Send send) {
				sends.add(send);
			}
		}
		return sends;
	}
}
