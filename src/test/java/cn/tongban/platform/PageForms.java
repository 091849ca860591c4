package cn.tongban.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Posts a portal form the way a browser does: the CSRF cookie and the token from a page, instead of
 * spring-security-test's {@code csrf()}, which swaps the application's cookie-based token store for a session-based
 * one for the rest of the test run (and so makes later anonymous page views create sessions).
 */
final class PageForms {
  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

  private PageForms() {}

  static MockHttpServletRequestBuilder withCsrf(MockMvc mvc, MockHttpServletRequestBuilder post) throws Exception {
    MockHttpServletResponse page = mvc.perform(get("/login")).andReturn().getResponse();
    Cookie cookie = page.getCookie("XSRF-TOKEN");
    Matcher m = TOKEN.matcher(page.getContentAsString(StandardCharsets.UTF_8));
    if (cookie == null || !m.find()) {
      throw new IllegalStateException("the sign-in page carries no CSRF token");
    }
    return post.cookie(cookie).param("_csrf", m.group(1));
  }
}
