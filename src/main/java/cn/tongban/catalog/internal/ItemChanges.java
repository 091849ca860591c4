package cn.tongban.catalog.internal;

import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who did what to which version of an item, and which elements changed. */
@Repository
public class ItemChanges {
  private final JdbcClient jdbc;

  ItemChanges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry of an item's history. */
  public record Change(String code, int version, String action, String actorId, String actorName, List<String> fields,
      String note, Instant at) {

    /** As the public sees it: the department acted, never a staff member's name or account id. */
    public Change asDepartment(String departmentName) {
      return new Change(code, version, action, null, departmentName, fields, note, at);
    }

    public String actionLabel() {
      return switch (action) {
        case "DRAFTED" -> "起草新版本";
        case "CHANGED" -> "修改草稿";
        case "SUBMITTED" -> "提交审核";
        case "RETURNED" -> "退回修改";
        case "PUBLISHED" -> "审核通过并发布";
        case "IMPORTED" -> "批量导入并发布";
        default -> action;
      };
    }
  }

  public void add(String code, int version, String action, String actorId, String actorName, List<String> fields,
      String note) {
    jdbc.sql("""
        insert into catalog.item_change (code, version, action, actor_id, actor_name, fields, note)
        values (?, ?, ?, ?, ?, cast(? as text[]), ?)""")
        .params(code, version, action, actorId, actorName, ServiceItems.textArray(fields), note).update();
  }

  public List<Change> of(String code) {
    return jdbc.sql("select * from catalog.item_change where code = ? order by id desc").param(code)
        .query((rs, i) -> {
          Array a = rs.getArray("fields");
          return new Change(rs.getString("code"), rs.getInt("version"), rs.getString("action"),
              rs.getString("actor_id"), rs.getString("actor_name"),
              a == null ? List.of() : Arrays.asList((String[]) a.getArray()), rs.getString("note"),
              rs.getTimestamp("at").toInstant());
        }).list();
  }
}
