package cn.tongban.identity;

import cn.tongban.identity.internal.Accounts;
import cn.tongban.platform.crypto.PersonalData;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise base data (法人基础信息库) as a table: name and legal representative by unified social credit code.
 * Demo data and tests add enterprises through {@link #addEnterprise}; binding an enterprise verifies against it.
 */
@Service
public class EnterpriseBase {
  record Entry(String creditCode, String name, String legalRepName, String legalRepCitizenId) {}

  private final JdbcClient jdbc;
  private final PersonalData personal;

  EnterpriseBase(JdbcClient jdbc, PersonalData personal) {
    this.jdbc = jdbc;
    this.personal = personal;
  }

  /** Adds (or corrects) one enterprise. The credit code and the legal representative's ID number must be valid. */
  @Transactional
  public void addEnterprise(String creditCode, String name, String legalRepName, String legalRepCitizenId) {
    CreditCode code = CreditCode.of(creditCode);
    CitizenIdNumber rep = CitizenIdNumber.of(legalRepCitizenId);
    jdbc.sql("""
        insert into identity.enterprise_record (credit_code, name, legal_rep_name, legal_rep_citizen_id_sealed)
        values (?, ?, ?, ?)
        on conflict (credit_code) do update set name = excluded.name, legal_rep_name = excluded.legal_rep_name,
          legal_rep_citizen_id_sealed = excluded.legal_rep_citizen_id_sealed""")
        .params(code.value(), name.trim(), legalRepName.trim(), personal.seal(rep.value(), Accounts.CITIZEN_ID))
        .update();
  }

  Optional<Entry> find(String creditCode) {
    return jdbc.sql("select * from identity.enterprise_record where credit_code = ?").param(creditCode)
        .query((rs, i) -> new Entry(rs.getString("credit_code"), rs.getString("name"), rs.getString("legal_rep_name"),
            personal.open(rs.getBytes("legal_rep_citizen_id_sealed"), Accounts.CITIZEN_ID)))
        .optional();
  }
}
