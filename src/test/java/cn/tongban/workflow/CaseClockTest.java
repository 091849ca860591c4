package cn.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.TongbanTest;
import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.internal.DeadlineWatch;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The working-day calendar with China's holidays, the case clock with pauses, and the timers that fire once. */
@TongbanTest
class CaseClockTest {
  @Autowired WorkingCalendar calendar;
  @Autowired CaseClocks clocks;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail audit;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void deadlinesCrossTheHolidaysAndCountTheMakeUpWorkdays() {
    // 2025 National Day + Mid-Autumn: 10-01…10-08 off, Sun 9-28 and Sat 10-11 are make-up workdays
    assertThat(calendar.addWorkingDays(d("2025-09-26"), 20)).isEqualTo(d("2025-10-30"));
    assertThat(calendar.isWorkingDay(d("2025-09-28"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2025-10-06"))).isFalse(); // 中秋节 inside the National Day holiday
    assertThat(calendar.isWorkingDay(d("2025-10-11"))).isTrue();
    assertThat(calendar.addWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
    assertThat(calendar.addWorkingDays(d("2025-09-27"), 1)).isEqualTo(d("2025-09-28")); // a Saturday: the next day works
    // 2026 Spring Festival: 2-15…2-23 off; Sat 2-14 and Sat 2-28 are make-up workdays
    assertThat(calendar.addWorkingDays(d("2026-02-13"), 10)).isEqualTo(d("2026-03-05"));
    assertThat(calendar.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
    assertThat(calendar.addWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
    assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-28"))).isEqualTo(6); // 2-14, 2-24…2-27, 2-28
    // the other worked examples of the standard (§8.1)
    assertThat(calendar.addWorkingDays(d("2025-01-24"), 5)).isEqualTo(d("2025-02-07"));
    assertThat(calendar.addWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
    assertThat(calendar.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
    // the start day itself is not counted; zero days is the start day
    assertThat(calendar.addWorkingDays(d("2025-03-03"), 0)).isEqualTo(d("2025-03-03"));
    assertThat(calendar.addWorkingDays(d("2025-03-03"), 1)).isEqualTo(d("2025-03-04"));
  }

  @Test
  void theCalendarRefusesToComputeIntoAYearThatIsNotLoaded() {
    assertThat(calendar.lastLoadedYear()).isGreaterThanOrEqualTo(2026);
    int next = calendar.lastLoadedYear() + 1;
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(next - 1, 12, 20), 20))
        .isInstanceOf(PlatformException.class).hasMessageContaining(next + "年");
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2023, 6, 1))).isInstanceOf(PlatformException.class);
  }

  @Test
  void anAdministratorLoadsTheNextYearFromTheNoticeAndOnlyValidDays() {
    LocalDate today = d("2026-11-27");
    String url = "https://www.gov.cn/zhengce/content/2027.htm";
    assertThatThrownBy(() -> calendar.loadYear(2025, url,
        List.of(new WorkingCalendar.SpecialDay(d("2025-01-01"), WorkingCalendar.Kind.HOLIDAY, "元旦")), today))
        .isInstanceOf(PlatformException.class); // past years stay as they were
    assertThatThrownBy(() -> calendar.loadYear(2027, url,
        List.of(new WorkingCalendar.SpecialDay(d("2026-12-31"), WorkingCalendar.Kind.HOLIDAY, "元旦")), today))
        .isInstanceOf(PlatformException.class); // a day of another year
    tx.executeWithoutResult(s -> calendar.loadYear(2027, url,
        List.of(new WorkingCalendar.SpecialDay(d("2027-01-01"), WorkingCalendar.Kind.HOLIDAY, "元旦")), today));
    assertThat(calendar.lastLoadedYear()).isGreaterThanOrEqualTo(2027);
    assertThat(calendar.addWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-04"));
    assertThat(calendar.year(2027)).extracting(WorkingCalendar.SpecialDay::name).contains("元旦");
  }

  @Test
  void aSpecialProcedurePausesTheClockAndResumptionContinuesIt() {
    UUID id = UUID.randomUUID();
    String number = "T" + id.toString().substring(0, 8);
    clocks.start(id, number, "测试事项", "SCJG", d("2025-09-26"), 20, 30);
    CaseDeadlines before = clocks.deadlines(id, d("2025-10-09")).orElseThrow();
    assertThat(before.promisedDue()).isEqualTo(d("2025-10-30"));
    assertThat(before.state()).isEqualTo(CaseDeadlines.State.NORMAL);
    assertThat(before.remainingWorkingDays()).isEqualTo(20 - 4); // 9-28 (make-up Sunday), 9-29, 9-30, 10-09

    tx.executeWithoutResult(s -> clocks.pause(id, PauseKind.HEARING, "申请人申请听证", "审查岗", d("2025-10-09")));
    CaseDeadlines paused = clocks.deadlines(id, d("2025-10-13")).orElseThrow();
    assertThat(paused.state()).isEqualTo(CaseDeadlines.State.PAUSED);
    assertThat(paused.pauses()).singleElement().satisfies(p -> {
      assertThat(p.kindLabel()).isEqualTo("听证");
      assertThat(p.endedOn()).isNull();
      assertThat(p.workingDays()).isEqualTo(3); // so far 10-10 (Fri), 10-11 (make-up Saturday), 10-13 (Mon)
    });
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> clocks.pause(id, PauseKind.EXPERT_REVIEW, "再次", "审查岗",
        d("2025-10-10")))).hasMessageContaining("已在特别程序中");

    tx.executeWithoutResult(s -> clocks.resume(id, "审查岗", d("2025-10-15")));
    CaseDeadlines after = clocks.deadlines(id, d("2025-10-16")).orElseThrow();
    // 10-10, 10-11, 10-13, 10-14, 10-15 were not counted: both deadlines move by 5 working days
    assertThat(after.pausedWorkingDays()).isEqualTo(5);
    assertThat(after.promisedDue()).isEqualTo(d("2025-11-06"));
    assertThat(after.statutoryDue()).isEqualTo(calendar.addWorkingDays(d("2025-09-26"), 35));
    assertThat(after.state()).isEqualTo(CaseDeadlines.State.NORMAL);
    assertThat(after.remainingWorkingDays()).isEqualTo(20 - 5); // counted: 9-28, 9-29, 9-30, 10-09, then 10-16
    assertThat(after.pauses()).singleElement().satisfies(p -> assertThat(p.endedOn()).isEqualTo(d("2025-10-15")));
    assertThat(audit.forObject("application", number)).extracting(r -> r.action())
        .containsExactly("case.clock-paused", "case.clock-resumed");
  }

  @Test
  void theWarningAndTheOverdueAlarmFireExactlyOnceAcrossNodesAndRestarts() throws Exception {
    UUID id = UUID.randomUUID();
    String number = "T" + id.toString().substring(0, 8);
    clocks.start(id, number, "测试事项", "SCJG", d("2025-03-03"), 5, 10); // promised: 2025-03-10
    assertThat(clocks.warningDays()).isEqualTo(2);

    runOnTwoNodes(d("2025-03-04")); // 4 working days left: nothing yet
    assertThat(alarms(number)).isEmpty();

    runOnTwoNodes(d("2025-03-06")); // 2 left: 黄灯, on one node only
    assertThat(alarms(number)).containsExactly("case.deadline-warning");
    node().scan(d("2025-03-07")); // a restarted node finds it already fired
    assertThat(alarms(number)).containsExactly("case.deadline-warning");

    assertThat(clocks.overdue(d("2025-03-10"))).extracting(CaseClocks.OverdueCase::applicationId).doesNotContain(id);
    runOnTwoNodes(d("2025-03-11")); // past 03-10: 红灯, once
    assertThat(alarms(number)).containsExactly("case.deadline-warning", "case.deadline-overdue");
    node().scan(d("2025-03-12"));
    runOnTwoNodes(d("2025-03-13"));
    assertThat(alarms(number)).containsExactly("case.deadline-warning", "case.deadline-overdue");
    assertThat(clocks.overdue(d("2025-03-12"))).filteredOn(o -> o.applicationId().equals(id)).singleElement()
        .satisfies(o -> assertThat(o.deadlines().remainingWorkingDays()).isEqualTo(-2));

    // a decided case is no longer watched nor listed
    tx.executeWithoutResult(s -> clocks.stop(id));
    assertThat(clocks.overdue(d("2025-03-12"))).extracting(CaseClocks.OverdueCase::applicationId).doesNotContain(id);
  }

  /** A fresh watcher, as a newly started node (or the same node after a restart) would have. */
  DeadlineWatch node() {
    return new DeadlineWatch(jdbc, clocks, audit, events, tx);
  }

  void runOnTwoNodes(LocalDate today) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> runs = List.of(pool.submit(() -> {
        go.await();
        return node().scan(today);
      }), pool.submit(() -> {
        go.await();
        return node().scan(today);
      }));
      go.countDown();
      for (Future<Integer> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  List<String> alarms(String number) {
    return audit.forObject("application", number).stream().map(r -> r.action())
        .filter(a -> a.startsWith("case.deadline-")).toList();
  }
}
