package cn.tongban.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins (wrong password, unknown login, bad bearer token, wrong code) are counted, not audited one by
 * one: in memory per minute, kind, client address and masked login, at most {@code MAX_KEYS} distinct keys (the
 * rest add to one overflow bucket), and written every few seconds as one upsert per key into
 * {@code identity.sign_in_failure}. A flood therefore costs neither a row per request nor the audit chain's lock;
 * the account lockout itself is kept on the account.
 */
@Component
public class FailedSignIns {
  static final int MAX_KEYS = 10_000;

  record Key(Instant minute, String kind, String clientAddr, String login) {}

  private volatile Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;

  FailedSignIns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts one failure; {@code login} is shown masked and cut to 32 characters. */
  public void count(String kind, String login, String clientAddr) {
    Map<Key, LongAdder> current = counts;
    Key key = new Key(Instant.now().truncatedTo(ChronoUnit.MINUTES), kind, cut(clientAddr, 64), mask(login));
    if (current.size() >= MAX_KEYS && !current.containsKey(key)) {
      key = new Key(key.minute(), kind, "*", "*");
    }
    current.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  @Scheduled(fixedDelayString = "${tongban.identity.failure-flush-ms:5000}")
  public void flush() {
    Map<Key, LongAdder> batch = counts;
    if (batch.isEmpty()) {
      return;
    }
    counts = new ConcurrentHashMap<>();
    for (var e : batch.entrySet()) {
      Key k = e.getKey();
      jdbc.sql("""
          insert into identity.sign_in_failure (minute, kind, client_addr, login_shown, failures)
          values (?, ?, ?, ?, ?)
          on conflict (minute, kind, client_addr, login_shown) do update
            set failures = sign_in_failure.failures + excluded.failures""")
          .params(Timestamp.from(k.minute()), k.kind(), k.clientAddr(), k.login(), e.getValue().sum()).update();
    }
  }

  static String mask(String login) {
    if (login == null) {
      return "";
    }
    String l = login.trim();
    if (l.length() >= 11 && l.chars().allMatch(c -> Character.isDigit(c) || c == 'X' || c == 'x')) {
      l = l.substring(0, 3) + "*".repeat(l.length() - 7) + l.substring(l.length() - 4); // never a full ID or mobile
    }
    return cut(l, 32);
  }

  private static String cut(String s, int max) {
    return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
  }
}
