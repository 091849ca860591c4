package cn.tongban.identity;

import cn.tongban.identity.internal.Accounts;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Looks up registered persons for other modules (pre-filling forms, naming license holders). */
@Service
public class PersonDirectory {
  private final Accounts accounts;

  PersonDirectory(Accounts accounts) {
    this.accounts = accounts;
  }

  public Optional<PersonProfile> findPerson(AccountId accountId) {
    return accounts.byId(accountId.value()).filter(a -> a.kind() == AccountKind.PERSON)
        .map(a -> new PersonProfile(AccountId.of(a.id()), a.displayName(), a.citizenId(), a.mobile()));
  }

  /** A registered person who can act (not a minor's managed account) by ID number, e.g. for a window clerk's 帮办. */
  public Optional<PersonProfile> findPersonByCitizenId(String citizenId) {
    String cid = CitizenIdNumber.normalize(citizenId);
    if (!CitizenIdNumber.isValid(cid)) {
      return Optional.empty();
    }
    return accounts.personByCitizenId(cid).map(a -> new PersonProfile(AccountId.of(a.id()), a.displayName(), a.citizenId(), a.mobile()));
  }
}
