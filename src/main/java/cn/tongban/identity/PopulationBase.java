package cn.tongban.identity;

import cn.tongban.identity.internal.Accounts;
import cn.tongban.platform.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The population base data (人口基础信息库) as a table: name by citizen ID number. Demo data and tests add people
 * through {@link #addPerson}; registration verifies against it.
 */
@Service
public class PopulationBase implements RealNameVerifier {
  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final PersonalData personal;

  PopulationBase(JdbcClient jdbc, Accounts accounts, PersonalData personal) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.personal = personal;
  }

  /** Adds (or corrects) one person's record. The ID number must be valid. */
  @Transactional
  public void addPerson(String name, String citizenId) {
    CitizenIdNumber id = CitizenIdNumber.of(citizenId);
    jdbc.sql("""
        insert into identity.population_record (citizen_id_index, citizen_id_sealed, name) values (?, ?, ?)
        on conflict (citizen_id_index) do update set name = excluded.name""")
        .params(accounts.citizenIdIndex(id.value()), personal.seal(id.value(), Accounts.CITIZEN_ID), name.trim())
        .update();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean matches(String name, String citizenId) {
    if (name == null || citizenId == null) {
      return false;
    }
    return jdbc.sql("select count(*) from identity.population_record where citizen_id_index = ? and name = ?")
        .params(accounts.citizenIdIndex(CitizenIdNumber.normalize(citizenId)), name.trim()).query(Integer.class)
        .single() > 0;
  }
}
