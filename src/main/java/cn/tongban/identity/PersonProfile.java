package cn.tongban.identity;

import java.util.UUID;

/** What other modules may read about a registered natural person. */
public record PersonProfile(UUID accountId, String name, String citizenId, String mobile) {
  public String maskedCitizenId() {
    return CitizenIdNumber.mask(citizenId);
  }
}
