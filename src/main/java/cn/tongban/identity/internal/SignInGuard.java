package cn.tongban.identity.internal;

import cn.tongban.identity.TongbanUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for {@code tongban.identity.lockout.minutes} after {@code max-failures} wrong passwords in a row,
 * on every channel. The portal says the same thing for a wrong password, an unknown login and a locked account, so
 * nobody learns which accounts exist.
 */
@Component
class SignInGuard {
  private final Accounts accounts;
  private final int maxFailures;
  private final int minutes;

  SignInGuard(Accounts accounts, @Value("${tongban.identity.lockout.max-failures:5}") int maxFailures,
      @Value("${tongban.identity.lockout.minutes:15}") int minutes) {
    this.accounts = accounts;
    this.maxFailures = maxFailures;
    this.minutes = minutes;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent e) {
    accounts.byLogin(String.valueOf(e.getAuthentication().getName()).trim())
        .ifPresent(a -> accounts.recordFailure(a.id(), maxFailures, minutes));
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent e) {
    if (e.getAuthentication().getPrincipal() instanceof TongbanUser u) {
      accounts.recordSuccess(u.accountId());
    }
  }
}
