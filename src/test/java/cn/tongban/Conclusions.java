package cn.tongban;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An approved case whose item has a license concludes once the license module has issued that license, after the
 * decision committed (an application event through the event publication registry). Tests that look at the
 * concluded case right after the decision wait for that here, a few seconds at most.
 */
public final class Conclusions {
  private static final Duration AT_MOST = Duration.ofSeconds(15);

  private Conclusions() {}

  /** Waits until the case with this id has left the status APPROVED (it concluded with its license). */
  public static void await(JdbcClient jdbc, String applicationId) {
    Awaitility.await("conclusion of case " + applicationId).atMost(AT_MOST).pollInterval(Duration.ofMillis(50))
        .until(() -> !"APPROVED".equals(jdbc.sql("select status from application.application where id = ?")
            .param(UUID.fromString(applicationId)).query(String.class).single()));
  }

  /** The same for the case with this 办件编号. */
  public static void awaitNumber(JdbcClient jdbc, String number) {
    Awaitility.await("conclusion of case " + number).atMost(AT_MOST).pollInterval(Duration.ofMillis(50))
        .until(() -> !"APPROVED".equals(jdbc.sql("select status from application.application where number = ?")
            .param(number).query(String.class).single()));
  }
}
