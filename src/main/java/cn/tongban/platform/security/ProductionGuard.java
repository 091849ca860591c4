package cn.tongban.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Anything not started as the demo (Spring profile {@code demo}, which {@code ./tongban run} sets) is production:
 * it refuses to start, before any bean (or the embedded database) is created, unless it has a real master key
 * ({@code TONGBAN_MASTER_KEY}) and has neither the development message channel nor the demo accounts.
 */
@Component
class ProductionGuard implements BeanFactoryPostProcessor, EnvironmentAware {
  private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);
  /** The key the test configuration uses (bytes 0..15): published, so never a production key. */
  private static final String PUBLISHED_TEST_KEY = "AAECAwQFBgcICQoLDA0ODw==";

  private Environment env;

  @Override
  public void setEnvironment(Environment environment) {
    this.env = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
    boolean demo = env.acceptsProfiles(Profiles.of("demo"));
    if (demo) {
      log.warn("Demo profile: demo accounts, development message channel (/dev/notifications for local clients and "
          + "administrators) and a generated master key are allowed. Never use it for real data.");
      return;
    }
    List<String> problems = problems(env);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start without the demo profile (production): "
          + String.join("; ", problems) + ". See README, section Configuration.");
    }
    log.info("Production configuration checked: master key set, no development channel, no demo accounts");
  }

  static List<String> problems(Environment env) {
    List<String> problems = new ArrayList<>();
    String key = env.getProperty("tongban.crypto.master-key", "").trim();
    if (key.isEmpty()) {
      problems.add("TONGBAN_MASTER_KEY is not set (base64 of 16 random bytes, the same on every node)");
    } else if (!strong(key)) {
      problems.add("TONGBAN_MASTER_KEY is a published or trivial key; generate one with `head -c16 /dev/urandom | base64`");
    }
    if (env.getProperty("tongban.notification.dev-channel", Boolean.class, false)) {
      problems.add("the development message channel is on (TONGBAN_DEV_CHANNEL): it is for the demo profile only");
    }
    if (env.getProperty("tongban.db.embedded.non-durable-demo", Boolean.class, false)) {
      problems.add("the embedded database is set non-durable (tongban.db.embedded.non-durable-demo): for throwaway"
          + " demos only");
    }
    if (env.getProperty("tongban.demo.enabled", Boolean.class, false)) {
      problems.add("demo accounts are on (TONGBAN_DEMO): they are for the demo profile only");
    }
    return problems;
  }

  private static boolean strong(String b64) {
    if (b64.equals(PUBLISHED_TEST_KEY)) {
      return false;
    }
    try {
      byte[] k = Base64.getDecoder().decode(b64);
      return k.length == 16 && Arrays.stream(box(k)).distinct().count() > 4;
    } catch (IllegalArgumentException e) {
      return true; // MasterKey says what is wrong with it
    }
  }

  private static Byte[] box(byte[] k) {
    Byte[] out = new Byte[k.length];
    for (int i = 0; i < k.length; i++) {
      out[i] = k[i];
    }
    return out;
  }
}
