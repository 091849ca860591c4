package cn.tongban.identity.internal;

import cn.tongban.platform.crypto.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Short one-time codes (account handover, SMS identity verification). Only an SM3 hash of the code, salted with
 * the code's id, is stored; a code works once, before it expires, and is void after five wrong tries.
 */
@Repository
class CodeStore {
  static final int MAX_ATTEMPTS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  CodeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Issues a new code (voiding earlier ones of the same purpose) and returns it in plain text, to be sent. */
  String issue(UUID accountId, String purpose, int digits, Duration validFor) {
    jdbc.sql("update identity.one_time_code set used_at = now() where account_id = ? and purpose = ? and used_at is null")
        .params(accountId, purpose).update();
    StringBuilder code = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      code.append(RANDOM.nextInt(10));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into identity.one_time_code (id, account_id, purpose, code_hash, expires_at) values (?, ?, ?, ?, ?)")
        .params(id, accountId, purpose, hash(id, code.toString()), Timestamp.from(Instant.now().plus(validFor)))
        .update();
    return code.toString();
  }

  /** Consumes the current code when it matches; counts a wrong try otherwise. */
  boolean consume(UUID accountId, String purpose, String code) {
    var current = jdbc.sql("""
        select id, code_hash from identity.one_time_code
        where account_id = ? and purpose = ? and used_at is null and expires_at > now() and attempts < ?
        order by created_at desc limit 1 for update""")
        .params(accountId, purpose, MAX_ATTEMPTS)
        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).optional();
    if (current.isEmpty()) {
      return false;
    }
    UUID id = (UUID) current.get()[0];
    boolean ok = code != null && MessageDigest.isEqual(hash(id, code.trim()).getBytes(StandardCharsets.US_ASCII),
        ((String) current.get()[1]).getBytes(StandardCharsets.US_ASCII));
    if (ok) {
      jdbc.sql("update identity.one_time_code set used_at = now() where id = ?").param(id).update();
    } else {
      jdbc.sql("update identity.one_time_code set attempts = attempts + 1 where id = ?").param(id).update();
    }
    return ok;
  }

  private static String hash(UUID id, String code) {
    return Sm3.hex((id + ":" + code).getBytes(StandardCharsets.UTF_8));
  }
}
