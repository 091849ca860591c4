package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "11330782002500001M", "11330782002500002Q", "91330782MA2E00001P"})
  void acceptsValidCodes(String code) {
    assertThat(CreditCode.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100YI3", "9135010OM000100Y43",
      "11330782002500001N", "1133078200250000!M", ""})
  void refusesInvalidCodes(String code) {
    assertThat(CreditCode.isValid(code)).isFalse();
  }
}
