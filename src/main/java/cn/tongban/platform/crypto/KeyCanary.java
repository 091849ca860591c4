package cn.tongban.platform.crypto;

import cn.tongban.platform.db.ModuleSchemas;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, the master key must open the database's key canary (sealed with the key the database was first used
 * with). Otherwise the platform refuses to start: it reached a database of another installation, or runs with
 * another key than the other nodes, and would write personal data and seal keys that nobody can open again.
 */
@Component
class KeyCanary implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(KeyCanary.class);
  static final String PURPOSE = "key-canary";
  static final byte[] TEXT = "tongban key canary v1".getBytes(StandardCharsets.UTF_8);

  private final JdbcClient jdbc;
  private final MasterKey key;

  KeyCanary(JdbcClient jdbc, MasterKey key, ModuleSchemas schemas) { // after the migrations
    this.jdbc = jdbc;
    this.key = key;
  }

  @Override
  public void afterPropertiesSet() {
    jdbc.sql("insert into platform.key_canary (id, sealed) values (1, ?) on conflict (id) do nothing")
        .param(key.seal(TEXT, PURPOSE)).update();
    byte[] sealed = jdbc.sql("select sealed from platform.key_canary where id = 1").query(byte[].class).single();
    byte[] opened;
    try {
      opened = key.open(sealed, PURPOSE);
    } catch (RuntimeException e) {
      opened = null;
    }
    if (opened == null || !java.util.Arrays.equals(opened, TEXT)) {
      throw new IllegalStateException("The master key does not open this database's key canary: the database was "
          + "set up with another master key (another installation, or a node configured differently). Refusing to"
          + " start; set the TONGBAN_MASTER_KEY this database was created with.");
    }
    log.info("Master key checked against the database's key canary");
  }
}
