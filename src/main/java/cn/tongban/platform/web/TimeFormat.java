package cn.tongban.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formats instants in China Standard Time for pages: {@code ${@time.format(instant)}}. */
@Component("time")
public class TimeFormat {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

  public String format(Instant instant) {
    return instant == null ? "" : FULL.format(instant);
  }

  public String minutes(Instant instant) {
    return instant == null ? "" : SHORT.format(instant);
  }
}
