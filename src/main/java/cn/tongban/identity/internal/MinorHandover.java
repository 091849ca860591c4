package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.AccountKind;
import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.Registration;
import cn.tongban.identity.Representation;
import cn.tongban.notification.Notice;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a minor's 18th birthday the account passes to the minor: every guardian loses access, and the minor receives a
 * one-time handover code by SMS with which they set their own password. A daily job does it; several nodes may run
 * it at once, because each minor's account row is claimed with {@code FOR UPDATE SKIP LOCKED}, and running it twice
 * finds nothing left to do.
 */
@Service
public class MinorHandover {
  static final String PURPOSE = "ACCOUNT_HANDOVER";
  static final Duration CODE_VALID = Duration.ofDays(30);
  private static final Logger log = LoggerFactory.getLogger(MinorHandover.class);
  private static final int BATCH = 50;

  private final Relations relations;
  private final Accounts accounts;
  private final CodeStore codes;
  private final Notifications notifications;
  private final Registration registration;
  private final AuditTrail audit;
  private final TransactionTemplate tx;

  MinorHandover(Relations relations, Accounts accounts, CodeStore codes, Notifications notifications,
      Registration registration, AuditTrail audit, TransactionTemplate tx) {
    this.relations = relations;
    this.accounts = accounts;
    this.codes = codes;
    this.notifications = notifications;
    this.registration = registration;
    this.audit = audit;
    this.tx = tx;
  }

  @Scheduled(cron = "${tongban.identity.handover-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
  void daily() {
    int n = runFor(Representation.today());
    if (n > 0) {
      log.info("Handed {} account(s) over to persons who came of age", n);
    }
  }

  /** Hands over every account whose holder is 18 on {@code today}; returns how many this call handed over. */
  public int runFor(LocalDate today) {
    int total = 0;
    while (true) {
      Integer n = tx.execute(s -> {
        List<UUID> due = relations.claimMinorsComingOfAge(today, BATCH);
        due.forEach(this::handOver);
        return due.size();
      });
      total += n;
      if (n < BATCH) {
        return total;
      }
    }
  }

  private void handOver(UUID minorId) {
    Account minor = accounts.byId(minorId).orElseThrow();
    List<UUID> guardians = relations.endGuardianshipsOf(minorId, "ADULT");
    audit.recordAs("system", "系统", "SYSTEM", "guardianship.ended", "account", minorId.toString(),
        "年满18周岁，监护人（" + guardians.size() + "名）对该账号的管理权限终止");
    String code = codes.issue(minorId, PURPOSE, 8, CODE_VALID);
    notifications.send(new Notice(Notice.Channel.SMS, minorId.toString(), minor.mobile(), "账号移交",
        minor.displayName() + "，您已年满18周岁，通办账号已移交给您本人。移交验证码 " + code
            + "，30天内有效。请在“账号移交”页面输入身份证号码和验证码，设置您自己的登录密码。"));
    audit.recordAs("system", "系统", "SYSTEM", "account.handed-over", "account", minorId.toString(),
        "账号移交本人，移交验证码已短信发送至 " + Notifications.mask(minor.mobile()));
  }

  /** The person who came of age sets their own password with the handover code. */
  public void complete(String citizenIdInput, String code, String password) {
    List<FieldProblem> problems = new ArrayList<>();
    Registration.passwordProblem(password).ifPresent(p -> problems.add(new FieldProblem("password", p)));
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    String cid = CitizenIdNumber.normalize(citizenIdInput);
    boolean done = Boolean.TRUE.equals(tx.execute(s -> {
      Account a = accounts.personByCitizenId(cid).filter(x -> !x.enabled() && !relations.hasActiveGuardian(x.id()))
          .orElse(null);
      if (a == null || !codes.consume(a.id(), PURPOSE, code)) {
        return false; // a wrong try is counted and committed
      }
      accounts.setPasswordAndEnable(a.id(), registration.encode(password));
      audit.recordAs(a.id().toString(), a.displayName(), AccountKind.PERSON.name(), "account.handover-completed",
          "account", a.id().toString(), "本人凭移交验证码设置登录密码，账号由本人管理");
      return true;
    }));
    if (!done) {
      throw PlatformException.invalid("code", "身份证号码或移交验证码不正确，或验证码已失效");
    }
  }
}
