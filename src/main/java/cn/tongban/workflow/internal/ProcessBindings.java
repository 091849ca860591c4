package cn.tongban.workflow.internal;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which process an administrator bound to an item (overriding the catalog's default), with joint-review departments. */
@Repository
public class ProcessBindings {
  public record Binding(String itemCode, String processKey, List<String> jointDepartments) {}

  private final JdbcClient jdbc;

  ProcessBindings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Binding> of(String itemCode) {
    return jdbc.sql("select item_code, process_key, joint_departments from workflow.process_binding where item_code = ?")
        .param(itemCode).query((rs, i) -> {
          Array a = rs.getArray("joint_departments");
          return new Binding(rs.getString(1), rs.getString(2),
              a == null ? List.of() : Arrays.asList((String[]) a.getArray()));
        }).optional();
  }

  void bind(String itemCode, String processKey, List<String> jointDepartments, String by) {
    jdbc.sql("""
        insert into workflow.process_binding (item_code, process_key, joint_departments, bound_by)
        values (:item, :key, string_to_array(:joint, ','), :by)
        on conflict (item_code) do update set process_key = excluded.process_key,
          joint_departments = excluded.joint_departments, bound_by = excluded.bound_by, bound_at = now()""")
        .param("item", itemCode).param("key", processKey).param("joint", String.join(",", jointDepartments))
        .param("by", by).update();
  }

  boolean unbind(String itemCode) {
    return jdbc.sql("delete from workflow.process_binding where item_code = ?").param(itemCode).update() == 1;
  }
}
