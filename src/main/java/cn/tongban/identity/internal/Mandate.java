package cn.tongban.identity.internal;

import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.PartyType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A mandate: a person (委托代办) or an enterprise (经办人授权) lets an agent act for it, for one item ({@code itemCode})
 * or all items ({@code null}), from {@code validFrom} until {@code validUntil} (inclusive, or open) or revocation.
 */
public record Mandate(UUID id, PartyType principalType, UUID principalId, String principalName, UUID agentAccountId,
    String agentName, String agentCitizenId, String itemCode, LocalDate validFrom, LocalDate validUntil,
    Instant grantedAt, Instant revokedAt) {

  public boolean activeOn(LocalDate day) {
    return revokedAt == null && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
  }

  public boolean covers(String item) {
    return itemCode == null || itemCode.equals(item);
  }

  public String agentCitizenIdMasked() {
    return CitizenIdNumber.mask(agentCitizenId);
  }

  public String scopeLabel() {
    return itemCode == null ? "全部事项" : itemCode;
  }
}
