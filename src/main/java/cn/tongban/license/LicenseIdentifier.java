package cn.tongban.license;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The electronic license identifier of GB/T 36904: {@code 1.2.156.3005.2.<type code>.<issuer USCC>.<serial>.<version>.<check>},
 * the check character computed with ISO/IEC 7064 MOD 37,36 over type code, issuer code, serial and version. Only an
 * identifier whose check character holds can be made. Serialized as the bare identifier.
 */
@NullMarked
public record LicenseIdentifier(@JsonValue String value) {
  public static final String ROOT = "1.2.156.3005.2";
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  public LicenseIdentifier {
    Objects.requireNonNull(value, "license identifier");
    if (!checkDigitValid(value)) {
      throw new IllegalArgumentException("not a GB/T 36904 license identifier: " + value);
    }
  }

  @JsonCreator
  public static LicenseIdentifier of(String value) {
    return new LicenseIdentifier(value);
  }

  /** The identifier a client sent, if it is one. */
  public static Optional<LicenseIdentifier> parse(@Nullable String input) {
    return input != null && checkDigitValid(input) ? Optional.of(new LicenseIdentifier(input)) : Optional.empty();
  }

  /** The identifier of the given type, issuer, serial and version, with its check character. */
  public static LicenseIdentifier compose(String typeCode, String issuerCode, String serial, int version) {
    String v = String.format("%03d", version);
    return new LicenseIdentifier(String.join(".", ROOT, typeCode, issuerCode, serial, v,
        String.valueOf(mod37x36(typeCode + issuerCode + serial + v))));
  }

  public static boolean checkDigitValid(String identifier) {
    if (!identifier.startsWith(ROOT + ".")) {
      return false;
    }
    String[] parts = identifier.substring(ROOT.length() + 1).split("\\.");
    if (parts.length != 5 || parts[4].length() != 1) {
      return false;
    }
    try {
      return mod37x36(parts[0] + parts[1] + parts[2] + parts[3]) == parts[4].charAt(0);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static char mod37x36(String s) {
    int p = 36;
    for (char ch : s.toCharArray()) {
      int v = ALPHABET.indexOf(ch);
      if (v < 0) {
        throw new IllegalArgumentException("character not allowed in a license identifier: " + ch);
      }
      int sum = (p + v) % 36;
      if (sum == 0) {
        sum = 36;
      }
      p = (sum * 2) % 37;
    }
    for (int c = 0; c < 36; c++) {
      if ((p + c) % 36 == 1) {
        return ALPHABET.charAt(c);
      }
    }
    throw new IllegalStateException("no check character");
  }

  @Override
  public String toString() {
    return value;
  }
}
