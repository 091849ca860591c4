package cn.tongban.identity;

import cn.tongban.audit.AuditTrail;
import cn.tongban.notification.Notice;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.crypto.Sm3;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit one-time codes for signing in and resetting a password, sent by SMS through the notification outbox.
 * Only the SM3 hash of a code (bound to its account and purpose) is stored; a code works once, for a few minutes,
 * and allows five guesses. Requests for unknown logins are answered exactly like the others.
 */
@Service
public class OneTimeCodes {
  public enum Purpose { LOGIN, RESET }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_GUESSES = 5;

  private final Accounts accounts;
  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final int minutes;

  OneTimeCodes(Accounts accounts, JdbcClient jdbc, Notifications notifications, AuditTrail audit,
      @Value("${tongban.identity.one-time-code.minutes:5}") int minutes) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.audit = audit;
    this.minutes = minutes;
  }

  /** Sends a code to the account's mobile, at most one a minute per account. Says nothing about whether it exists. */
  @Transactional
  public void send(String login, Purpose purpose) {
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
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    jdbc.sql("""
        insert into identity.one_time_code (id, account_id, purpose, code_hash, expires_at)
        values (?, ?, ?, ?, now() + make_interval(mins => ?))""")
        .params(UUID.randomUUID(), a.id(), purpose.name(), hash(a.id(), purpose, code), minutes).update();
    String what = purpose == Purpose.LOGIN ? "登录" : "重置密码";
    notifications.send(new Notice(Notice.Channel.SMS, a.id().toString(), a.mobile(), "【通办】" + what + "验证码",
        "您的" + what + "验证码是 " + code + "，" + minutes + "分钟内有效。如非本人操作，请忽略本短信并注意账号安全。"));
    audit.recordAs(a.id().toString(), a.displayName(), a.kind().name(), "account.code-sent", "account",
        a.id().toString(), what + "验证码已发送");
  }

  /** The account the code belongs to, if it is right, unexpired and unused; the code is then used up. */
  @Transactional(noRollbackFor = RuntimeException.class)
  public Optional<UUID> redeem(String login, Purpose purpose, String code) {
    Optional<Account> account = accounts.byLogin(login == null ? "" : login.trim());
    if (account.isEmpty() || code == null || !code.trim().matches("\\d{6}")) {
      return Optional.empty();
    }
    UUID accountId = account.get().id();
    var latest = jdbc.sql("""
        select id, code_hash, attempts from identity.one_time_code
        where account_id = ? and purpose = ? and used_at is null and expires_at > now()
        order by created_at desc limit 1 for update""")
        .params(accountId, purpose.name())
        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)}).optional();
    if (latest.isEmpty() || (Integer) latest.get()[2] >= MAX_GUESSES) {
      return Optional.empty();
    }
    UUID id = (UUID) latest.get()[0];
    if (!java.security.MessageDigest.isEqual(((String) latest.get()[1]).getBytes(),
        hash(accountId, purpose, code.trim()).getBytes())) {
      jdbc.sql("update identity.one_time_code set attempts = attempts + 1 where id = ?").param(id).update();
      return Optional.empty();
    }
    jdbc.sql("update identity.one_time_code set used_at = now() where id = ?").param(id).update();
    return Optional.of(accountId);
  }

  private static String hash(UUID accountId, Purpose purpose, String code) {
    return Sm3.hex(accountId + ":" + purpose + ":" + code);
  }
}
