package cn.tongban.identity.internal;

import cn.tongban.identity.AccountKind;
import cn.tongban.platform.crypto.PersonalData;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts of persons, staff and administrators. */
@Repository
public class Accounts {
  public static final String CITIZEN_ID = "citizen-id";
  static final String MOBILE = "mobile";

  private final RowMapper<Account> row = (rs, i) -> new Account(rs.getObject("id", UUID.class),
      AccountKind.valueOf(rs.getString("kind")), rs.getString("username"), rs.getString("password_hash"),
      rs.getString("display_name"), open(rs.getBytes("citizen_id_sealed"), CITIZEN_ID),
      open(rs.getBytes("mobile_sealed"), MOBILE),
      rs.getString("department_code"), rs.getString("department_name"), rs.getString("region_code"),
      rs.getString("post"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
      rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant());

  private final JdbcClient jdbc;
  private final PersonalData personal;

  Accounts(JdbcClient jdbc, PersonalData personal) {
    this.jdbc = jdbc;
    this.personal = personal;
  }

  private String open(byte[] sealed, String kind) {
    return personal.open(sealed, kind);
  }

  public String citizenIdIndex(String citizenId) {
    return citizenId == null ? null : personal.index(citizenId.trim().toUpperCase(Locale.ROOT), CITIZEN_ID);
  }

  String mobileIndex(String mobile) {
    return mobile == null ? null : personal.index(mobile.trim(), MOBILE);
  }

  public void insert(Account a) {
    jdbc.sql("""
        insert into identity.account (id, kind, username, password_hash, display_name, citizen_id_sealed,
          citizen_id_index, mobile_sealed, mobile_index, department_code, department_name, region_code, post, enabled)
        values (:id, :kind, :username, :hash, :name, :cidSealed, :cidIndex, :mobileSealed, :mobileIndex, :dept,
          :deptName, :region, :post, :enabled)""")
        .param("id", a.id()).param("kind", a.kind().name()).param("username", a.username())
        .param("hash", a.passwordHash()).param("name", a.displayName())
        .param("cidSealed", personal.seal(a.citizenId(), CITIZEN_ID)).param("cidIndex", citizenIdIndex(a.citizenId()))
        .param("mobileSealed", personal.seal(a.mobile(), MOBILE)).param("mobileIndex", mobileIndex(a.mobile())).param("dept", a.departmentCode()).param("deptName", a.departmentName())
        .param("region", a.regionCode()).param("post", a.post()).param("enabled", a.enabled())
        .update();
  }

  public Optional<Account> byId(UUID id) {
    return jdbc.sql("select * from identity.account where id = ?").param(id).query(row).optional();
  }

  /** Persons sign in with their ID number or mobile number, staff with their user name. */
  public Optional<Account> byLogin(String login) {
    return jdbc.sql("""
        select * from identity.account
        where username = :login or (kind = 'PERSON' and (citizen_id_index = :cid or mobile_index = :mobile))
        order by case when username = :login then 0 else 1 end limit 1""")
        .param("login", login).param("cid", citizenIdIndex(login)).param("mobile", mobileIndex(login))
        .query(row).optional();
  }

  /** Counts a failed sign-in; the account locks for {@code minutes} after {@code maxFailures} in a row. */
  void recordFailure(UUID id, int maxFailures, int minutes) {
    jdbc.sql("""
        update identity.account set failed_attempts = failed_attempts + 1,
          locked_until = case when failed_attempts + 1 >= :max then now() + make_interval(mins => :minutes)
                              else locked_until end
        where id = :id""").param("max", maxFailures).param("minutes", minutes).param("id", id).update();
  }

  void recordSuccess(UUID id) {
    jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null where id = ? and failed_attempts > 0")
        .param(id).update();
  }

  /** Sets a new password; a lock stays (it ends by expiring or by an administrator, never by a reset). */
  void changePassword(UUID id, String hash) {
    jdbc.sql("update identity.account set password_hash = ? where id = ?").params(hash, id).update();
  }

  /** An administrator ends a lock. */
  public boolean unlock(UUID id) {
    return jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null where id = ? "
        + "and locked_until is not null").param(id).update() > 0;
  }

  public boolean citizenIdTaken(String citizenId) {
    return jdbc.sql("select count(*) from identity.account where citizen_id_index = ?")
        .param(citizenIdIndex(citizenId)).query(Integer.class).single() > 0;
  }

  public boolean personMobileTaken(String mobile) {
    return jdbc.sql("select count(*) from identity.account where kind = 'PERSON' and mobile_index = ?")
        .param(mobileIndex(mobile)).query(Integer.class).single() > 0;
  }

  public boolean usernameTaken(String username) {
    return jdbc.sql("select count(*) from identity.account where username = ?").param(username)
        .query(Integer.class).single() > 0;
  }

  /** A registered person by ID number, through its blind index. */
  public Optional<Account> personByCitizenId(String citizenId) {
    return jdbc.sql("select * from identity.account where kind = 'PERSON' and citizen_id_index = ?")
        .param(citizenIdIndex(citizenId)).query(row).optional();
  }

  /** Sets a person's own password and enables the account (a minor's account at the handover). */
  void setPasswordAndEnable(UUID id, String passwordHash) {
    jdbc.sql("update identity.account set password_hash = ?, enabled = true where id = ?").params(passwordHash, id)
        .update();
  }
}
