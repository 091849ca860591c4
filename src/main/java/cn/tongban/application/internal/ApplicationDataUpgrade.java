package cn.tongban.application.internal;

import cn.tongban.platform.crypto.PersonalData;
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
 * Seals the applicant ID numbers and form data of cases stored before schema version 5 of application, and clears
 * the plaintext. Idempotent; with several nodes each row is taken by one ({@code SKIP LOCKED}).
 */
@Component
@Order(0)
class ApplicationDataUpgrade implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(ApplicationDataUpgrade.class);

  private final JdbcClient jdbc;
  private final PersonalData personal;
  private final TransactionTemplate tx;

  ApplicationDataUpgrade(JdbcClient jdbc, PersonalData personal, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.tx = tx;
  }

  private record Plain(UUID id, String citizenId, String formJson) {}

  @Override
  public void run(ApplicationArguments args) {
    Integer sealed = tx.execute(s -> {
      var rows = jdbc.sql("""
          select id, applicant_citizen_id, form_data::text from application.application
          where applicant_citizen_id is not null or form_data is not null for update skip locked""")
          .query((rs, i) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
      for (Plain p : rows) {
        jdbc.sql("""
            update application.application set
              applicant_citizen_id_sealed = coalesce(?, applicant_citizen_id_sealed),
              form_data_sealed = coalesce(?, form_data_sealed), applicant_citizen_id = null, form_data = null
            where id = ?""")
            .params(personal.seal(p.citizenId(), Applications.CITIZEN_ID), personal.seal(p.formJson(), Applications.FORM_DATA),
                p.id())
            .update();
      }
      return rows.size();
    });
    if (sealed != null && sealed > 0) {
      log.info("Sealed the ID numbers and form data of {} case(s) stored before encryption at rest", sealed);
    }
  }
}
