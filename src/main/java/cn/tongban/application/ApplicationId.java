package cn.tongban.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

/** The identity of a case (办件) within the platform; the 办件编号 is its public number. Serialized as the bare UUID. */
@NullMarked
public record ApplicationId(@JsonValue UUID value) {

  public ApplicationId {
    Objects.requireNonNull(value, "application id");
  }

  @JsonCreator
  public static ApplicationId of(UUID value) {
    return new ApplicationId(value);
  }

  /** A new, random id for a case being created. */
  public static ApplicationId random() {
    return new ApplicationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
