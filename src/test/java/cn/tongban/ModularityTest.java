package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import fixture.boundary.BoundaryFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
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
  void writesTheModuleDiagramsAndCanvasesIntoDocs() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
      for (Path file : files.toList()) {
        Files.write(file, inStableOrder(Files.readAllLines(file)));
      }
    }

    assertThat(Path.of("docs/modules/components.puml")).content()
        .contains("Application 办件", "Storage 材料存储", "Demo 演示数据");
    assertThat(Path.of("docs/modules/module-license.adoc")).exists();
  }

  /**
   * The Documenter lists relationships (PlantUML {@code Rel(…)} lines) and the entries of a canvas cell ({@code * …}
   * lines) in no fixed order; sorted, the committed files change only when the modules do.
   */
  static List<String> inStableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>(); // a run of Rel lines, or of one cell's entries (its "|" taken off)
    String runKind = null;
    boolean cellStart = false;
    for (String line : lines) {
      String kind = line.startsWith("Rel(") ? "rel" : line.startsWith("* ") || line.startsWith("|* ") ? "entry" : null;
      if (kind != null && kind.equals(runKind) && !line.startsWith("|")) {
        run.add(line);
        continue;
      }
      flush(out, run, cellStart);
      runKind = kind;
      cellStart = line.startsWith("|* ");
      if (kind == null) {
        out.add(line);
      } else {
        run.add(cellStart ? line.substring(1) : line);
      }
    }
    flush(out, run, cellStart);
    return out;
  }

  private static void flush(List<String> out, List<String> run, boolean cellStart) {
    Collections.sort(run);
    for (int i = 0; i < run.size(); i++) {
      out.add(i == 0 && cellStart ? "|" + run.get(i) : run.get(i));
    }
    run.clear();
  }
}
