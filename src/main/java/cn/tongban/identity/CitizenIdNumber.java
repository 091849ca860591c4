package cn.tongban.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * An 18-character citizen ID number (公民身份号码, GB 11643-1999): 6-digit area code, birth date, 3-digit sequence
 * (odd = male) and an ISO 7064 MOD 11-2 check character. Only valid numbers can be constructed.
 */
public record CitizenIdNumber(String value) {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  public CitizenIdNumber {
    Optional<String> problem = problem(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /** Parses user input: trims, accepts a lower-case x. */
  public static CitizenIdNumber of(String input) {
    return new CitizenIdNumber(normalize(input));
  }

  public static String normalize(String input) {
    return input == null ? "" : input.trim().toUpperCase(Locale.ROOT);
  }

  public static boolean isValid(String input) {
    return problem(normalize(input)).isEmpty();
  }

  /** What is wrong with a (normalized) number, in Chinese, or empty when it is valid. */
  public static Optional<String> problem(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of("请填写身份证号码");
    }
    if (!id.matches("\\d{17}[\\dX]")) {
      return Optional.of("身份证号码应为18位，前17位为数字，最后一位为数字或X");
    }
    int province = Integer.parseInt(id.substring(0, 2));
    if (!validProvince(province)) {
      return Optional.of("身份证号码的地址码不正确");
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return Optional.of("身份证号码中的出生日期不存在");
    }
    if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1850) {
      return Optional.of("身份证号码中的出生日期不正确");
    }
    if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
      return Optional.of("身份证号码校验位不正确，请核对后重新输入");
    }
    return Optional.empty();
  }

  /** The MOD 11-2 check character for the first 17 digits. */
  public static char checkCharacter(String body17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  private static boolean validProvince(int p) {
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46)
        || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 81 || p == 82 || p == 83;
  }

  public LocalDate birthDate() {
    return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
        Integer.parseInt(value.substring(12, 14)));
  }

  /** 男 or 女, from the parity of the 17th digit. */
  public String sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? "男" : "女";
  }

  /** For display: the first 4 and last 4 characters, e.g. {@code 3307**********1239}. */
  public String masked() {
    return mask(value);
  }

  public static String mask(String id) {
    if (id == null || id.length() < 8) {
      return "****";
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  @Override
  public String toString() {
    return masked(); // never print a full ID number into logs
  }
}
