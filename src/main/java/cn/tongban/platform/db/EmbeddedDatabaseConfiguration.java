package cn.tongban.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties props) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (props.ephemeral()) {
      builder.setPort(0);
    } else {
      Path dir = Path.of(props.dataDir()).toAbsolutePath();
      Files.createDirectories(dir);
      builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false).setPort(props.port());
    }
    builder.setServerConfig("max_connections", "200");
    builder.setRegisterShutdownHook(false); // Spring stops it, after everything that uses it
    EmbeddedPostgres pg = builder.start();
    log.info("Embedded PostgreSQL started on port {} ({})", pg.getPort(),
        props.ephemeral() ? "ephemeral" : Path.of(props.dataDir()).toAbsolutePath());
    return pg;
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres pg) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
    cfg.setUsername("postgres");
    cfg.setPoolName("tongban-embedded");
    cfg.setMaximumPoolSize(20);
    return new HikariDataSource(cfg);
  }
}
