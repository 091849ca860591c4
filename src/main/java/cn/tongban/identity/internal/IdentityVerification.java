package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.FaceVerifier;
import cn.tongban.notification.Notice;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.web.PlatformException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms that the signed-in person is present, for sensitive steps. Face verification needs a separately given,
 * recorded and withdrawable consent first, and a configured {@link FaceVerifier}; without either, the person is
 * refused the face method and offered a one-time code by SMS to their registered mobile instead.
 */
@Service
public class IdentityVerification {
  public static final String FACE_PURPOSE = "核验本人身份（办理业务时的人脸识别），仅用于本次核验，不留存人脸图像";
  static final String SMS_PURPOSE = "IDENTITY_SMS";

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final CodeStore codes;
  private final Notifications notifications;
  private final ObjectProvider<FaceVerifier> faceVerifier;
  private final AuditTrail audit;
  private final TransactionTemplate tx;

  IdentityVerification(JdbcClient jdbc, Accounts accounts, CodeStore codes, Notifications notifications,
      ObjectProvider<FaceVerifier> faceVerifier, AuditTrail audit, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.codes = codes;
    this.notifications = notifications;
    this.faceVerifier = faceVerifier;
    this.audit = audit;
    this.tx = tx;
  }

  public Optional<BiometricConsent> activeConsent(UUID accountId) {
    return jdbc.sql("""
        select * from identity.biometric_consent where account_id = ? and withdrawn_at is null
        order by consented_at desc limit 1""").param(accountId).query(IdentityVerification::consent).optional();
  }

  public List<BiometricConsent> consents(UUID accountId) {
    return jdbc.sql("select * from identity.biometric_consent where account_id = ? order by consented_at desc")
        .param(accountId).query(IdentityVerification::consent).list();
  }

  public boolean faceAvailable() {
    return faceVerifier.getIfAvailable() != null;
  }

  /** Records the separate consent to face verification, for the stated purpose, now. */
  public BiometricConsent consent(UUID accountId) {
    return tx.execute(s -> {
      Optional<BiometricConsent> existing = activeConsent(accountId);
      if (existing.isPresent()) {
        return existing.get();
      }
      UUID id = UUID.randomUUID();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      jdbc.sql("insert into identity.biometric_consent (id, account_id, purpose, consented_at) values (?, ?, ?, ?)")
          .params(id, accountId, FACE_PURPOSE, Timestamp.from(now)).update();
      audit.record("consent.biometric-given", "account", accountId.toString(), "单独同意人脸识别，目的：" + FACE_PURPOSE);
      return new BiometricConsent(id, accountId, FACE_PURPOSE, now, null);
    });
  }

  /** Withdraws the consent; face verification is refused from now on. */
  public void withdraw(UUID accountId) {
    tx.executeWithoutResult(s -> {
      int n = jdbc.sql("update identity.biometric_consent set withdrawn_at = now() where account_id = ? and withdrawn_at is null")
          .param(accountId).update();
      if (n > 0) {
        audit.record("consent.biometric-withdrawn", "account", accountId.toString(), "撤回人脸识别同意");
      }
    });
  }

  /** Face verification: refused without an active consent or without a provider, with the SMS code offered. */
  public boolean verifyFace(UUID accountId, byte[] liveCapture) {
    if (activeConsent(accountId).isEmpty()) {
      throw new PlatformException(HttpStatus.FORBIDDEN, "BIOMETRIC_CONSENT_REQUIRED",
          "人脸识别须先单独同意。您也可以改用短信验证码核验身份。");
    }
    FaceVerifier verifier = faceVerifier.getIfAvailable();
    if (verifier == null) {
      throw new PlatformException(HttpStatus.SERVICE_UNAVAILABLE, "FACE_VERIFICATION_UNAVAILABLE",
          "人脸核验服务暂未开通，请改用短信验证码核验身份。");
    }
    Account a = accounts.byId(accountId).orElseThrow();
    boolean ok = verifier.verify(a.displayName(), a.citizenId(), liveCapture == null ? new byte[0] : liveCapture);
    tx.executeWithoutResult(s -> audit.record(ok ? "identity.face-verified" : "identity.face-failed", "account",
        accountId.toString(), ok ? "人脸核验通过" : "人脸核验未通过"));
    return ok;
  }

  /** The other method: a 6-digit code to the registered mobile, valid for 5 minutes. */
  public String sendSmsCode(UUID accountId) {
    return tx.execute(s -> {
      Account a = accounts.byId(accountId).filter(x -> x.mobile() != null)
          .orElseThrow(() -> PlatformException.notFound("手机号码"));
      String code = codes.issue(accountId, SMS_PURPOSE, 6, Duration.ofMinutes(5));
      notifications.send(new Notice(Notice.Channel.SMS, accountId.toString(), a.mobile(), "身份核验",
          "您正在通办核验本人身份，验证码 " + code + "，5分钟内有效。如非本人操作，请忽略。"));
      audit.record("identity.sms-code-sent", "account", accountId.toString(),
          "身份核验短信验证码已发送至 " + Notifications.mask(a.mobile()));
      return Notifications.mask(a.mobile());
    });
  }

  public boolean verifySmsCode(UUID accountId, String code) {
    return Boolean.TRUE.equals(tx.execute(s -> {
      boolean ok = codes.consume(accountId, SMS_PURPOSE, code);
      audit.record(ok ? "identity.sms-verified" : "identity.sms-failed", "account", accountId.toString(),
          ok ? "短信验证码核验通过" : "短信验证码不正确或已失效");
      return ok;
    }));
  }

  private static BiometricConsent consent(ResultSet rs, int i) throws SQLException {
    Timestamp w = rs.getTimestamp("withdrawn_at");
    return new BiometricConsent(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
        rs.getString("purpose"), rs.getTimestamp("consented_at").toInstant(), w == null ? null : w.toInstant());
  }
}
