package cn.tongban.platform.security;

import cn.tongban.platform.web.ApiProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains, one identity: the REST API ({@code /api/**}) is stateless and authenticates every request
 * with OAuth2 bearer tokens (opaque, checked against PostgreSQL; HTTP Basic is also accepted), answering 401/403
 * as problem+json; the portal pages use a session kept in PostgreSQL, with form login, CSRF protection and
 * session fixation protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, JsonMapper json, OpaqueTokenIntrospector tokens) throws Exception {
    http.securityMatcher("/api/**")
        .csrf(c -> c.disable()) // no cookies are read on the API: nothing for a cross-site request to ride on
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.GET, "/api/v1/items/**", "/api/v1/licenses/verification/**",
                "/api/v1/progress/**", "/api/v1/divisions", "/api/v1/bundles/**").permitAll()
            .requestMatchers("/api/v1/catalog/**").hasRole("STAFF")
            .requestMatchers(HttpMethod.POST, "/api/v1/accounts/persons", "/api/v1/accounts/handover", "/api/v1/tokens",
                "/api/v1/auth/codes", "/api/v1/auth/password-reset", "/api/v1/licenses/verification/file",
                "/api/v1/progress").permitAll()
            .requestMatchers("/api/v1/applications/**").hasRole("APPLICANT")
            .requestMatchers("/api/v1/enterprises/**", "/api/v1/delegations/**", "/api/v1/minors/**",
                "/api/v1/parties", "/api/v1/identity-verification/**").hasRole("APPLICANT")
            .requestMatchers("/api/v1/assisted-applications/**").hasRole("STAFF")
            .requestMatchers("/api/v1/tasks/**").hasRole("STAFF")
            .requestMatchers("/api/v1/supervision/**").hasRole("SUPERVISOR")
            .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o
            .opaqueToken(t -> t.introspector(tokens))
            .authenticationEntryPoint((req, res, e) -> {
              res.setHeader("WWW-Authenticate", "Bearer");
              write(res, json, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "令牌无效或已过期，请重新登录。");
            }))
        .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"tongban\"");
          write(res, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录。");
        }))
        .exceptionHandling(x -> x
            .authenticationEntryPoint((req, res, e) -> write(res, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录。"))
            .accessDeniedHandler((req, res, e) -> write(res, json, HttpStatus.FORBIDDEN, "FORBIDDEN", "您没有权限进行此操作。")))
        .headers(SecurityConfiguration::hardened);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain portal(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/", "/items/**", "/search", "/bundles/**", "/register", "/register/check-id", "/login",
                "/login/code/**", "/password/reset/**", "/handover", "/divisions/options", "/verify/**", "/progress/**",
                "/error",
                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/v3/api-docs/**", "/swagger-ui/**",
                "/swagger-ui.html", "/actuator/health", "/actuator/health/**", "/dev/notifications").permitAll()
            .requestMatchers("/my/**").hasRole("APPLICANT")
            .requestMatchers("/staff/**").hasRole("STAFF")
            .requestMatchers("/supervision/**").hasRole("SUPERVISOR")
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/home", false).failureUrl("/login?error").permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        // the page to return to after sign-in is kept in a cookie: an anonymous request creates no session row
        .requestCache(c -> c.requestCache(new org.springframework.security.web.savedrequest.CookieRequestCache()))
        // the CSRF token lives in a cookie, so an anonymous visitor's page view creates no session row
        .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()))
        .headers(SecurityConfiguration::hardened);
    return http.build();
  }

  /** No inline script or style anywhere (handlers live in /js/tongban.js; htmx's indicator style in the CSS). */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'none'";

  /**
   * Security headers on every answer: the CSP above, no framing, no referrer beyond this site (the progress page's
   * address may carry a query code), no powerful browser features, and HSTS when the request came over TLS (directly
   * or, with {@code server.forward-headers-strategy}, through a reverse proxy that says so).
   */
  static void hardened(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
    h.frameOptions(f -> f.deny())
        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
        .referrerPolicy(r -> r.policy(
            org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()"))
        .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(31_536_000));
  }

  private static void write(HttpServletResponse res, JsonMapper json, HttpStatus status, String code, String detail)
      throws java.io.IOException {
    ProblemDetail pd = ApiProblemHandler.problem(status, code, detail, List.of()).getBody();
    res.setStatus(status.value());
    res.setContentType("application/problem+json;charset=UTF-8");
    res.getWriter().write(json.writeValueAsString(pd));
  }
}
