package cn.tongban.platform.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j, in memory; ADR 0008) for what an attacker would repeat: signing in, asking for and
 * checking one-time codes, the public progress query and license verification, registration. Each limit is kept
 * per client address and, where the request names an account, per account. The map is bounded: past
 * {@code max-keys} it starts afresh rather than grow. Limits are per node; the hard bounds that must hold across
 * nodes (five tries per code, the lockout) live in PostgreSQL.
 */
@Component
public class RateLimits {
  /** A named limit: {@code perMinute} requests, refilled evenly over the minute. */
  public record Limit(String name, int perMinute) {}

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final int maxKeys;
  private final int loopbackFactor;

  /**
   * {@code loopback-factor} multiplies every limit for requests from this machine (1 in production; the test suite,
   * which sends everything from 127.0.0.1, raises it and checks the limits from other addresses).
   */
  RateLimits(@Value("${tongban.rate-limit.max-keys:100000}") int maxKeys,
      @Value("${tongban.rate-limit.loopback-factor:1}") int loopbackFactor) {
    this.maxKeys = maxKeys;
    this.loopbackFactor = loopbackFactor;
  }

  /** Takes one token for this client address; throws {@link TooManyRequests} when none is left. */
  public void byAddress(Limit limit, String address) {
    take(limit, "a:" + address, scaled(limit, address));
  }

  /** Takes one token for this account or login (case-insensitive, trimmed), for the current request's client. */
  public void byAccount(Limit limit, String login) {
    if (login != null && !login.isBlank()) {
      take(limit, "l:" + login.trim().toLowerCase(java.util.Locale.ROOT), scaled(limit, currentAddress()));
    }
  }

  private int scaled(Limit limit, String address) {
    return loopback(address) ? limit.perMinute() * loopbackFactor : limit.perMinute();
  }

  /** The current request's client address, or null outside a request. */
  public static String clientAddress() {
    return currentAddress();
  }

  static String currentAddress() {
    return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes a
        ? a.getRequest().getRemoteAddr() : null;
  }

  /** True for a client on this machine (IPv4 127/8 or IPv6 ::1). */
  public static boolean loopback(String address) {
    return address != null && (address.startsWith("127.") || address.equals("::1")
        || address.equals("0:0:0:0:0:0:0:1") || address.equals("[::1]"));
  }

  private void take(Limit limit, String key, int perMinute) {
    if (buckets.size() > maxKeys) {
      buckets.clear(); // bounded memory under a flood of distinct keys
    }
    Bucket bucket = buckets.computeIfAbsent(limit.name() + "|" + key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new TooManyRequests(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
  }
}
