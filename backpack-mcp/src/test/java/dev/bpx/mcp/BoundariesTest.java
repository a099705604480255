package dev.bpx.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries no module descriptor enforces. {@code backpack-client} has no {@code module-info.java}:
 * Moshi's two jars both hold the package {@code com.squareup.moshi} (moshi-adapters adds classes to it),
 * and a named module cannot read one package from two modules. Without a descriptor every package of the
 * client is visible, so this rule keeps {@code dev.bpx.client.internal} internal for every module on
 * this module's class path: the server, the paper exchange and the signing module.
 */
class BoundariesTest {
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.bpx");

  @Test
  void noModuleButTheClientUsesTheClientsInternalPackages() {
    noClasses().that().resideOutsideOfPackage("dev.bpx.client..")
        .should().dependOnClassesThat().resideInAPackage("dev.bpx.client.internal..")
        .because("dev.bpx.client.internal is not API: promote what another module needs to dev.bpx.client")
        .check(PRODUCTION);
  }
}
