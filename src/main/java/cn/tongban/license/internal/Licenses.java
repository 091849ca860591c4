package cn.tongban.license.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The electronic licenses issued by the platform, every version of them. */
@Repository
public class Licenses {
  private static final String INSERT = """
      insert into license.license (id, identifier, type_code, name, holder_name, holder_id, holder_id_sealed,
        issuer_code, issuer_name, issued_on, valid_from, valid_until, data_sealed, application_number, status, key_id,
        signature, version, previous_id, origin)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final JsonMapper json;
  private final HolderIds holders;

  Licenses(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, HolderIds holders) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.json = json;
    this.holders = holders;
  }

  public long nextSerial() {
    return jdbc.sql("select nextval('license.license_serial')").query(Long.class).single();
  }

  List<Long> nextSerials(int n) {
    return jdbc.sql("select nextval('license.license_serial') from generate_series(1, ?)").param(n)
        .query(Long.class).list();
  }

  public void insert(License l) {
    jdbc.sql(INSERT).params(values(l)).update();
  }

  /** Inserts many licenses in one round trip per batch. */
  void insertAll(List<License> all) {
    batch.batchUpdate(INSERT, all.stream().map(this::values).toList());
  }

  private Object[] values(License l) {
    return new Object[] {l.id(), l.identifier(), l.typeCode(), l.name(), l.holderName(), holders.index(l.holderId()),
        holders.seal(l.holderId(), HolderIds.HOLDER), l.issuerCode(), l.issuerName(), Date.valueOf(l.issuedOn()),
        Date.valueOf(l.validFrom()), l.validUntil() == null ? null : Date.valueOf(l.validUntil()),
        holders.seal(json.writeValueAsString(l.data()), "license-data"),
        l.applicationNumber(), l.status(), l.keyId(), l.signature(), l.version(), l.previousId(), l.origin()};
  }

  void markSuperseded(UUID id) {
    jdbc.sql("update license.license set status = 'SUPERSEDED' where id = ? and status = 'VALID'").param(id).update();
  }

  void markRevoked(UUID id, String reason) {
    jdbc.sql("update license.license set status = 'REVOKED', revoked_reason = ?, revoked_at = now() where id = ?")
        .params(reason, id).update();
  }

  void markChecked(UUID id, LocalDate on) {
    jdbc.sql("update license.license set last_checked_on = ? where id = ?").params(Date.valueOf(on), id).update();
  }

  public Optional<License> byIdentifier(String identifier) {
    return jdbc.sql("select * from license.license where identifier = ?").param(identifier).query(this::map).optional();
  }

  /**
   * Until this transaction ends, whoever issues the license of this case (办件编号) on any node waits: a
   * transaction-scoped PostgreSQL advisory lock on the number.
   */
  void lockDecision(String applicationNumber) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('license-decision:' || ?))").param(applicationNumber)
        .query((rs, i) -> 1).list();
  }

  /** The identifier of the license that the decision on this case (办件编号) issued, once it was issued. */
  Optional<String> issuedOnDecision(String applicationNumber) {
    return jdbc.sql("select identifier from license.license where application_number = ? and origin = 'DECISION'")
        .param(applicationNumber).query(String.class).optional();
  }

  Optional<License> byIdentifierForUpdate(String identifier) {
    return jdbc.sql("select * from license.license where identifier = ? for update").param(identifier)
        .query(this::map).optional();
  }

  Optional<License> byId(UUID id) {
    return jdbc.sql("select * from license.license where id = ?").param(id).query(this::map).optional();
  }

  /** The version that replaced this one, if it was changed. */
  Optional<License> successorOf(UUID id) {
    return jdbc.sql("select * from license.license where previous_id = ?").param(id).query(this::map).optional();
  }

  public List<License> byHolder(String holderId) {
    return jdbc.sql("select * from license.license where holder_id = ? order by issued_on desc, created_at desc")
        .param(holders.index(holderId)).query(this::map).list();
  }

  /** What an altered sealed value reads as: it can match no signature, so the license verifies as invalid. */
  static final String UNREADABLE = "（数据无法解密：已被篡改）";

  private static <T> T readable(Supplier<T> open, T unreadable) {
    try {
      return open.get();
    } catch (IllegalStateException e) {
      return unreadable;
    }
  }

  private License map(ResultSet rs, int i) throws SQLException {
    byte[] holderSealed = rs.getBytes("holder_id_sealed");
    byte[] dataSealed = rs.getBytes("data_sealed");
    Date until = rs.getDate("valid_until");
    Date checked = rs.getDate("last_checked_on");
    return new License(rs.getObject("id", UUID.class), rs.getString("identifier"), rs.getString("type_code"),
        rs.getString("name"), rs.getString("holder_name"), readable(() -> holders.open(holderSealed, HolderIds.HOLDER), UNREADABLE),
        rs.getString("issuer_code"),
        rs.getString("issuer_name"), rs.getDate("issued_on").toLocalDate(), rs.getDate("valid_from").toLocalDate(),
        until == null ? null : until.toLocalDate(),
        readable(() -> json.readValue(holders.open(dataSealed, "license-data"),
            new TypeReference<Map<String, String>>() {}), Map.of("!", UNREADABLE)),
        rs.getString("application_number"), rs.getString("status"), rs.getString("key_id"), rs.getBytes("signature"),
        rs.getInt("version"), rs.getObject("previous_id", UUID.class), rs.getString("origin"),
        rs.getString("revoked_reason"), checked == null ? null : checked.toLocalDate());
  }
}
