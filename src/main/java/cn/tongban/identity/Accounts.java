package cn.tongban.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts of persons, staff and administrators. */
@Repository
class Accounts {
  private static final RowMapper<Account> ROW = (rs, i) -> new Account(rs.getObject("id", UUID.class),
      AccountKind.valueOf(rs.getString("kind")), rs.getString("username"), rs.getString("password_hash"),
      rs.getString("display_name"), rs.getString("citizen_id"), rs.getString("mobile"),
      rs.getString("department_code"), rs.getString("department_name"), rs.getString("region_code"),
      rs.getString("post"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());

  private final JdbcClient jdbc;

  Accounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Account a) {
    jdbc.sql("""
        insert into identity.account (id, kind, username, password_hash, display_name, citizen_id, mobile,
          department_code, department_name, region_code, post, enabled)
        values (:id, :kind, :username, :hash, :name, :cid, :mobile, :dept, :deptName, :region, :post, :enabled)""")
        .param("id", a.id()).param("kind", a.kind().name()).param("username", a.username())
        .param("hash", a.passwordHash()).param("name", a.displayName()).param("cid", a.citizenId())
        .param("mobile", a.mobile()).param("dept", a.departmentCode()).param("deptName", a.departmentName())
        .param("region", a.regionCode()).param("post", a.post()).param("enabled", a.enabled())
        .update();
  }

  Optional<Account> byId(UUID id) {
    return jdbc.sql("select * from identity.account where id = ?").param(id).query(ROW).optional();
  }

  /** Persons sign in with their ID number or mobile number, staff with their user name. */
  Optional<Account> byLogin(String login) {
    return jdbc.sql("""
        select * from identity.account
        where username = :login or (kind = 'PERSON' and (citizen_id = upper(:login) or mobile = :login))
        order by case when username = :login then 0 else 1 end limit 1""")
        .param("login", login).query(ROW).optional();
  }

  boolean citizenIdTaken(String citizenId) {
    return jdbc.sql("select count(*) from identity.account where citizen_id = ?").param(citizenId)
        .query(Integer.class).single() > 0;
  }

  boolean personMobileTaken(String mobile) {
    return jdbc.sql("select count(*) from identity.account where kind = 'PERSON' and mobile = ?").param(mobile)
        .query(Integer.class).single() > 0;
  }

  boolean usernameTaken(String username) {
    return jdbc.sql("select count(*) from identity.account where username = ?").param(username)
        .query(Integer.class).single() > 0;
  }

  /** A registered person by ID number (the lead's encryption work replaces this lookup with the blind index). */
  Optional<Account> personByCitizenId(String citizenId) {
    return jdbc.sql("select * from identity.account where kind = 'PERSON' and citizen_id = ?").param(citizenId)
        .query(ROW).optional();
  }

  /** Sets a person's own password and enables the account (a minor's account at the handover). */
  void setPasswordAndEnable(UUID id, String passwordHash) {
    jdbc.sql("update identity.account set password_hash = ?, enabled = true where id = ?").params(passwordHash, id)
        .update();
  }
}
