package cn.tongban.identity.internal;

import cn.tongban.identity.AccountKind;
import cn.tongban.identity.TongbanUser;
import java.time.Instant;
import java.util.UUID;

/** A stored account. */
public record Account(UUID id, AccountKind kind, String username, String passwordHash, String displayName, String citizenId,
    String mobile, String departmentCode, String departmentName, String regionCode, String post, boolean enabled,
    Instant createdAt, Instant lockedUntil) {

  public Account(UUID id, AccountKind kind, String username, String passwordHash, String displayName, String citizenId,
      String mobile, String departmentCode, String departmentName, String regionCode, String post, boolean enabled,
      Instant createdAt) {
    this(id, kind, username, passwordHash, displayName, citizenId, mobile, departmentCode, departmentName, regionCode,
        post, enabled, createdAt, null);
  }

  boolean locked() {
    return lockedUntil != null && lockedUntil.isAfter(Instant.now());
  }

  TongbanUser toUser() {
    return new TongbanUser(id, kind, passwordHash, displayName, departmentCode, departmentName, post, regionCode, enabled,
        !locked());
  }
}
