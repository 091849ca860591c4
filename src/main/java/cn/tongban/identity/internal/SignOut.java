package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs an account out of every device: all its web sessions (in PostgreSQL) and all its API tokens. */
@Service
public class SignOut {
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final ApiTokens tokens;
  private final AuditTrail audit;

  SignOut(FindByIndexNameSessionRepository<? extends Session> sessions, ApiTokens tokens, AuditTrail audit) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.audit = audit;
  }

  @Transactional
  public int everywhere(UUID accountId, String why) {
    var ids = sessions.findByPrincipalName(accountId.toString()).keySet();
    ids.forEach(sessions::deleteById);
    int revoked = tokens.revokeAll(accountId);
    audit.record("account.signed-out-everywhere", "account", accountId.toString(),
        why + "：结束会话 " + ids.size() + " 个，吊销令牌 " + revoked + " 个");
    return ids.size() + revoked;
  }
}
