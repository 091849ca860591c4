package cn.tongban.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;

/**
 * The code of a department (实施主体) that staff belong to and items are handled by, e.g. {@code SCJG}: letters,
 * digits, '-' or '_', at most 32 characters. Serialized as the bare code.
 */
@NullMarked
public record DepartmentCode(@JsonValue String value) {

  public DepartmentCode {
    Objects.requireNonNull(value, "department code");
    if (!value.matches("[0-9A-Za-z_-]{1,32}")) {
      throw new IllegalArgumentException("not a department code: " + value);
    }
  }

  @JsonCreator
  public static DepartmentCode of(String value) {
    return new DepartmentCode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
