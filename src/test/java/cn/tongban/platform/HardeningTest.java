package cn.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.tongban.TongbanTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Browser-facing hardening: a Content-Security-Policy without 'unsafe-inline' that the pages satisfy (no inline
 * handlers, scripts or styles), Referrer-Policy, Permissions-Policy, HSTS and Secure cookies over TLS, the
 * progress query by POST, and a public item history that names the department, not the staff member.
 */
@TongbanTest
class HardeningTest {
  static final Pattern INLINE = Pattern.compile("\\son[a-z]+\\s*=|<script(?![^>]*\\ssrc=)[^>]*>|\\sstyle\\s*=",
      Pattern.CASE_INSENSITIVE);

  @Autowired MockMvc mvc;

  @Test
  void everyPageCarriesAStrictContentSecurityPolicyAndHasNothingInline() throws Exception {
    for (String page : new String[] {"/", "/items/330782-SCJG-XK-001", "/login", "/register", "/progress", "/verify",
        "/items/330782-SCJG-XK-001/history", "/search?q=食品"}) {
      MockHttpServletResponse r = mvc.perform(get(page)).andReturn().getResponse();
      assertThat(r.getStatus()).as(page).isEqualTo(200);
      String csp = r.getHeader("Content-Security-Policy");
      assertThat(csp).as(page).contains("default-src 'self'").contains("script-src 'self'")
          .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
      assertThat(r.getHeader("Referrer-Policy")).as(page).isEqualTo("same-origin");
      assertThat(r.getHeader("Permissions-Policy")).as(page).contains("camera=()").contains("geolocation=()");
      assertThat(INLINE.matcher(r.getContentAsString(StandardCharsets.UTF_8)).find()).as(page).isFalse();
    }
  }

  @Test
  void overTlsTheAnswerCarriesHstsAndTheSessionCookieIsSecure() throws Exception {
    assertThat(mvc.perform(get("/")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
    assertThat(mvc.perform(get("/").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
        .contains("max-age=31536000");
    MockHttpServletResponse login = mvc.perform(PageForms.withCsrf(mvc, post("/login").secure(true)
        .param("username", "330782199001011239").param("password", "Tongban2026"))).andReturn().getResponse();
    assertThat(login.getHeaders("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("Secure")
        .contains("HttpOnly"));
  }

  @Test
  void theProgressQueryWorksByPostSoTheCodeStaysOutOfTheAddress() throws Exception {
    MockHttpServletResponse page = mvc.perform(PageForms.withCsrf(mvc, post("/progress").param("number", "NO-SUCH")
        .param("queryCode", "ABCDEF"))).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("progress-notfound");
    assertThat(mvc.perform(post("/api/v1/progress").contentType(MediaType.APPLICATION_JSON)
        .content("{\"number\":\"NO-SUCH\",\"queryCode\":\"ABCDEF\"}")).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(mvc.perform(get("/progress")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("method=\"post\"");
  }

  @Test
  void thePublicItemHistoryNamesTheDepartmentNotTheStaffMember() throws Exception {
    String page = mvc.perform(get("/items/330782-SCJG-XK-001/history")).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    String api = mvc.perform(get("/api/v1/items/330782-SCJG-XK-001/history")).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    for (String body : new String[] {page, api}) {
      assertThat(body).contains("义乌市市场监督管理局").doesNotContain("actorId").doesNotContain("（义乌市市场监督管理局）");
    }
  }
}
