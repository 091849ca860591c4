package cn.tongban.identity;

/** What other modules may read about a registered natural person. */
public record PersonProfile(AccountId accountId, String name, String citizenId, String mobile) {
  public String maskedCitizenId() {
    return CitizenIdNumber.mask(citizenId);
  }
}
