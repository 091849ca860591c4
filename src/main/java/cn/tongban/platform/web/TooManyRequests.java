package cn.tongban.platform.web;

import org.springframework.http.HttpStatus;

/** A client or an account asked too often: 429 with {@code Retry-After} (seconds). */
public class TooManyRequests extends PlatformException {
  private final long retryAfterSeconds;

  public TooManyRequests(long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", "操作过于频繁，请" + retryAfterSeconds + "秒后再试。");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
