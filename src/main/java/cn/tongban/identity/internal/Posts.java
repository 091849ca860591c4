package cn.tongban.identity.internal;

import cn.tongban.identity.StaffMember;
import cn.tongban.identity.StaffPost;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The posts of the departments with their A and B staff. */
@Repository
public class Posts {
  private static final String SELECT = """
      select p.*, a.display_name as primary_name, b.display_name as backup_name
      from identity.post p join identity.account a on a.id = p.primary_account
      left join identity.account b on b.id = p.backup_account""";
  private static final RowMapper<StaffPost> ROW = (rs, i) -> new StaffPost(rs.getString("code"),
      rs.getString("department_code"), rs.getString("name"), strings(rs.getArray("duties")),
      rs.getObject("primary_account", UUID.class), rs.getString("primary_name"),
      rs.getObject("backup_account", UUID.class), rs.getString("backup_name"), rs.getBoolean("primary_absent"),
      rs.getString("absence_reason"),
      rs.getTimestamp("absent_since") == null ? null : rs.getTimestamp("absent_since").toInstant());

  private final JdbcClient jdbc;

  Posts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  public void insertIfAbsent(String code, String departmentCode, String name, List<String> duties, UUID primary,
      UUID backup) {
    jdbc.sql("""
        insert into identity.post (code, department_code, name, duties, primary_account, backup_account)
        values (:code, :dept, :name, string_to_array(:duties, ','), :primary, :backup) on conflict do nothing""")
        .param("code", code).param("dept", departmentCode).param("name", name)
        .param("duties", String.join(",", duties)).param("primary", primary).param("backup", backup).update();
  }

  public List<StaffPost> all() {
    return jdbc.sql(SELECT + " order by p.department_code, p.code").query(ROW).list();
  }

  public Optional<StaffPost> byCode(String code) {
    return jdbc.sql(SELECT + " where p.code = ?").param(code).query(ROW).optional();
  }

  public Optional<StaffPost> forDuty(String departmentCode, String duty) {
    return jdbc.sql(SELECT + " where p.department_code = ? and ? = any(p.duties) order by p.code limit 1")
        .params(departmentCode, duty).query(ROW).optional();
  }

  public Optional<StaffPost> byCodeForUpdate(String code) {
    jdbc.sql("select code from identity.post where code = ? for update").param(code).query(String.class).optional();
    return byCode(code);
  }

  public List<StaffPost> ofDepartment(String departmentCode) {
    return jdbc.sql(SELECT + " where p.department_code = ? order by p.code").param(departmentCode).query(ROW).list();
  }

  public void setAbsence(String code, boolean absent, String reason) {
    jdbc.sql("""
        update identity.post set primary_absent = :absent, absence_reason = :reason,
          absent_since = case when :absent then now() else null end where code = :code""")
        .param("absent", absent).param("reason", absent ? reason : null).param("code", code).update();
  }

  public List<StaffMember> staffOf(String departmentCode) {
    return jdbc.sql("""
        select id, display_name, department_code, department_name, post from identity.account
        where kind = 'STAFF' and enabled and department_code = ? order by username""").param(departmentCode)
        .query((rs, i) -> new StaffMember(rs.getObject("id", UUID.class), rs.getString("display_name"),
            rs.getString("department_code"), rs.getString("department_name"), rs.getString("post"))).list();
  }

  public Optional<StaffMember> staff(UUID accountId) {
    return jdbc.sql("""
        select id, display_name, department_code, department_name, post from identity.account
        where kind = 'STAFF' and enabled and id = ?""").param(accountId)
        .query((rs, i) -> new StaffMember(rs.getObject("id", UUID.class), rs.getString("display_name"),
            rs.getString("department_code"), rs.getString("department_name"), rs.getString("post"))).optional();
  }

  public Optional<UUID> idOf(String username) {
    return jdbc.sql("select id from identity.account where username = ?").param(username).query(UUID.class).optional();
  }
}
