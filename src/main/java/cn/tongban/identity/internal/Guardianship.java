package cn.tongban.identity.internal;

import cn.tongban.identity.CitizenIdNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A guardian's management of a minor's account, from registration until the minor's 18th birthday. */
public record Guardianship(UUID id, UUID guardianAccountId, UUID minorAccountId, String minorName,
    String minorCitizenId, String relation, LocalDate adultOn, Instant startedAt, Instant endedAt) {

  public boolean active() {
    return endedAt == null;
  }

  public String minorCitizenIdMasked() {
    return CitizenIdNumber.mask(minorCitizenId);
  }

  public String relationLabel() {
    return switch (relation) {
      case "FATHER" -> "父亲";
      case "MOTHER" -> "母亲";
      default -> "其他监护人";
    };
  }
}
