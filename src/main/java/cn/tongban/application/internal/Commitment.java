package cn.tongban.application.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the applicant committed to instead of a material: {@code TOLERANCE} (容缺受理: supply it by {@code dueOn}) or
 * {@code PLEDGE} (告知承诺: the signed commitment replaces it). Kept with the case; the department checks it later
 * ({@code status} OPEN, then FULFILLED or BREACHED).
 */
public record Commitment(UUID id, UUID applicationId, String kind, String requirementCode, String materialName,
    String text, LocalDate dueOn, String status, Instant checkedAt, String checkedBy, String checkNote) {

  public String kindLabel() {
    return "TOLERANCE".equals(kind) ? "容缺受理" : "告知承诺";
  }

  public String statusLabel() {
    return switch (status) {
      case "FULFILLED" -> "TOLERANCE".equals(kind) ? "已补交" : "核查属实";
      case "BREACHED" -> "TOLERANCE".equals(kind) ? "逾期未补交" : "核查不实";
      default -> "TOLERANCE".equals(kind) ? "待补交" : "待核查";
    };
  }

  public static String tolerance(String materialName, LocalDate due) {
    return "本人申请容缺受理，承诺于" + due + "前补交“" + materialName + "”；逾期未补交的，同意终止办理并承担相应责任。";
  }

  public static String pledge(String materialName) {
    return "本人承诺已符合“" + materialName + "”所要证明的条件，所作承诺真实、有效；如承诺不实，愿承担相应法律责任，"
        + "并同意行政机关依法撤销所作决定。";
  }
}
