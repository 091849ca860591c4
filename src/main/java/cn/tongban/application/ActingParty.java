package cn.tongban.application;

import cn.tongban.identity.Acting;
import java.util.UUID;

/**
 * The applicant party of a case and who acted: {@code partyType} PERSON or ENTERPRISE (the enterprise an employee
 * applies for), and for a person the guardian, agent or window clerk who submitted it ({@code representation}
 * GUARDIAN, AGENT or ASSISTED), or nobody when the applicant applied in person.
 */
public record ActingParty(String partyType, UUID partyId, String partyName, UUID agentId, String agentName,
    String representation) {

  static ActingParty of(Acting a) {
    return new ActingParty(a.partyType().name(), a.partyId(), a.partyName(), a.agentId(), a.agentName(),
        a.representation());
  }

  public boolean forEnterprise() {
    return "ENTERPRISE".equals(partyType);
  }

  public boolean represented() {
    return representation != null;
  }

  /** E.g. 监护人张三代办, 受托人李四代办, 窗口工作人员王受理帮办, 代表某某公司 — or null when nothing to say. */
  public String label() {
    if (representation != null) {
      return switch (representation) {
        case Acting.GUARDIAN -> "监护人" + agentName + "代办";
        case Acting.AGENT -> "受托人" + agentName + "代办（委托代办）";
        case Acting.ASSISTED -> "窗口工作人员" + agentName + "帮办";
        default -> null;
      };
    }
    return forEnterprise() ? "代表" + partyName + "申请（经办人）" : null;
  }
}
