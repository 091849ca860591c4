package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The code of a service item's implementation (实施编码), e.g. {@code 330782-SCJG-001}: letters, digits, '-', '_' or
 * '.', at most 50 characters. Serialized as the bare code.
 */
@NullMarked
public record ItemCode(@JsonValue String value) {
  private static final String FORM = "[0-9A-Za-z._-]{1,50}";

  public ItemCode {
    Objects.requireNonNull(value, "item code");
    if (!value.matches(FORM)) {
      throw new IllegalArgumentException("not an item code: " + value);
    }
  }

  @JsonCreator
  public static ItemCode of(String value) {
    return new ItemCode(value);
  }

  /** The code a client sent, if it has the form of one (an unknown or malformed code then finds no item). */
  public static Optional<ItemCode> parse(@Nullable String input) {
    return input != null && input.matches(FORM) ? Optional.of(new ItemCode(input)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
