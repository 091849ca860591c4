package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.notification.Notice;
import cn.tongban.notification.Notifications;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit one-time codes for signing in and resetting a password, sent by SMS through the notification outbox.
 * Only the SM3 hash of a code is stored ({@link CodeStore}); a code works once, for a few minutes, and allows five
 * guesses. Requests for unknown logins are answered exactly like the others.
 */
@Service
public class OneTimeCodes {
  public enum Purpose { LOGIN, RESET }


  private final Accounts accounts;
  private final CodeStore codes;
  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final int minutes;
  private final cn.tongban.platform.web.RateLimits limits;

  static final cn.tongban.platform.web.RateLimits.Limit CODES_PER_ACCOUNT =
      new cn.tongban.platform.web.RateLimits.Limit("codes-account", 5);

  OneTimeCodes(Accounts accounts, CodeStore codes, JdbcClient jdbc, Notifications notifications, AuditTrail audit,
      cn.tongban.platform.web.RateLimits limits,
      @Value("${tongban.identity.one-time-code.minutes:5}") int minutes) {
    this.limits = limits;
    this.accounts = accounts;
    this.codes = codes;
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.audit = audit;
    this.minutes = minutes;
  }

  /** Sends a code to the account's mobile, at most one a minute per account. Says nothing about whether it exists. */
  @Transactional
  public void send(String login, Purpose purpose) {
    Credentials.checkLength(login, null, null);
    limits.byAccount(CODES_PER_ACCOUNT, login);
    Optional<Account> account = accounts.byLogin(login == null ? "" : login.trim());
    if (account.isEmpty() || account.get().mobile() == null || !account.get().enabled()) {
      return;
    }
    Account a = account.get();
    boolean recent = jdbc.sql("""
        select count(*) from identity.one_time_code
        where account_id = ? and purpose = ? and created_at > now() - interval '60 seconds'""")
        .params(a.id(), purpose.name()).query(Integer.class).single() > 0;
    if (recent) {
      return;
    }
    String code = codes.issue(a.id(), purpose.name(), 6, java.time.Duration.ofMinutes(minutes));
    String what = purpose == Purpose.LOGIN ? "登录" : "重置密码";
    notifications.send(new Notice(Notice.Channel.SMS, a.id().toString(), a.mobile(), "【通办】" + what + "验证码",
        "您的" + what + "验证码是 " + code + "，" + minutes + "分钟内有效。如非本人操作，请忽略本短信并注意账号安全。"));
    audit.recordAs(a.id().toString(), a.displayName(), a.kind().name(), "account.code-sent", "account",
        a.id().toString(), what + "验证码已发送");
  }

  /**
   * The account the code belongs to, if it is right, unexpired and unused; the code is then used up. Runs in its
   * own transaction, so a wrong try is counted even when the caller's request then fails and rolls back.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW,
      noRollbackFor = RuntimeException.class)
  public Optional<UUID> redeem(String login, Purpose purpose, String code) {
    Optional<Account> account = accounts.byLogin(login == null ? "" : login.trim());
    if (account.isEmpty() || code == null || !code.trim().matches("\\d{6}")) {
      return Optional.empty();
    }
    UUID accountId = account.get().id();
    if (!codes.consume(accountId, purpose.name(), code.trim())) {
      return Optional.empty();
    }
    return Optional.of(accountId);
  }

}
