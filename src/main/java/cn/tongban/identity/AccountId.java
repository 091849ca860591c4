package cn.tongban.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

/** The identity of an account (a person, staff member, supervisor or administrator). Serialized as the bare UUID. */
@NullMarked
public record AccountId(@JsonValue UUID value) {

  public AccountId {
    Objects.requireNonNull(value, "account id");
  }

  @JsonCreator
  public static AccountId of(UUID value) {
    return new AccountId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
