package cn.tongban.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** A separate consent to face verification (个人信息保护法第二十八条/第二十九条): purpose, time, withdrawable. */
public record BiometricConsent(UUID id, UUID accountId, String purpose, Instant consentedAt, Instant withdrawnAt) {
  public boolean active() {
    return withdrawnAt == null;
  }
}
