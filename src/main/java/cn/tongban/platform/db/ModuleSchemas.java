package cn.tongban.platform.db;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each business module owns a PostgreSQL schema of its own name and its own Flyway migration series in
 * {@code db/migration/<module>}, with its own history table. They are migrated in dependency order at start-up.
 * Flyway takes a database lock per migration, so several nodes starting at once stay correct.
 */
@Component
public class ModuleSchemas implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(ModuleSchemas.class);

  /** Modules in the order their schemas are migrated (no cross-schema foreign keys, but a stable order). */
  public static final List<String> MODULES =
      List.of("platform", "audit", "notification", "region", "identity", "catalog", "workflow", "license", "application");

  private final DataSource dataSource;
  private final boolean cleanDisabled;

  ModuleSchemas(DataSource dataSource, @Value("${tongban.db.clean-disabled:true}") boolean cleanDisabled) {
    this.dataSource = dataSource;
    this.cleanDisabled = cleanDisabled;
  }

  @Override
  public void afterPropertiesSet() {
    for (String module : MODULES) {
      Flyway flyway = flyway(module);
      if (flyway.info().all().length == 0) {
        continue; // the module has no tables (yet)
      }
      var result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Schema {}: {} migration(s) applied, now at {}", module, result.migrationsExecuted, result.targetSchemaVersion);
      }
    }
  }

  Flyway flyway(String module) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(module)
        .defaultSchema(module)
        .createSchemas(true)
        .table("flyway_schema_history")
        .locations("classpath:db/migration/" + module)
        .cleanDisabled(cleanDisabled)
        .load();
  }
}
