package cn.tongban.audit;

import java.time.Instant;

/** One entry of the audit trail. */
public record AuditRecord(long seq, Instant occurredAt, String actorId, String actorName, String actorRole,
    String channel, String clientAddress, String action, String objectType, String objectId, String detail,
    String prevHash, String hash) {

  /** The exact text that is hashed: every field, in a fixed order, unambiguously separated. */
  String canonical() {
    return String.join("\u001f", Long.toString(seq), occurredAt.toString(), actorId, actorName, actorRole, channel,
        nullSafe(clientAddress), action, objectType, objectId, nullSafe(detail), prevHash);
  }

  private static String nullSafe(String s) {
    return s == null ? "" : s;
  }
}
