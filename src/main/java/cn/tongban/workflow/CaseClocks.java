package cn.tongban.workflow;

import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.web.PlatformException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clock of each accepted case: started at 受理, paused by special procedures (补正、听证、专家评审、现场勘查…) and
 * resumed after them, stopped by the decision. Deadlines are computed on the working-day calendar.
 */
@Service
public class CaseClocks {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final AuditTrail audit;
  private final int warningDays;

  CaseClocks(JdbcClient jdbc, WorkingCalendar calendar, AuditTrail audit,
      @Value("${tongban.workflow.warning-days:2}") int warningDays) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.audit = audit;
    this.warningDays = warningDays;
  }

  /** Working days left at which a case turns yellow (黄灯). */
  public int warningDays() {
    return warningDays;
  }

  public record ClockRow(UUID applicationId, String number, String itemName, String departmentCode, LocalDate acceptedOn,
      int promisedDays, int statutoryDays, LocalDate pausedSince, boolean stopped) {}

  /** An overdue case for the supervisor's list. */
  public record OverdueCase(UUID applicationId, String applicationNumber, String itemName, String departmentCode,
      CaseDeadlines deadlines) {}

  @Transactional
  void start(UUID applicationId, String number, String itemName, String departmentCode, LocalDate acceptedOn,
      int promisedDays, int statutoryDays) {
    jdbc.sql("""
        insert into workflow.case_clock (application_id, application_number, item_name, department_code, accepted_on,
          promised_days, statutory_days) values (?, ?, ?, ?, ?, ?, ?) on conflict (application_id) do nothing""")
        .params(applicationId, number, itemName, departmentCode, acceptedOn, promisedDays, statutoryDays).update();
  }

  @Transactional
  public void stop(UUID applicationId) {
    jdbc.sql("update workflow.case_clock set stopped_at = now() where application_id = ? and stopped_at is null")
        .param(applicationId).update();
    jdbc.sql("update workflow.clock_pause set ended_on = ?, ended_by = '系统' where application_id = ? and ended_on is null")
        .params(LocalDate.now(CHINA), applicationId).update();
  }

  /** Starts a special procedure: the clock stands still until {@link #resume}. */
  @Transactional
  public void pause(UUID applicationId, PauseKind kind, String reason, String actorLabel, LocalDate on) {
    ClockRow c = forUpdate(applicationId);
    if (kind == null) {
      throw PlatformException.invalid("kind", "请选择特别程序类型");
    }
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > 500) {
      throw PlatformException.invalid("reason", "请填写暂停计时的事由（500字以内），并书面告知申请人");
    }
    if (c.stopped()) {
      throw PlatformException.conflict("CLOCK_STOPPED", "该办件已作出决定，计时已结束。");
    }
    if (c.pausedSince() != null) {
      throw PlatformException.conflict("CLOCK_PAUSED", "该办件已在特别程序中，计时已暂停。");
    }
    jdbc.sql("update workflow.case_clock set paused_since = ?, pause_kind = ? where application_id = ?")
        .params(on, kind.name(), applicationId).update();
    jdbc.sql("""
        insert into workflow.clock_pause (id, application_id, kind, reason, started_on, started_by)
        values (?, ?, ?, ?, ?, ?)""").params(UUID.randomUUID(), applicationId, kind.name(), why, on, actorLabel)
        .update();
    audit.record("case.clock-paused", "application", c.number(), kind.label() + "，计时暂停：" + why);
  }

  /** Ends the special procedure: counting continues from the next working day. */
  @Transactional
  public void resume(UUID applicationId, String actorLabel, LocalDate on) {
    ClockRow c = forUpdate(applicationId);
    if (c.pausedSince() == null) {
      throw PlatformException.conflict("CLOCK_NOT_PAUSED", "该办件当前未暂停计时。");
    }
    if (on.isBefore(c.pausedSince())) {
      throw PlatformException.invalid("on", "恢复日期不能早于暂停日期");
    }
    jdbc.sql("update workflow.case_clock set paused_since = null, pause_kind = null where application_id = ?")
        .param(applicationId).update();
    jdbc.sql("update workflow.clock_pause set ended_on = ?, ended_by = ? where application_id = ? and ended_on is null")
        .params(on, actorLabel, applicationId).update();
    audit.record("case.clock-resumed", "application", c.number(), "特别程序结束，恢复计时");
  }

  /** The clock of a case as of today (China time), if the case has been accepted. */
  @Transactional(readOnly = true)
  public Optional<CaseDeadlines> deadlines(UUID applicationId) {
    return deadlines(applicationId, LocalDate.now(CHINA));
  }

  @Transactional(readOnly = true)
  public Optional<CaseDeadlines> deadlines(UUID applicationId, LocalDate today) {
    return row(applicationId, false).map(c -> compute(c, today));
  }

  /** Every running case past its promised deadline, most overdue first: the supervisor's list (督办). */
  @Transactional(readOnly = true)
  public List<OverdueCase> overdue(LocalDate today) {
    List<OverdueCase> out = new ArrayList<>();
    for (ClockRow c : jdbc.sql("select * from workflow.case_clock where stopped_at is null order by accepted_on")
        .query(CaseClocks::map).list()) {
      CaseDeadlines d = compute(c, today);
      if (d.state() == CaseDeadlines.State.OVERDUE) {
        out.add(new OverdueCase(c.applicationId(), c.number(), c.itemName(), c.departmentCode(), d));
      }
    }
    out.sort(Comparator.comparingInt(o -> o.deadlines().remainingWorkingDays()));
    return out;
  }

  public CaseDeadlines compute(ClockRow c, LocalDate today) {
    List<CaseDeadlines.Pause> pauses = new ArrayList<>();
    try {
      WorkingCalendar.Snapshot cal = calendar.snapshot();
      int paused = 0;
      for (var p : jdbc.sql("""
          select kind, reason, started_on, ended_on from workflow.clock_pause where application_id = ?
          order by started_on, id""").param(c.applicationId())
          .query((rs, i) -> new Object[] {PauseKind.valueOf(rs.getString(1)), rs.getString(2),
              rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)}).list()) {
        PauseKind kind = (PauseKind) p[0];
        LocalDate from = (LocalDate) p[2];
        LocalDate to = (LocalDate) p[3];
        int days = cal.workingDaysBetween(from, to == null ? (today.isBefore(from) ? from : today) : to);
        paused += days;
        pauses.add(new CaseDeadlines.Pause(kind, kind.label(), (String) p[1], from, to, days));
      }
      LocalDate promisedDue = cal.addWorkingDays(c.acceptedOn(), c.promisedDays() + paused);
      LocalDate statutoryDue = cal.addWorkingDays(c.acceptedOn(), c.statutoryDays() + paused);
      int elapsed = cal.workingDaysBetween(c.acceptedOn(), today) - paused;
      int remaining = c.promisedDays() - elapsed;
      CaseDeadlines.State state;
      if (c.stopped()) {
        state = CaseDeadlines.State.STOPPED;
      } else if (c.pausedSince() != null) {
        state = CaseDeadlines.State.PAUSED;
      } else if (today.isAfter(promisedDue)) {
        state = CaseDeadlines.State.OVERDUE;
      } else if (remaining <= warningDays) {
        state = CaseDeadlines.State.WARNING;
      } else {
        state = CaseDeadlines.State.NORMAL;
      }
      return new CaseDeadlines(c.acceptedOn(), c.promisedDays(), c.statutoryDays(), promisedDue, statutoryDue, paused,
          remaining, state, List.copyOf(pauses), null);
    } catch (PlatformException e) {
      return new CaseDeadlines(c.acceptedOn(), c.promisedDays(), c.statutoryDays(), null, null, 0, 0,
          CaseDeadlines.State.UNKNOWN, List.copyOf(pauses), e.getMessage());
    }
  }

  Optional<ClockRow> row(UUID applicationId, boolean forUpdate) {
    return jdbc.sql("select * from workflow.case_clock where application_id = ?" + (forUpdate ? " for update" : ""))
        .param(applicationId).query(CaseClocks::map).optional();
  }

  private ClockRow forUpdate(UUID applicationId) {
    return row(applicationId, true)
        .orElseThrow(() -> PlatformException.conflict("CLOCK_NOT_STARTED", "该办件尚未受理，没有办理时限可暂停或恢复。"));
  }

  public static ClockRow map(ResultSet rs, int i) throws SQLException {
    return new ClockRow(rs.getObject("application_id", UUID.class), rs.getString("application_number"),
        rs.getString("item_name"), rs.getString("department_code"), rs.getObject("accepted_on", LocalDate.class),
        rs.getInt("promised_days"), rs.getInt("statutory_days"), rs.getObject("paused_since", LocalDate.class),
        rs.getTimestamp("stopped_at") != null);
  }
}
