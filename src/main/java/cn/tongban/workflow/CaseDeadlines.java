package cn.tongban.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * A case's clock as of one day: the promised (承诺) and statutory (法定) deadlines in working days from acceptance,
 * shifted by the working days spent in special procedures, and how much time is left. When the calendar of a
 * needed year is not loaded yet, the dates are null and {@code problem} says why.
 */
public record CaseDeadlines(LocalDate acceptedOn, int promisedDays, int statutoryDays, LocalDate promisedDue,
    LocalDate statutoryDue, int pausedWorkingDays, int remainingWorkingDays, State state, List<Pause> pauses,
    String problem) {

  public enum State {
    NORMAL("正常"), WARNING("即将到期（黄灯）"), OVERDUE("已超期（红灯）"), PAUSED("特别程序中，计时暂停"), STOPPED("已作出决定，计时结束"),
    UNKNOWN("无法计算");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One special procedure; {@code endedOn} is null while it lasts. */
  public record Pause(PauseKind kind, String kindLabel, String reason, LocalDate startedOn, LocalDate endedOn,
      int workingDays) {}
}
