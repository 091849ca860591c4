package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.notification.Notifications;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A password-reset code cannot be guessed: five wrong tries burn it, and a locked account stays locked. */
@TongbanTest
class PasswordResetGuessingTest {
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Registration registration;
  @Autowired PopulationBase population;
  @Autowired Notifications notifications;
  @Autowired JdbcClient jdbc;

  record Person(UUID id, String mobile) {}

  Person person() {
    String id = TestIds.person(population, "重置测试");
    String mobile = TestIds.mobile();
    return new Person(registration.registerPerson(new RegisterPerson("重置测试", id, mobile, "Secret123")), mobile);
  }

  String resetCode(Person p) throws Exception {
    mvc.perform(post("/api/v1/auth/codes").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("login", p.mobile(), "purpose", "RESET"))));
    Matcher m = Pattern.compile("(\\d{6})").matcher(notifications.sentTo(p.id().toString(), 1).get(0).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  int reset(Person p, String code, String password) throws Exception {
    return mvc.perform(post("/api/v1/auth/password-reset").with(r -> {
              r.setRemoteAddr("198.51.100.20"); // not this machine: the limits apply in full
              return r;
            }).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("login", p.mobile(), "code", code, "newPassword", password))))
        .andReturn().getResponse().getStatus();
  }

  int signIn(Person p, String password) throws Exception {
    return mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("login", p.mobile(), "password", password))))
        .andReturn().getResponse().getStatus();
  }

  static String wrong(String code, int i) {
    String w = String.format("%06d", i);
    return w.equals(code) ? String.format("%06d", i + 500_000) : w;
  }

  @Test
  void fiveWrongResetCodesBurnTheCodeSoTheRightOneNoLongerWorks() throws Exception {
    Person p = person();
    String code = resetCode(p);
    for (int i = 0; i < 5; i++) {
      assertThat(reset(p, wrong(code, i), "NewSecret1")).isIn(422, 429);
    }
    assertThat(jdbc.sql("select max(attempts) from identity.one_time_code where account_id = ?").param(p.id())
        .query(Integer.class).single()).isEqualTo(5);
    assertThat(reset(p, code, "NewSecret1")).isIn(422, 429);
    assertThat(signIn(p, "NewSecret1")).isEqualTo(401);
    assertThat(signIn(p, "Secret123")).isEqualTo(200);
  }

  @Test
  void sixtyQuickGuessesAreThrottled() throws Exception {
    Person p = person();
    String code = resetCode(p);
    int throttled = 0;
    for (int i = 0; i < 60; i++) {
      if (reset(p, wrong(code, i), "NewSecret1") == 429) {
        throttled++;
      }
    }
    assertThat(throttled).isGreaterThan(0);
  }

  @Test
  void aResetDoesNotLiftALockAndIsRecorded() throws Exception {
    Person p = person();
    for (int i = 0; i < 5; i++) {
      signIn(p, "wrong-password");
    }
    String code = resetCode(p);
    assertThat(reset(p, code, "NewSecret1")).isEqualTo(423);
    assertThat(jdbc.sql("select locked_until > now() from identity.account where id = ?").param(p.id())
        .query(Boolean.class).single()).isTrue();
    assertThat(signIn(p, "NewSecret1")).isEqualTo(401);
    assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'account.password-reset-refused' "
        + "and object_id = ?").param(p.id().toString()).query(Integer.class).single()).isEqualTo(1);
  }
}
