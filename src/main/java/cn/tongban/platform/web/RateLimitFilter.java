package cn.tongban.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throttles, per client address and before any authentication work, the requests an attacker would repeat. Runs
 * before Spring Security, so a flood costs neither a password hash nor a database row. Per-account limits are
 * taken where the account is known (sign-in, codes, password reset).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {
  record Rule(String method, String prefix, RateLimits.Limit limit) {}

  static final RateLimits.Limit SIGN_IN = new RateLimits.Limit("sign-in", 30);
  static final RateLimits.Limit CODES = new RateLimits.Limit("codes", 10);
  static final RateLimits.Limit RESET = new RateLimits.Limit("reset", 10);
  static final RateLimits.Limit PROGRESS = new RateLimits.Limit("progress", 30);
  static final RateLimits.Limit VERIFY = new RateLimits.Limit("verify", 60);
  static final RateLimits.Limit REGISTER = new RateLimits.Limit("register", 10);

  private static final List<Rule> RULES = List.of(
      new Rule("POST", "/api/v1/tokens", SIGN_IN), new Rule("POST", "/login", SIGN_IN),
      new Rule("POST", "/api/v1/auth/codes", CODES), new Rule("POST", "/login/code", CODES),
      new Rule("POST", "/api/v1/auth/password-reset", RESET), new Rule("POST", "/password/reset", RESET),
      new Rule("POST", "/api/v1/accounts/handover", RESET), new Rule("POST", "/handover", RESET),
      new Rule(null, "/api/v1/progress", PROGRESS), new Rule(null, "/progress", PROGRESS),
      new Rule(null, "/api/v1/licenses/verification", VERIFY), new Rule(null, "/verify", VERIFY),
      new Rule("POST", "/api/v1/accounts/persons", REGISTER), new Rule("POST", "/register", REGISTER));

  private final RateLimits limits;
  private final JsonMapper json;

  RateLimitFilter(RateLimits limits, JsonMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    for (Rule r : RULES) {
      if ((r.method() == null || r.method().equals(request.getMethod())) && path.startsWith(r.prefix())) {
        try {
          limits.byAddress(r.limit(), request.getRemoteAddr());
        } catch (TooManyRequests e) {
          write(request, response, e);
          return;
        }
        break;
      }
    }
    chain.doFilter(request, response);
  }

  private void write(HttpServletRequest request, HttpServletResponse response, TooManyRequests e) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
    if (PlatformErrorController.wantsProblem(request)) {
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write(json.writeValueAsString(
          ApiProblemHandler.problem(e.status(), e.code(), e.getMessage(), List.of()).getBody()));
    } else {
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>通办</title>"
          + "</head><body><main><h1>操作过于频繁</h1><p>" + e.getMessage() + "</p><p><a href=\"/\">返回首页</a></p>"
          + "</main></body></html>");
    }
  }
}
