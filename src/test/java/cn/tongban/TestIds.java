package cn.tongban;

import cn.tongban.identity.CitizenIdNumber;
import java.util.concurrent.atomic.AtomicInteger;

/** Synthetic, valid, never-real citizen ID numbers and mobile numbers for tests. */
public final class TestIds {
  private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400));

  private TestIds() {}

  /** A fresh valid ID number (Yiwu area code, born 1980-2019), unique within this JVM. */
  public static String citizenId() {
    int n = SEQ.incrementAndGet();
    String body = "330782" + (1980 + n % 40) + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
        + String.format("%03d", n % 1000);
    return body + CitizenIdNumber.checkCharacter(body);
  }

  /** A fresh mobile number. */
  public static String mobile() {
    return "139" + String.format("%08d", (System.nanoTime() / 1000 + SEQ.incrementAndGet()) % 100_000_000L);
  }
}
