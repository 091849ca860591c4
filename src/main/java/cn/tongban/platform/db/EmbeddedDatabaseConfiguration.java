package cn.tongban.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server from a Maven artifact when no external database is configured, so a newcomer
 * installs nothing. Its data lives in {@code tongban.db.embedded.data-dir} (default {@code ./data/postgres}) and
 * survives restarts; with {@code ephemeral=true} (tests) it lives in a fresh temporary folder.
 *
 * <p>It is durable by default (fsync, synchronous commit and full page writes on, logged at start): a case answered
 * with 201 survives a crash of the database process or of the machine. The library's fast settings (no fsync, no
 * synchronous commit) are available only as {@code non-durable-demo}. A server left running by a killed
 * application (its {@code postmaster.pid} in this data directory) is stopped deliberately before a new one starts;
 * the port is free-chosen at each start; a failed start is fatal with a clear message; and the server reached is
 * checked to be the one of this data directory, so an instance never writes into another instance's database.
 * Set {@code TONGBAN_DB_URL} to use an external PostgreSQL instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tongban.db.url", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  /**
   * The workflow engine reaches the database through its own configuration, which Spring does not see as a
   * dependency; declare it, so that on shutdown the engine closes before the embedded server stops.
   */
  @Bean
  static BeanFactoryPostProcessor engineClosesBeforeEmbeddedPostgres() {
    return factory -> {
      for (String name : factory.getBeanDefinitionNames()) {
        if (name.equals("processEngine") || name.equals("entityManagerFactory")) {
          BeanDefinition def = factory.getBeanDefinition(name);
          String[] before = def.getDependsOn() == null ? new String[0] : def.getDependsOn();
          String[] after = Arrays.copyOf(before, before.length + 1);
          after[before.length] = "embeddedPostgres";
          def.setDependsOn(after);
        }
      }
    };
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties props) {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    Path dir = null;
    int port = props.port();
    if (props.ephemeral()) {
      builder.setPort(0);
    } else {
      dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot create the embedded PostgreSQL data directory " + dir + ": " + e, e);
      }
      EmbeddedServerGuard.requireNoOtherInstance(dir);
      EmbeddedServerGuard.stopOrphan(dir);
      if (port == 0) {
        port = EmbeddedServerGuard.freePort();
      }
      builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false).setPort(port);
    }
    builder.setServerConfig("max_connections", "200");
    if (props.nonDurableDemo()) {
      builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off");
    } else {
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    builder.setRegisterShutdownHook(false); // Spring stops it, after everything that uses it
    EmbeddedPostgres pg;
    try {
      pg = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("The embedded PostgreSQL did not start (data directory "
          + (dir == null ? "temporary" : dir) + ", port " + port + "): " + e.getMessage()
          + ". Is the port taken, the disk full, or the folder not writable? Set TONGBAN_DB_URL to use an external"
          + " PostgreSQL instead.", e);
    }
    try {
      verify(pg, dir, props.nonDurableDemo());
    } catch (RuntimeException e) {
      try {
        pg.close();
      } catch (IOException ignored) {
        // the start already failed; keep its reason
      }
      throw e;
    }
    return pg;
  }

  /** The server reached is the one of this data directory, with the durability asked for; both logged. */
  static void verify(EmbeddedPostgres pg, Path dir, boolean nonDurable) {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      String dataDirectory = single(st, "show data_directory");
      String fsync = single(st, "show fsync");
      String syncCommit = single(st, "show synchronous_commit");
      String fullPages = single(st, "show full_page_writes");
      if (dir != null && !Path.of(dataDirectory).toRealPath().equals(dir.toRealPath())) {
        throw new IllegalStateException("The PostgreSQL server on port " + pg.getPort() + " serves " + dataDirectory
            + ", not this instance's " + dir + ": another server holds the port. Refusing to start.");
      }
      boolean durable = "on".equals(fsync) && "on".equals(syncCommit) && "on".equals(fullPages);
      if (!nonDurable && !durable) {
        throw new IllegalStateException("The embedded PostgreSQL runs without durability (fsync=" + fsync
            + ", synchronous_commit=" + syncCommit + ", full_page_writes=" + fullPages + "). Refusing to start.");
      }
      log.info("Embedded PostgreSQL started on port {} ({}): fsync={}, synchronous_commit={}, full_page_writes={}{}",
          pg.getPort(), dir == null ? "ephemeral" : dir, fsync, syncCommit, fullPages,
          durable ? " (durable)" : " (NON-DURABLE: throwaway demo only, acknowledged data can be lost in a crash)");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot check the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres pg) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&" + DatabaseTimeouts.JDBC_PARAMETERS);
    cfg.setUsername("postgres");
    cfg.setPoolName("tongban-embedded");
    cfg.setMaximumPoolSize(20);
    DatabaseTimeouts.apply(cfg);
    return new HikariDataSource(cfg);
  }
}
