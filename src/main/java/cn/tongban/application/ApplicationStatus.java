package cn.tongban.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a case: 申请 → 受理 / 不予受理 / 补正 → 审查 → 决定 → 办结, plus 撤回 and 终止.
 * Each status knows the statuses it may move to; nothing else may happen.
 */
public enum ApplicationStatus {
  SUBMITTED("已提交，待受理"),
  SUPPLEMENT_REQUIRED("待补正"),
  NOT_ACCEPTED("不予受理"),
  ACCEPTED("已受理，审查中"),
  REVIEWED("审查完毕，待决定"),
  APPROVED("准予许可，办结中"),
  DENIED("不予许可，办结中"),
  CONCLUDED("已办结"),
  WITHDRAWN("已撤回"),
  /** 终止: the department ends the case before a decision (e.g. the applicant died, the subject ceased to exist). */
  TERMINATED("已终止");

  private final String label;

  ApplicationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public Set<ApplicationStatus> next() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(ACCEPTED, SUPPLEMENT_REQUIRED, NOT_ACCEPTED, WITHDRAWN, TERMINATED);
      case SUPPLEMENT_REQUIRED -> EnumSet.of(SUBMITTED, WITHDRAWN, TERMINATED);
      case ACCEPTED -> EnumSet.of(REVIEWED, TERMINATED);
      case REVIEWED -> EnumSet.of(APPROVED, DENIED, TERMINATED);
      case APPROVED, DENIED -> EnumSet.of(CONCLUDED);
      case NOT_ACCEPTED, CONCLUDED, WITHDRAWN, TERMINATED -> EnumSet.noneOf(ApplicationStatus.class);
    };
  }

  public boolean canMoveTo(ApplicationStatus target) {
    return next().contains(target);
  }

  public boolean terminal() {
    return next().isEmpty();
  }
}
