package dev.bpx.paper;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.ExchangeView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the paper exchange's packages ("rooms", see the README) to the dependencies they are allowed.
 * Each rule was seen failing once: a class breaking it was added to the room, the rule went red
 * naming it, and the class was removed.
 */
class RoomsArchitectureTest {
  private static final String PAPER = "dev.bpx.paper";
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(PAPER);
  }

  private static String room(String name) {
    return PAPER + "." + name + "..";
  }

  @Test
  void matchingKnowsOnlyBooksAndOrders() {
    ArchRule rule = classes().that().resideInAPackage(room("matching"))
        .should().onlyDependOnClassesThat().resideInAnyPackage(room("matching"), "java..");
    rule.check(main);
  }

  @Test
  void marketSpecsAndDataSourcesStandAlone() {
    ArchRule rule = classes().that().resideInAPackage(room("market"))
        .should().onlyDependOnClassesThat().resideInAnyPackage(room("market"), "java..");
    rule.check(main);
  }

  @Test
  void ledgerDoesNotKnowTheEngineTheStoreHttpOrTheSimulation() {
    ArchRule rule = noClasses().that().resideInAPackage(room("ledger"))
        .should().dependOnClassesThat().resideInAnyPackage(
            room("engine"), room("http"), room("store"), room("simulation"));
    rule.check(main);
  }

  @Test
  void commandsAreParsedWithoutTheEngineTheLedgerOrTheStore() {
    ArchRule rule = noClasses().that().resideInAPackage(room("command"))
        .should().dependOnClassesThat().resideInAnyPackage(
            room("engine"), room("ledger"), room("store"), room("http"), room("simulation"));
    rule.check(main);
  }

  @Test
  void simulationIsAMarketDataSourceAndAMakerOnly() {
    ArchRule rule = noClasses().that().resideInAPackage(room("simulation"))
        .should().dependOnClassesThat().resideInAnyPackage(
            room("http"), room("store"), room("engine"), room("ledger"), room("command"));
    rule.check(main);
  }

  @Test
  void eventsArePlainValues() {
    // The engine makes them and the WebSocket front writes them: they know neither.
    ArchRule rule = classes().that().resideInAPackage(room("events"))
        .should().onlyDependOnClassesThat().resideInAnyPackage(room("events"), "java..");
    rule.check(main);
  }

  @Test
  void theWebSocketFrontKnowsEventsNotTheEngine() {
    ArchRule rule = noClasses().that().resideInAPackage(room("ws"))
        .should().dependOnClassesThat().resideInAnyPackage(room("engine"), room("ledger"), room("matching"),
            room("store"), room("http"), room("simulation"), room("command"), room("market"));
    rule.check(main);
  }

  @Test
  void httpReadsTheEngineOnlyThroughExchangeView() {
    ArchRule rule = noClasses().that().resideInAPackage(room("http"))
        .should().dependOnClassesThat(resideInAPackage(room("engine"))
            .and(not(equivalentTo(ExchangeView.class)))
            .and(not(equivalentTo(ExchangeView.Market.class))));
    rule.check(main);
  }

  @Test
  void onlyTheEngineTheStoreAndTheFrontDoorHoldTheEngine() {
    ArchRule rule = noClasses().that().resideOutsideOfPackages(room("engine"), room("store"))
        .and().resideOutsideOfPackage(PAPER)
        .should().dependOnClassesThat(equivalentTo(Engine.class));
    rule.check(main);
  }

  @Test
  void insideTheEngineOnlyTheCommandHandlerHoldsTheEngine() {
    // The engine's parts get what they use in their constructors; the handler runs commands on it.
    ArchRule rule = noClasses().that().resideInAPackage(room("engine"))
        .and().doNotHaveSimpleName("Engine").and().doNotHaveSimpleName("CommandHandler")
        .should().dependOnClassesThat(equivalentTo(Engine.class));
    rule.check(main);
  }

  @Test
  void theUpstreamMirrorKnowsOnlyMarketSpecsAndTheNetwork() {
    // It holds a view of another exchange; it cannot change this one's state (that goes through feed,
    // as journaled commands).
    ArchRule rule = classes().that().resideInAPackage(room("upstream"))
        .should().onlyDependOnClassesThat().resideInAnyPackage(room("upstream"), room("market"), "java..",
            "dev.bpx.auth.json..", "org.slf4j..");
    rule.check(main);
  }

  @Test
  void theUpstreamFeedChangesStateOnlyByCommands() {
    ArchRule rule = noClasses().that().resideInAPackage(room("feed"))
        .should().dependOnClassesThat().resideInAnyPackage(room("http"), room("ws"), room("simulation"))
        .orShould().dependOnClassesThat(equivalentTo(Engine.class));
    rule.check(main);
  }

  @Test
  void roomsHaveNoCycles() {
    ArchRule rule = slices().matching(PAPER + ".(*)..").should().beFreeOfCycles();
    rule.check(main);
  }
}
