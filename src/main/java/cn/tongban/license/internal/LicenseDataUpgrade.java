package cn.tongban.license.internal;

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
 * Seals what the license library stored in plaintext before schema version 3 of license (holders' ID numbers and
 * license data, signed statements, legacy CSV files and rejected rows, documents) and clears the plaintext.
 * Idempotent; with several nodes each row is taken by one ({@code SKIP LOCKED}).
 */
@Component
@Order(0)
class LicenseDataUpgrade implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(LicenseDataUpgrade.class);

  private final JdbcClient jdbc;
  private final HolderIds holders;
  private final TransactionTemplate tx;

  LicenseDataUpgrade(JdbcClient jdbc, HolderIds holders, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.holders = holders;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer n = tx.execute(s -> {
      int count = 0;
      for (Object[] r : jdbc.sql("""
          select id, holder_id, data::text from license.license where holder_id_sealed is null for update skip locked""")
          .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)}).list()) {
        jdbc.sql("update license.license set holder_id = ?, holder_id_sealed = ?, data_sealed = ?, data = null where id = ?")
            .params(holders.index((String) r[1]), holders.seal((String) r[1], HolderIds.HOLDER),
                holders.seal((String) r[2], "license-data"), r[0]).update();
        count++;
      }
      for (Object[] r : jdbc.sql("""
          select a.id, l.holder_id from license.license_authorization a join license.license l on l.id = a.license_id
          where a.holder_id <> l.holder_id for update of a skip locked""")
          .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).list()) {
        jdbc.sql("update license.license_authorization set holder_id = ? where id = ?").params(r[1], r[0]).update();
        count++;
      }
      for (Object[] r : jdbc.sql("""
          select id, signer_kind, signer_id, content from license.signature where content is not null
          for update skip locked""")
          .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
              rs.getString(4)}).list()) {
        String signer = "PERSON".equals(r[1]) && ((String) r[2]).length() == 18 ? holders.index((String) r[2]) : (String) r[2];
        jdbc.sql("update license.signature set signer_id = ?, content_sealed = ?, content = null where id = ?")
            .params(signer, holders.seal((String) r[3], "signed-content"), r[0]).update();
        count++;
      }
      for (Object[] r : jdbc.sql("select license_id, content from license.license_document where content is not null "
          + "for update skip locked").query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2)}).list()) {
        jdbc.sql("update license.license_document set content_sealed = ?, content = null where license_id = ?")
            .params(holders.sealBytes((byte[]) r[1], "license-document"), r[0]).update();
        count++;
      }
      for (Object[] r : jdbc.sql("select id, content from license.license_import where content is not null "
          + "for update skip locked").query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).list()) {
        jdbc.sql("update license.license_import set content_sealed = ?, content = null where id = ?")
            .params(holders.seal((String) r[1], "legacy-import"), r[0]).update();
        count++;
      }
      for (Object[] r : jdbc.sql("select import_id, row_number, raw from license.license_import_rejection "
          + "where raw is not null for update skip locked")
          .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)}).list()) {
        jdbc.sql("update license.license_import_rejection set raw_sealed = ?, raw = null where import_id = ? and row_number = ?")
            .params(holders.seal((String) r[2], "legacy-import"), r[0], r[1]).update();
        count++;
      }
      return count;
    });
    if (n != null && n > 0) {
      log.info("Sealed {} license record(s) stored before encryption at rest", n);
    }
  }
}
