package cn.tongban.application.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commitments (容缺, 告知承诺) and the marked deficiencies (补正) of cases. */
@Repository
public class Commitments {
  private final JdbcClient jdbc;

  Commitments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Commitment c) {
    jdbc.sql("""
        insert into application.commitment (id, application_id, kind, requirement_code, material_name, text, due_on)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(c.id(), c.applicationId(), c.kind(), c.requirementCode(), c.materialName(), c.text(),
            c.dueOn() == null ? null : Date.valueOf(c.dueOn()))
        .update();
  }

  List<Commitment> of(UUID applicationId) {
    return jdbc.sql("select * from application.commitment where application_id = ? order by created_at, requirement_code")
        .param(applicationId).query(this::map).list();
  }

  /** Records the check of an open commitment; false when it is not open (checked already). */
  boolean check(UUID applicationId, UUID id, boolean fulfilled, String by, String note) {
    return jdbc.sql("""
        update application.commitment set status = ?, checked_at = now(), checked_by = ?, check_note = ?
        where id = ? and application_id = ? and status = 'OPEN'""")
        .params(fulfilled ? "FULFILLED" : "BREACHED", by, note, id, applicationId).update() == 1;
  }

  void insertDeficiencies(UUID applicationId, List<Deficiency> marked) {
    for (Deficiency d : marked) {
      jdbc.sql("insert into application.deficiency (application_id, round, target, label, reason) values (?, ?, ?, ?, ?)")
          .params(applicationId, d.round(), d.target(), d.label(), d.reason()).update();
    }
  }

  int lastRound(UUID applicationId) {
    return jdbc.sql("select coalesce(max(round), 0) from application.deficiency where application_id = ?")
        .param(applicationId).query(Integer.class).single();
  }

  /** The deficiencies of the latest correction round (what the open notice lists). */
  public List<Deficiency> latestDeficiencies(UUID applicationId) {
    return jdbc.sql("""
        select round, target, label, reason from application.deficiency
        where application_id = ? and round = (select max(round) from application.deficiency where application_id = ?)
        order by id""")
        .params(applicationId, applicationId)
        .query((rs, i) -> new Deficiency(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  private Commitment map(ResultSet rs, int i) throws SQLException {
    Date due = rs.getDate("due_on");
    Timestamp checked = rs.getTimestamp("checked_at");
    return new Commitment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
        rs.getString("kind"), rs.getString("requirement_code"), rs.getString("material_name"), rs.getString("text"),
        due == null ? null : due.toLocalDate(), rs.getString("status"), checked == null ? null : checked.toInstant(),
        rs.getString("checked_by"), rs.getString("check_note"));
  }
}
