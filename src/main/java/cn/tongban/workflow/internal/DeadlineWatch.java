package cn.tongban.workflow.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.workflow.CaseClocks;
import cn.tongban.workflow.CaseDeadlineAlert;
import cn.tongban.workflow.CaseDeadlines;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timers of the case clocks: every minute, each node claims the running clocks that may be due, in batches,
 * with {@code FOR UPDATE SKIP LOCKED},
 * raises the warning (黄灯) and the overdue alarm (红灯) when they are due and records that they fired in the same
 * transaction. The state lives in the database, so an alarm fires once whatever the number of nodes and restarts.
 */
@Component
public class DeadlineWatch {
  private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
  private static final int BATCH = 200;

  private final JdbcClient jdbc;
  private final CaseClocks clocks;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  public DeadlineWatch(JdbcClient jdbc, CaseClocks clocks, AuditTrail audit, ApplicationEventPublisher events,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.clocks = clocks;
    this.audit = audit;
    this.events = events;
    this.tx = tx;
  }

  @Scheduled(initialDelayString = "${tongban.workflow.deadline-poll-ms:60000}",
      fixedDelayString = "${tongban.workflow.deadline-poll-ms:60000}")
  void tick() {
    try {
      scan(LocalDate.now(CaseClocks.CHINA));
    } catch (RuntimeException e) {
      log.error("deadline scan failed", e);
    }
  }

  /** Raises every due alarm as of {@code today}; returns how many fired on this node. */
  public int scan(LocalDate today) {
    int fired = 0;
    Object[] after = {LocalDate.of(1970, 1, 1), new UUID(0, 0)};
    while (true) {
      Object[] from = after;
      Batch b = tx.execute(status -> batch(today, (LocalDate) from[0], (UUID) from[1]));
      fired += b.fired();
      if (b.last() == null) {
        return fired;
      }
      after = new Object[] {b.last().acceptedOn(), b.last().applicationId()};
    }
  }

  private record Batch(int fired, CaseClocks.ClockRow last) {}

  /**
   * One batch of running clocks that may be due (N working days are at least N calendar days, so younger clocks
   * cannot be), in key order after the previous batch; rows another node holds are skipped, not waited for.
   */
  private Batch batch(LocalDate today, LocalDate afterDate, UUID afterId) {
    List<CaseClocks.ClockRow> due = jdbc.sql("""
        select * from workflow.case_clock
        where stopped_at is null and paused_since is null and overdue_fired_at is null
          and ((warning_fired_at is null and accepted_on + greatest(promised_days - :warn, 0) <= :today)
               or accepted_on + promised_days < :today)
          and (accepted_on, application_id) > (:afterDate, :afterId)
        order by accepted_on, application_id limit :batch for update skip locked""")
        .param("warn", clocks.warningDays()).param("today", today).param("afterDate", afterDate)
        .param("afterId", afterId).param("batch", BATCH).query(CaseClocks::map).list();
    int n = 0;
    for (CaseClocks.ClockRow c : due) {
      CaseDeadlines d = clocks.compute(c, today);
      if (d.state() == CaseDeadlines.State.OVERDUE) {
        jdbc.sql("""
            update workflow.case_clock set overdue_fired_at = now(), warning_fired_at = coalesce(warning_fired_at, now())
            where application_id = ?""").param(c.applicationId()).update();
        fire(c, d);
        n++;
      } else if (d.state() == CaseDeadlines.State.WARNING && jdbc.sql("""
          update workflow.case_clock set warning_fired_at = now()
          where application_id = ? and warning_fired_at is null""").param(c.applicationId()).update() == 1) {
        fire(c, d);
        n++;
      }
    }
    return new Batch(n, due.size() < BATCH ? null : due.get(due.size() - 1));
  }

  private void fire(CaseClocks.ClockRow c, CaseDeadlines d) {
    boolean overdue = d.state() == CaseDeadlines.State.OVERDUE;
    audit.recordAs("system", "系统", "SYSTEM", overdue ? "case.deadline-overdue" : "case.deadline-warning",
        "application", c.number(), (overdue ? "已超过承诺期限（红灯）" : "距承诺期限还剩 " + d.remainingWorkingDays()
            + " 个工作日（黄灯）") + "，承诺办结日 " + d.promisedDue() + "，法定办结日 " + d.statutoryDue());
    events.publishEvent(new CaseDeadlineAlert(c.applicationId(), c.number(), d.state(), d.promisedDue(),
        d.remainingWorkingDays()));
  }
}
