package cn.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.tongban.TongbanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A flood costs the platform little: bad tokens write no audit record each, anonymous visits to protected pages
 * create no session, and repeated sign-ins and progress queries from one address are answered 429 with Retry-After.
 */
@TongbanTest
class FloodTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String address) {
    return b.with(r -> {
      r.setRemoteAddr(address);
      return r;
    });
  }

  int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  @Test
  void badBearerTokensWriteNoAuditRecordEachButAreCountedInAggregate() throws Exception {
    int audit = count("select count(*) from audit.audit_record");
    for (int i = 0; i < 50; i++) {
      assertThat(mvc.perform(get("/api/v1/applications").header("Authorization", "Bearer forged-" + i))
          .andReturn().getResponse().getStatus()).isEqualTo(401);
    }
    assertThat(count("select count(*) from audit.audit_record")).isEqualTo(audit);
  }

  @Test
  void anonymousVisitsToProtectedPagesCreateNoSession() throws Exception {
    int sessions = count("select count(*) from identity.spring_session");
    for (int i = 0; i < 20; i++) {
      assertThat(mvc.perform(get("/my/applications")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }
    assertThat(count("select count(*) from identity.spring_session")).isEqualTo(sessions);
  }

  @Test
  void theProgressQueryIsThrottledPerAddressWithRetryAfter() throws Exception {
    MockHttpServletResponse last = null;
    int throttled = 0;
    for (int i = 0; i < 40; i++) {
      last = mvc.perform(from(get("/api/v1/progress").param("number", "X" + i).param("queryCode", "ABCDEF"),
          "198.51.100.31")).andReturn().getResponse();
      if (last.getStatus() == 429) {
        throttled++;
      }
    }
    assertThat(throttled).isGreaterThan(0);
    assertThat(last.getStatus()).isEqualTo(429);
    assertThat(last.getHeader("Retry-After")).matches("\\d+");
    assertThat(last.getContentType()).startsWith("application/problem+json");
    // another address is not affected
    assertThat(mvc.perform(from(get("/api/v1/progress").param("number", "X").param("queryCode", "ABCDEF"),
        "198.51.100.32")).andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void signInAttemptsAreThrottledPerAccountAcrossAddresses() throws Exception {
    int throttled = 0;
    for (int i = 0; i < 30; i++) {
      int status = mvc.perform(from(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
          .content("{\"login\":\"nobody-" + "flood\",\"password\":\"x\"}"), "198.51.100." + (40 + i)))
          .andReturn().getResponse().getStatus();
      if (status == 429) {
        throttled++;
      }
    }
    assertThat(throttled).isGreaterThan(0);
  }
}
