package cn.tongban.identity;

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

  PopulationBase(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds (or corrects) one person's record. The ID number must be valid. */
  @Transactional
  public void addPerson(String name, String citizenId) {
    CitizenIdNumber id = CitizenIdNumber.of(citizenId);
    jdbc.sql("""
        insert into identity.population_record (citizen_id, name) values (?, ?)
        on conflict (citizen_id) do update set name = excluded.name""").params(id.value(), name.trim()).update();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean matches(String name, String citizenId) {
    if (name == null || citizenId == null) {
      return false;
    }
    return jdbc.sql("select count(*) from identity.population_record where citizen_id = ? and name = ?")
        .params(CitizenIdNumber.normalize(citizenId), name.trim()).query(Integer.class).single() > 0;
  }
}
