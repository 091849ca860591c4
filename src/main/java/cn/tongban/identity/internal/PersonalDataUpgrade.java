package cn.tongban.identity.internal;

import cn.tongban.platform.crypto.PersonalData;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals ID and mobile numbers that an installation stored in plaintext before schema version 3 of identity, and
 * clears the plaintext. Idempotent; with several nodes, each row is taken by one ({@code SKIP LOCKED}).
 */
@Component
@Order(0)
class PersonalDataUpgrade implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(PersonalDataUpgrade.class);

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final PersonalData personal;
  private final TransactionTemplate tx;

  PersonalDataUpgrade(JdbcClient jdbc, Accounts accounts, PersonalData personal,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.personal = personal;
    this.tx = tx;
  }

  private record Plain(UUID id, String username, String citizenId, String mobile) {}

  @Override
  public void run(ApplicationArguments args) {
    Integer sealed = tx.execute(s -> {
      List<Plain> rows = jdbc.sql("""
          select id, username, citizen_id, mobile from identity.account
          where citizen_id is not null or mobile is not null for update skip locked""")
          .query((rs, i) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
          .list();
      for (Plain p : rows) {
        jdbc.sql("""
            update identity.account set citizen_id_sealed = coalesce(:cs, citizen_id_sealed),
              citizen_id_index = coalesce(:ci, citizen_id_index), mobile_sealed = coalesce(:ms, mobile_sealed),
              mobile_index = coalesce(:mi, mobile_index), citizen_id = null, mobile = null,
              username = case when username = :cid then cast(id as varchar) else username end
            where id = :id""")
            .param("cs", personal.seal(p.citizenId(), Accounts.CITIZEN_ID)).param("ci", accounts.citizenIdIndex(p.citizenId()))
            .param("ms", personal.seal(p.mobile(), Accounts.MOBILE)).param("mi", accounts.mobileIndex(p.mobile()))
            .param("cid", p.citizenId()).param("id", p.id())
            .update();
      }
      int base = 0;
      for (var r : jdbc.sql("""
          select ctid::text, citizen_id from identity.population_record where citizen_id is not null
          for update skip locked""").query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list()) {
        jdbc.sql("""
            update identity.population_record set citizen_id_index = ?, citizen_id_sealed = ?, citizen_id = null
            where ctid = cast(? as tid)""")
            .params(accounts.citizenIdIndex(r[1]), personal.seal(r[1], Accounts.CITIZEN_ID), r[0]).update();
        base++;
      }
      for (var r : jdbc.sql("""
          select credit_code, legal_rep_citizen_id from identity.enterprise_record
          where legal_rep_citizen_id is not null for update skip locked""")
          .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list()) {
        jdbc.sql("""
            update identity.enterprise_record set legal_rep_citizen_id_sealed = ?, legal_rep_citizen_id = null
            where credit_code = ?""").params(personal.seal(r[1], Accounts.CITIZEN_ID), r[0]).update();
        base++;
      }
      return rows.size() + base;
    });
    if (sealed != null && sealed > 0) {
      log.info("Sealed the ID and mobile numbers of {} account(s) and base-data record(s) stored before encryption at rest", sealed);
    }
  }
}
