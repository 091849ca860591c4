package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import fixture.boundary.BoundaryFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The business modules talk only through each other's API (the module's top-level package) or events, without
 * cycles; {@code web} and {@code internal} subpackages are hidden from other modules. Writes the module diagrams and
 * canvases into {@code docs/modules}.
 */
class ModularityTest {
  static final ApplicationModules MODULES = ApplicationModules.of(TongbanApplication.class);

  @Test
  void moduleBoundariesHold() {
    MODULES.verify();
  }

  @Test
  void aReferenceIntoAnotherModulesInternalOrWebPackageFailsTheCheck() {
    // the fixture is test code, which ApplicationModules.of leaves out by default: import everything
    ApplicationModules fixture = ApplicationModules.of(BoundaryFixture.class, location -> true);

    assertThat(fixture.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("billing", "cases");
    assertThatExceptionOfType(Violations.class).isThrownBy(fixture::verify)
        .withMessageContaining("non-exposed type fixture.boundary.cases.internal.CaseLedger")
        .withMessageContaining("non-exposed type fixture.boundary.cases.web.CasePage")
        .withMessageNotContaining("non-exposed type fixture.boundary.cases.CaseRegister");
  }

  @Test
  void productionCodeNeverDependsOnTheDemo() {
    assertThat(MODULES.stream().filter(m -> m.getDirectDependencies(MODULES).containsModuleNamed("demo"))
        .map(m -> m.getIdentifier().toString())).isEmpty();
  }

  @Test
  void everyCapabilityIsAModule() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("identity", "catalog",
        "application", "workflow", "license", "audit", "notification", "region", "storage", "demo", "platform");
  }

  @Test
  void writesTheModuleDiagramsAndCanvasesIntoDocs() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();

    assertThat(Path.of("docs/modules/components.puml")).content()
        .contains("Application 办件", "Storage 材料存储", "Demo 演示数据");
    assertThat(Path.of("docs/modules/module-license.adoc")).exists();
  }
}
