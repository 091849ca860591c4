package cn.tongban.identity;

import java.time.Instant;
import java.util.UUID;

/** A stored account. */
record Account(UUID id, AccountKind kind, String username, String passwordHash, String displayName, String citizenId,
    String mobile, String departmentCode, String departmentName, String regionCode, String post, boolean enabled,
    Instant createdAt) {

  TongbanUser toUser() {
    return new TongbanUser(id, kind, username, passwordHash, displayName, departmentCode, departmentName, post, enabled);
  }
}
