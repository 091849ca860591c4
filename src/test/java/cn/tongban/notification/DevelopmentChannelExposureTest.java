package cn.tongban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanApplication;
import cn.tongban.TongbanTest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The development message channel shows one-time sign-in codes: it exists only in the demo profile, and even there
 * only a client on the same machine or an administrator reaches it. Without the demo profile the platform refuses
 * to start with it, with demo accounts, or without a real master key.
 */
@TongbanTest
class DevelopmentChannelExposureTest {
  @Autowired MockMvc mvc;

  @Test
  void aRemoteVisitorGets404FromTheDevelopmentOutboxWhileTheLocalMachineAndAnAdministratorSeeIt() throws Exception {
    mvc.perform(get("/dev/notifications").with(r -> {
      r.setRemoteAddr("203.0.113.7");
      return r;
    })).andExpect(status().isNotFound());
    mvc.perform(get("/dev/notifications").with(r -> {
      r.setRemoteAddr("203.0.113.7");
      return r;
    }).with(user("scjg01").roles("STAFF"))).andExpect(status().isNotFound());
    mvc.perform(get("/dev/notifications").with(r -> {
      r.setRemoteAddr("203.0.113.7");
      return r;
    }).with(user("gly01").roles("ADMIN"))).andExpect(status().isOk());
    mvc.perform(get("/dev/notifications").with(r -> {
      r.setRemoteAddr("127.0.0.1");
      return r;
    })).andExpect(status().isOk());
  }

  static Throwable start(Map<String, Object> props) {
    Map<String, Object> all = new HashMap<>(Map.of("server.port", "0", "tongban.db.embedded.ephemeral", "true",
        "spring.main.banner-mode", "off", "tongban.crypto.master-key", "", "spring.profiles.active", ""));
    all.putAll(props);
    return catchThrowable(() -> {
      String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
      try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(TongbanApplication.class).run(args)) {
        assertThat(ctx.isActive()).isTrue();
      }
    });
  }

  @Test
  void withoutTheDemoProfileThePlatformRefusesToStartWithoutARealMasterKey() {
    assertThat(start(Map.of())).hasStackTraceContaining("TONGBAN_MASTER_KEY");
    assertThat(start(Map.of("tongban.crypto.master-key", "AAECAwQFBgcICQoLDA0ODw==")))
        .hasStackTraceContaining("TONGBAN_MASTER_KEY");
  }

  @Test
  void withoutTheDemoProfileThePlatformRefusesToStartWithTheDevelopmentChannelOrDemoAccounts() {
    byte[] key = new byte[16];
    new java.security.SecureRandom().nextBytes(key);
    Throwable refused = start(Map.of("tongban.crypto.master-key", Base64.getEncoder().encodeToString(key),
        "tongban.notification.dev-channel", "true", "tongban.demo.enabled", "true"));
    assertThat(refused).hasStackTraceContaining("development message channel")
        .hasStackTraceContaining("demo accounts");
  }
}
