package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The business modules talk only through each other's public API or events, without cycles. */
class ModularityTest {
  static final ApplicationModules MODULES = ApplicationModules.of(TongbanApplication.class);

  @Test
  void moduleBoundariesHold() {
    MODULES.verify();
  }

  @Test
  void productionCodeNeverDependsOnTheDemo() {
    assertThat(MODULES.stream().filter(m -> m.getDirectDependencies(MODULES).containsModuleNamed("demo"))
        .map(m -> m.getIdentifier().toString())).isEmpty();
  }

  @Test
  void everyCapabilityIsAModule() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
        .contains("identity", "catalog", "application", "workflow", "license", "audit", "platform", "storage", "demo");
  }
}
