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

/** Signing in, failing to and signing out are actions too: each leaves an audit record. */
@Component
class SignInAudit {
  private final AuditTrail audit;
  private final TransactionTemplate tx;

  SignInAudit(AuditTrail audit, TransactionTemplate tx) {
    this.audit = audit;
    this.tx = tx;
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

  @EventListener
  void failed(AbstractAuthenticationFailureEvent e) {
    String login = String.valueOf(e.getAuthentication().getName());
    String shown = login.length() >= 11 ? CitizenIdNumber.mask(login) : login; // never log a full ID or phone number
    tx.executeWithoutResult(s -> audit.recordAs("anonymous", "未登录", "ANONYMOUS", "account.sign-in-failed",
        "login", shown, e.getException().getClass().getSimpleName()));
  }
}
