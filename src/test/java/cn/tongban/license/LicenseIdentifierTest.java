package cn.tongban.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseIdentifierTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
      "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0",
      "1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9"})
  void reproducesTheCheckCharacterOfPublishedIdentifiers(String identifier) {
    assertThat(LicenseIdentifier.checkDigitValid(identifier)).isTrue();
  }

  @Test
  void buildsIdentifiersThatCheck() {
    String id = LicenseIdentifier.compose("11330782002500001M001", "11330782002500001M", "202600000042", 1).value();
    assertThat(id).startsWith("1.2.156.3005.2.11330782002500001M001.11330782002500001M.202600000042.001.");
    assertThat(LicenseIdentifier.checkDigitValid(id)).isTrue();
    assertThat(LicenseIdentifier.checkDigitValid(id.replace("202600000042", "202600000043"))).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> LicenseIdentifier.of(id.replace("202600000042", "202600000043")));
    assertThat(LicenseIdentifier.parse("1.2.156.3005.2.X")).isEmpty();
  }
}
