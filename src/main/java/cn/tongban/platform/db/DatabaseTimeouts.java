package cn.tongban.platform.db;

import com.zaxxer.hikari.HikariConfig;

/**
 * When the database is gone, a request must fail within a couple of seconds (503, readiness down) rather than hang
 * for the pool's default 30 s: short timeouts for getting a connection, connecting and validating. The same values
 * are set for an external database in application.yml ({@code spring.datasource.hikari}).
 */
final class DatabaseTimeouts {
  /** PostgreSQL JDBC: connect within 2 s, log in within 3 s; a query that hears nothing for 5 min is abandoned. */
  static final String JDBC_PARAMETERS = "connectTimeout=2&loginTimeout=3&socketTimeout=300&tcpKeepAlive=true";

  private DatabaseTimeouts() {}

  static void apply(HikariConfig cfg) {
    cfg.setConnectionTimeout(2_000);
    cfg.setValidationTimeout(1_000);
    cfg.setInitializationFailTimeout(10_000);
  }
}
