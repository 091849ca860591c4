package cn.tongban.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from {@code 0-9A-Z} without
 * I, O, Z, S, V; registration authority, entity type, 6-digit area code, 9-character organization code and a
 * MOD 31 check character.
 */
public record CreditCode(String value) {
  private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  public CreditCode {
    Optional<String> problem = problem(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  public static CreditCode of(String input) {
    return new CreditCode(input == null ? "" : input.trim().toUpperCase(Locale.ROOT));
  }

  public static boolean isValid(String input) {
    return problem(input == null ? "" : input.trim().toUpperCase(Locale.ROOT)).isEmpty();
  }

  public static Optional<String> problem(String code) {
    if (code == null || code.isEmpty()) {
      return Optional.of("请填写统一社会信用代码");
    }
    if (code.length() != 18) {
      return Optional.of("统一社会信用代码应为18位");
    }
    for (int i = 0; i < 18; i++) {
      if (CHARS.indexOf(code.charAt(i)) < 0) {
        return Optional.of("统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）");
      }
    }
    if (!code.substring(2, 8).matches("\\d{6}")) {
      return Optional.of("统一社会信用代码的登记管理机关行政区划码应为6位数字");
    }
    if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
      return Optional.of("统一社会信用代码校验位不正确，请核对后重新输入");
    }
    return Optional.empty();
  }

  public static char checkCharacter(String body17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CHARS.indexOf(body17.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException("invalid character " + body17.charAt(i));
      }
      sum += v * WEIGHTS[i];
    }
    return CHARS.charAt((31 - sum % 31) % 31);
  }
}
