package cn.tongban.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up administrative divisions: children for cascading pickers, full paths for display and validation. */
@Service
public class Divisions {
  private final JdbcClient jdbc;

  Divisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The provinces when {@code parent} is null or blank, else the divisions directly under it. */
  @Transactional(readOnly = true)
  public List<Division> children(String parent) {
    if (parent == null || parent.isBlank()) {
      return jdbc.sql("select * from region.division where level = 1 order by code").query(Division.class).list();
    }
    return jdbc.sql("select * from region.division where parent = ? order by code").param(parent.trim())
        .query(Division.class).list();
  }

  @Transactional(readOnly = true)
  public Optional<Division> find(String code) {
    if (code == null || !code.trim().matches("\\d{2,12}")) {
      return Optional.empty();
    }
    return jdbc.sql("select * from region.division where code = ?").param(code.trim()).query(Division.class).optional();
  }

  /** From the province down to the division itself; empty when the code is unknown. */
  @Transactional(readOnly = true)
  public List<Division> path(String code) {
    List<Division> path = new ArrayList<>();
    Optional<Division> d = find(code);
    while (d.isPresent()) {
      path.add(d.get());
      d = d.get().parent() == null || d.get().parent().isBlank() ? Optional.empty() : find(d.get().parent());
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * How an ADDRESS form value ({@code 330782001|工人北路8号}) reads: "浙江省金华市义乌市稠城街道工人北路8号"; other values
   * are returned as they are. For templates: {@code ${@divisions.display(value)}}.
   */
  public String display(String value) {
    if (value == null || !value.matches("\\d{9}\\|.*")) {
      return value;
    }
    int bar = value.indexOf('|');
    String name = fullName(value.substring(0, bar));
    return (name.isEmpty() ? value.substring(0, bar) : name) + value.substring(bar + 1);
  }

  /** "浙江省金华市义乌市稠城街道" for a code, or empty when unknown. */
  public String fullName(String code) {
    StringBuilder sb = new StringBuilder();
    for (Division d : path(code)) {
      if (!"市辖区".equals(d.name()) && !"县".equals(d.name())) {
        sb.append(d.name());
      }
    }
    return sb.toString();
  }
}
