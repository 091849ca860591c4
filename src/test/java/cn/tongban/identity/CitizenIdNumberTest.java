package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenIdNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002X", "440524188001010014", "330782199001011239", "320211199211083455"})
  void acceptsValidNumbersIncludingThePublishedExamples(String id) {
    assertThat(CitizenIdNumber.isValid(id)).isTrue();
    assertThat(CitizenIdNumber.of(id).value()).isEqualTo(id);
  }

  @Test
  void normalizesALowerCaseX() {
    assertThat(CitizenIdNumber.of(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
  }

  @ParameterizedTest
  @CsvSource({
      "110105194912310021, 校验位不正确",   // published example with a wrong check character
      "11010519491231002Y, 最后一位为数字或X",
      "440524188001010015, 校验位不正确",
      "33078219900101123, 应为18位",
      "3307821990010112390, 应为18位",
      "330782199002301238, 出生日期不存在",  // 30 February
      "990782199001011236, 地址码不正确",
      "330782209901011230, 出生日期不正确"   // in the future
  })
  void refusesInvalidNumbersWithAClearReason(String id, String reason) {
    assertThat(CitizenIdNumber.isValid(id)).isFalse();
    assertThat(CitizenIdNumber.problem(CitizenIdNumber.normalize(id))).get().asString().contains(reason);
    assertThatThrownBy(() -> CitizenIdNumber.of(id)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everySingleDigitChangeOfAValidNumberIsCaught() {
    String valid = "330782199001011239";
    for (int i = 0; i < 17; i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d == valid.charAt(i)) {
          continue;
        }
        String mutated = valid.substring(0, i) + d + valid.substring(i + 1);
        assertThat(CitizenIdNumber.checkCharacter(mutated.substring(0, 17)))
            .as("check character of %s", mutated).isNotEqualTo('9');
      }
    }
  }

  @Test
  void readsBirthDateAndSexAndMasks() {
    CitizenIdNumber id = CitizenIdNumber.of("11010519491231002X");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.sex()).isEqualTo("女");
    assertThat(id.masked()).isEqualTo("1101**********002X");
    assertThat(id.toString()).doesNotContain("19491231");
  }
}
