package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.TongbanUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing in and signing out are actions: each leaves an audit record. Failures are counted ({@code FailedSignIns}). */
@Component
class SignInAudit {
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final cn.tongban.identity.internal.FailedSignIns failures;

  SignInAudit(AuditTrail audit, TransactionTemplate tx, cn.tongban.identity.internal.FailedSignIns failures) {
    this.audit = audit;
    this.tx = tx;
    this.failures = failures;
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent e) {
    if (e.getAuthentication().getPrincipal() instanceof TongbanUser u) {
      tx.executeWithoutResult(s -> audit.recordAs(u.actorId(), u.actorName(), u.actorRole(), "account.signed-in",
          "account", u.actorId(), "登录成功"));
    }
  }

  @EventListener
  void signedOut(LogoutSuccessEvent e) {
    if (e.getAuthentication() != null && e.getAuthentication().getPrincipal() instanceof TongbanUser u) {
      tx.executeWithoutResult(s -> audit.recordAs(u.actorId(), u.actorName(), u.actorRole(), "account.signed-out",
          "account", u.actorId(), "退出登录"));
    }
  }

  /** Counted in aggregate, outside the audit chain (a flood must not take the chain's lock once per request). */
  @EventListener
  void failed(AbstractAuthenticationFailureEvent e) {
    failures.count(e.getException().getClass().getSimpleName(), String.valueOf(e.getAuthentication().getName()),
        cn.tongban.platform.web.RateLimits.clientAddress());
  }
}
