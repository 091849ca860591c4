package cn.tongban.platform.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.TongbanTest;
import cn.tongban.platform.db.ModuleSchemas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A node whose master key does not open the database's key canary refuses to start. */
@TongbanTest
class KeyCanaryTest {
  @Autowired JdbcClient jdbc;
  @Autowired MasterKey key;
  @Autowired ModuleSchemas schemas;

  @Test
  void theRightKeyOpensTheCanaryAndAnotherKeyIsRefused() {
    assertThatCode(() -> new KeyCanary(jdbc, key, schemas).afterPropertiesSet()).doesNotThrowAnyException();
    MasterKey other = new MasterKey("EBESExQVFhcYGRobHB0eHw==", "unused", false);
    assertThatThrownBy(() -> new KeyCanary(jdbc, other, schemas).afterPropertiesSet())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("key canary");
  }
}
