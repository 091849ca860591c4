package cn.tongban.identity;

import java.util.UUID;

/**
 * On whose behalf an application is made and by whom. {@code applicantId} is the natural person the case belongs to;
 * {@code partyType}/{@code partyId}/{@code partyName} name the applicant party (the person, or the enterprise an
 * employee acts for); {@code agentId}/{@code agentName} name who acted for the person, with {@code representation}
 * one of {@code GUARDIAN} (监护人代办), {@code AGENT} (委托代办), {@code ASSISTED} (窗口帮办), or null.
 */
public record Acting(UUID applicantId, PartyType partyType, UUID partyId, String partyName, UUID agentId,
    String agentName, String representation) {

  public static final String GUARDIAN = "GUARDIAN";
  public static final String AGENT = "AGENT";
  public static final String ASSISTED = "ASSISTED";

  /** How a page or a timeline describes the submitter. */
  public String submitterLabel() {
    if (representation == null) {
      return partyType == PartyType.ENTERPRISE ? "经办人（代表" + partyName + "）" : "申请人";
    }
    return switch (representation) {
      case GUARDIAN -> "监护人" + agentName + "代办";
      case AGENT -> "受托人" + agentName + "代办";
      case ASSISTED -> "窗口工作人员" + agentName + "帮办";
      default -> "申请人";
    };
  }
}
