package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.notification.Notifications;
import com.jayway.jsonpath.JsonPath;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Lockout, one-time codes, bearer tokens, password reset and signing out everywhere, across web and API. */
@TongbanTest
class SignInSecurityTest {
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Registration registration;
  @Autowired PopulationBase population;
  @Autowired Notifications notifications;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  record Person(UUID id, String citizenId, String mobile) {}

  Person person() {
    String id = TestIds.person(population, "安全测试");
    String mobile = TestIds.mobile();
    UUID accountId = registration.registerPerson(new RegisterPerson("安全测试", id, mobile, "Secret123"));
    return new Person(accountId, id, mobile);
  }

  ResultActions token(String login, String password, String code) throws Exception {
    var body = new HashMap<String, String>();
    body.put("login", login);
    if (password != null) {
      body.put("password", password);
    }
    if (code != null) {
      body.put("code", code);
    }
    return mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  String bearer(String login, String password) throws Exception {
    return JsonPath.read(token(login, password, null).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(), "$.accessToken");
  }

  String lastCode(UUID accountId) {
    String body = notifications.sentTo(accountId.toString(), 1).get(0).body();
    Matcher m = Pattern.compile("(\\d{6})").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  void sendCode(String login, String purpose) throws Exception {
    mvc.perform(post("/api/v1/auth/codes").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("login", login, "purpose", purpose))))
        .andExpect(status().isAccepted());
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAndEveryFailureLooksTheSame() throws Exception {
    Person p = person();
    String unknown = token("330782190001011230", "whatever1", null).andExpect(status().isUnauthorized())
        .andReturn().getResponse().getContentAsString();
    for (int i = 0; i < 5; i++) {
      String wrong = token(p.mobile(), "Wrong1234", null).andExpect(status().isUnauthorized())
          .andReturn().getResponse().getContentAsString();
      assertThat(JsonPath.<String>read(wrong, "$.detail")).isEqualTo(JsonPath.read(unknown, "$.detail"));
    }
    // now even the right password is refused, with the same words
    String locked = token(p.mobile(), "Secret123", null).andExpect(status().isUnauthorized())
        .andReturn().getResponse().getContentAsString();
    assertThat(JsonPath.<String>read(locked, "$.detail")).isEqualTo(JsonPath.read(unknown, "$.detail"));
    assertThat(jdbc.sql("select locked_until > now() from identity.account where id = ?").param(p.id())
        .query(Boolean.class).single()).isTrue();
    // after the lock expires, the right password works and the counter starts again
    jdbc.sql("update identity.account set locked_until = now() - interval '1 second' where id = ?").param(p.id()).update();
    bearer(p.mobile(), "Secret123");
    assertThat(jdbc.sql("select failed_attempts from identity.account where id = ?").param(p.id())
        .query(Integer.class).single()).isZero();
  }

  @Test
  void aOneTimeCodeSignsInOnceAndAskingRevealsNothing() throws Exception {
    Person p = person();
    String known = mvc.perform(post("/api/v1/auth/codes").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("login", p.citizenId(), "purpose", "LOGIN"))))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    String unknown = mvc.perform(post("/api/v1/auth/codes").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("login", "13000000000", "purpose", "LOGIN"))))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    assertThat(known).isEqualTo(unknown);

    String code = lastCode(p.id());
    assertThat(notifications.sentTo(p.id().toString(), 1).get(0).addressShown())
        .isEqualTo(p.mobile().substring(0, 3) + "****" + p.mobile().substring(7));
    token(p.citizenId(), null, code.equals("000000") ? "111111" : "000000").andExpect(status().isUnauthorized());
    String token = JsonPath.read(token(p.citizenId(), null, code).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(), "$.accessToken");
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
        .andExpect(jsonPath("$.accountId").value(p.id().toString()));
    token(p.citizenId(), null, code).andExpect(status().isUnauthorized()); // used up
    assertThat(jdbc.sql("select count(*) from identity.one_time_code where code_hash = ?").param(code)
        .query(Integer.class).single()).isZero(); // only hashes are stored
  }

  @Test
  void aRevokedOrForgedTokenIsRefused() throws Exception {
    Person p = person();
    String token = bearer(p.mobile(), "Secret123");
    mvc.perform(get("/api/v1/applications").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/applications").header("Authorization", "Bearer " + token + "x"))
        .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("INVALID_TOKEN"));
    mvc.perform(delete("/api/v1/tokens/current").header("Authorization", "Bearer " + token))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/applications").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    assertThat(jdbc.sql("select count(*) from identity.api_token where token_hash = ?").param(token)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void aPasswordResetChangesThePasswordAndSignsOutEveryDevice() throws Exception {
    Person p = person();
    String token = bearer(p.mobile(), "Secret123");
    sendCode(p.mobile(), "RESET");
    String code = lastCode(p.id());
    mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("login", p.mobile(), "code", code, "newPassword", "short"))))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("password"));
    mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("login", p.mobile(), "code", code, "newPassword", "NewSecret456"))))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    token(p.mobile(), "Secret123", null).andExpect(status().isUnauthorized());
    bearer(p.mobile(), "NewSecret456");
  }

  @Test
  void signingOutEverywhereEndsWebSessionsOnEveryNodeAndApiTokens() throws Exception {
    Person p = person();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).isTrue();
    String form = "username=" + p.citizenId() + "&password=Secret123&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/home"));
    HttpRequest mine = HttpRequest.newBuilder(URI.create(base + "/my/applications")).build();
    assertThat(browser.send(mine, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    // the session lives in PostgreSQL, indexed by account id, never by ID number
    assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = ?")
        .param(p.id().toString()).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = ?")
        .param(p.citizenId()).query(Integer.class).single()).isZero();

    String token = bearer(p.mobile(), "Secret123");
    mvc.perform(post("/api/v1/me/sign-out-everywhere").header("Authorization", "Bearer " + token))
        .andExpect(status().isNoContent());
    HttpResponse<String> after = browser.send(mine, HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
  }
}
