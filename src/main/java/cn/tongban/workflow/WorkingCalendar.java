package cn.tongban.workflow;

import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar (工作日): Monday to Friday, except the statutory holidays, plus the make-up workdays (调休上班)
 * of the State Council's yearly notice. Counting follows 行政许可法 §82 and 民法典 §201: "N working days from day D"
 * does not count D itself. Nothing is computed into a year whose notice has not been loaded.
 */
@Service
public class WorkingCalendar {
  /** A day that differs from the Monday-to-Friday rule. */
  public record SpecialDay(LocalDate day, Kind kind, String name) {}

  public enum Kind { HOLIDAY, MAKEUP_WORKDAY }

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  WorkingCalendar(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The loaded calendar at one moment: the special days and the range of loaded years. */
  record Snapshot(Map<LocalDate, Kind> days, int firstYear, int lastYear) {
    boolean isWorkingDay(LocalDate d) {
      check(d);
      Kind k = days.get(d);
      if (k != null) {
        return k == Kind.MAKEUP_WORKDAY;
      }
      return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    void check(LocalDate d) {
      if (firstYear == 0 || d.getYear() > lastYear || d.getYear() < firstYear) {
        throw PlatformException.conflict("CALENDAR_NOT_LOADED", firstYear == 0 ? "尚未录入任何年度的节假日安排，无法计算工作日。"
            : "尚未录入" + d.getYear() + "年的节假日安排（已录入" + firstYear + "—" + lastYear + "年），无法计算工作日期限。");
      }
    }

    LocalDate addWorkingDays(LocalDate start, int n) {
      if (n < 0) {
        throw new IllegalArgumentException("negative working days: " + n);
      }
      LocalDate d = start;
      int left = n;
      while (left > 0) {
        d = d.plusDays(1);
        if (isWorkingDay(d)) {
          left--;
        }
      }
      return d;
    }

    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
      int n = 0;
      for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
        if (isWorkingDay(d)) {
          n++;
        }
      }
      return n;
    }
  }

  @Transactional(readOnly = true)
  Snapshot snapshot() {
    Map<LocalDate, Kind> days = new HashMap<>();
    jdbc.sql("select day, kind from workflow.calendar_day").query(rs -> {
      days.put(rs.getObject("day", LocalDate.class), Kind.valueOf(rs.getString("kind")));
    });
    Integer[] range = jdbc.sql("select min(year), max(year) from workflow.calendar_year")
        .query((rs, i) -> new Integer[] {rs.getInt(1), rs.getInt(2)}).single();
    return new Snapshot(days, range[0], range[1]);
  }

  /** Whether people work on this day. */
  @Transactional(readOnly = true)
  public boolean isWorkingDay(LocalDate day) {
    return snapshot().isWorkingDay(day);
  }

  /** The day N working days after {@code start} (start itself not counted); N = 0 gives start. */
  @Transactional(readOnly = true)
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    return snapshot().addWorkingDays(start, workingDays);
  }

  /** Working days after {@code fromExclusive} up to and including {@code toInclusive} (0 when to ≤ from). */
  @Transactional(readOnly = true)
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    return snapshot().workingDaysBetween(fromExclusive, toInclusive);
  }

  @Transactional(readOnly = true)
  public int lastLoadedYear() {
    return snapshot().lastYear();
  }

  @Transactional(readOnly = true)
  public List<SpecialDay> year(int year) {
    return jdbc.sql("select day, kind, name from workflow.calendar_day where extract(year from day) = ? order by day")
        .param(year).query((rs, i) -> new SpecialDay(rs.getObject("day", LocalDate.class),
            Kind.valueOf(rs.getString("kind")), rs.getString("name"))).list();
  }

  /**
   * Loads (or replaces) one year's holidays and make-up workdays from the State Council's notice. Only the current
   * year and later may be changed, so deadlines already computed for past years stay as they were.
   */
  @Transactional
  public void loadYear(int year, String sourceUrl, List<SpecialDay> days, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (year < today.getYear()) {
      problems.add(new FieldProblem("year", "只能录入或修改本年度及以后年度的节假日安排"));
    }
    if (year > today.getYear() + 2) {
      problems.add(new FieldProblem("year", "只能录入两年以内的节假日安排"));
    }
    if (sourceUrl == null || sourceUrl.isBlank() || sourceUrl.length() > 300) {
      problems.add(new FieldProblem("sourceUrl", "请填写国务院办公厅通知的来源链接"));
    }
    if (days == null || days.isEmpty()) {
      problems.add(new FieldProblem("days", "请录入该年度的节假日和调休上班日"));
    } else {
      for (int i = 0; i < days.size(); i++) {
        SpecialDay d = days.get(i);
        if (d.day() == null || d.kind() == null || d.day().getYear() != year) {
          problems.add(new FieldProblem("days[" + i + "]", "日期须属于" + year + "年并注明类型"));
        } else if (d.name() == null || d.name().isBlank() || d.name().length() > 50) {
          problems.add(new FieldProblem("days[" + i + "].name", "请填写节日名称"));
        }
      }
      if (days.stream().map(SpecialDay::day).distinct().count() != days.size()) {
        problems.add(new FieldProblem("days", "同一日期不能重复录入"));
      }
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    jdbc.sql("delete from workflow.calendar_day where extract(year from day) = ?").param(year).update();
    for (SpecialDay d : days) {
      jdbc.sql("insert into workflow.calendar_day (day, kind, name, source_url) values (?, ?, ?, ?)")
          .params(d.day(), d.kind().name(), d.name().trim(), sourceUrl.trim()).update();
    }
    jdbc.sql("""
        insert into workflow.calendar_year (year, source_url) values (?, ?)
        on conflict (year) do update set source_url = excluded.source_url, loaded_at = now()""")
        .params(year, sourceUrl.trim()).update();
    long holidays = days.stream().filter(d -> d.kind() == Kind.HOLIDAY).count();
    audit.record("calendar.year-loaded", "calendar", String.valueOf(year),
        "节假日 " + holidays + " 天，调休上班 " + (days.size() - holidays) + " 天，来源：" + sourceUrl.trim());
  }
}
