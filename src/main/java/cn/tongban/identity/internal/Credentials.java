package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.Registration;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks credentials outside the login form (API tokens, one-time codes) with the same rules: the same password
 * check, lockout and audit events as the form, the same answer for every failure.
 */
@Service
public class Credentials {
  private final ProviderManager passwords;
  private final OneTimeCodes codes;
  private final Accounts accounts;
  private final PasswordEncoder encoder;
  private final SignOut signOut;
  private final AuditTrail audit;

  Credentials(AccountUserDetailsService users, PasswordEncoder encoder, AuthenticationEventPublisher events,
      OneTimeCodes codes, Accounts accounts, SignOut signOut, AuditTrail audit) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(encoder);
    this.passwords = new ProviderManager(provider);
    this.passwords.setAuthenticationEventPublisher(events);
    this.codes = codes;
    this.accounts = accounts;
    this.encoder = encoder;
    this.signOut = signOut;
    this.audit = audit;
  }

  static PlatformException refused() {
    return new PlatformException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
        "账号或密码（验证码）不正确，或账号因多次失败已暂时锁定。");
  }

  /** The user for a login and password, or the one refusal for every kind of failure. */
  public TongbanUser byPassword(String login, String password) {
    try {
      Authentication auth = passwords.authenticate(
          UsernamePasswordAuthenticationToken.unauthenticated(login == null ? "" : login.trim(), password));
      return (TongbanUser) auth.getPrincipal();
    } catch (AuthenticationException e) {
      throw refused();
    }
  }

  /** The user for a login and a one-time sign-in code. */
  @Transactional
  public TongbanUser byCode(String login, String code) {
    Optional<UUID> id = codes.redeem(login, OneTimeCodes.Purpose.LOGIN, code);
    Account a = id.flatMap(accounts::byId).filter(Account::enabled).orElseThrow(Credentials::refused);
    accounts.recordSuccess(a.id());
    return a.toUser();
  }

  /** Sets a new password with a reset code; every device is signed out. */
  @Transactional
  public void resetPassword(String login, String code, String newPassword) {
    Registration.passwordProblem(newPassword).ifPresent(p -> {
      throw PlatformException.invalid("password", p);
    });
    UUID id = codes.redeem(login, OneTimeCodes.Purpose.RESET, code).orElseThrow(() ->
        PlatformException.invalid("code", "验证码不正确或已过期，请重新获取"));
    Account a = accounts.byId(id).orElseThrow();
    accounts.changePassword(id, encoder.encode(newPassword));
    audit.recordAs(a.id().toString(), a.displayName(), a.kind().name(), "account.password-reset", "account",
        a.id().toString(), "通过短信验证码重置密码");
    signOut.everywhere(id, "重置密码");
  }
}
