package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.crypto.Sm3;
import cn.tongban.platform.web.RequestChannel;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth2 bearer tokens for the API channels: opaque random strings whose SM3 hash is stored, so a token can be
 * revoked at once (sign out, sign out everywhere, password reset) and any node can check it.
 */
@Service
public class ApiTokens implements OpaqueTokenIntrospector {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token as handed to the client, once. */
  public record IssuedToken(String accessToken, String tokenType, long expiresIn) {}

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final int hours;

  ApiTokens(JdbcClient jdbc, Accounts accounts, AuditTrail audit, @Value("${tongban.identity.token.hours:12}") int hours) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.hours = hours;
  }

  @Transactional
  public IssuedToken issue(UUID accountId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Account a = accounts.byId(accountId).orElseThrow();
    jdbc.sql("""
        insert into identity.api_token (token_hash, account_id, channel, expires_at)
        values (?, ?, ?, now() + make_interval(hours => ?))""")
        .params(Sm3.hex(token), accountId, RequestChannel.current().name(), hours).update();
    audit.recordAs(a.id().toString(), a.displayName(), a.kind().name(), "account.token-issued", "account",
        a.id().toString(), "签发接口令牌（" + RequestChannel.current().label() + "）");
    return new IssuedToken(token, "Bearer", hours * 3600L);
  }

  @Transactional
  public void revoke(String token) {
    jdbc.sql("update identity.api_token set revoked_at = now() where token_hash = ? and revoked_at is null")
        .param(Sm3.hex(token)).update();
  }

  /** Revokes every token of an account. */
  @Transactional
  public int revokeAll(UUID accountId) {
    return jdbc.sql("update identity.api_token set revoked_at = now() where account_id = ? and revoked_at is null")
        .param(accountId).update();
  }

  @Override
  @Transactional(readOnly = true)
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    UUID accountId = jdbc.sql("""
        select account_id from identity.api_token
        where token_hash = ? and revoked_at is null and expires_at > ?""")
        .params(Sm3.hex(token), java.sql.Timestamp.from(Instant.now())).query(UUID.class).optional()
        .orElseThrow(() -> new BadOpaqueTokenException("令牌无效或已过期"));
    Account a = accounts.byId(accountId).filter(Account::enabled)
        .orElseThrow(() -> new BadOpaqueTokenException("账号不可用"));
    return a.toUser();
  }
}
