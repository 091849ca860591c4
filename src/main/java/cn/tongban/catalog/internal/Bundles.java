package cn.tongban.catalog.internal;

import cn.tongban.catalog.Audience;
import cn.tongban.catalog.Bundle;
import cn.tongban.catalog.LifeEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bundles (一件事) and their member item codes. */
@Repository
public class Bundles {
  private final JdbcClient jdbc;

  Bundles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Bundle> all() {
    return jdbc.sql("select * from catalog.bundle order by code").query(this::map).list();
  }

  public Optional<Bundle> byCode(String code) {
    return jdbc.sql("select * from catalog.bundle where code = ?").param(code).query(this::map).optional();
  }

  public boolean insertIfAbsent(Bundle b) {
    return jdbc.sql("""
        insert into catalog.bundle (code, name, audience, life_event, description, members)
        values (?, ?, ?, ?, ?, cast(? as text[])) on conflict (code) do nothing""")
        .params(b.code(), b.name(), b.audience().name(), b.lifeEvent().name(), b.description(),
            ServiceItems.textArray(b.members())).update() == 1;
  }

  private Bundle map(ResultSet rs, int row) throws SQLException {
    return new Bundle(rs.getString("code"), rs.getString("name"), Audience.valueOf(rs.getString("audience")),
        LifeEvent.valueOf(rs.getString("life_event")), rs.getString("description"),
        Arrays.asList((String[]) rs.getArray("members").getArray()));
  }
}
