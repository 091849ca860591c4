package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.application.ApplicationStatus;
import cn.tongban.audit.AuditRecord;
import cn.tongban.audit.AuditTrail;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.PersonDirectory;
import cn.tongban.license.LicenseGranted;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.license.LicenseIssued;
import cn.tongban.license.SignatureService;
import cn.tongban.notification.Notice;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.crypto.PersonalData;
import cn.tongban.workflow.CaseConcluded;
import cn.tongban.workflow.CaseStep;
import cn.tongban.workflow.CaseStepCompleted;
import cn.tongban.workflow.JointReviewConcluded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a case as its workflow moves. Runs synchronously inside the workflow's transaction: if the case may not
 * make the move, the engine's step rolls back with it. An approved case whose item has a license is concluded once
 * the license module has issued that license ({@link LicenseIssued}, after the decision committed); any other case
 * concludes with the process.
 */
@Component
class CaseProgress {
  private final Applications applications;
  private final Catalog catalog;
  private final ApplicationEventPublisher events;
  private final PersonalData personal;
  private final AuditTrail audit;
  private final SignatureService signatures;
  private final PersonDirectory persons;
  private final Notifications notifications;

  CaseProgress(Applications applications, Catalog catalog, ApplicationEventPublisher events, AuditTrail audit,
      SignatureService signatures, PersonDirectory persons, Notifications notifications, PersonalData personal) {
    this.signatures = signatures;
    this.applications = applications;
    this.catalog = catalog;
    this.events = events;
    this.personal = personal;
    this.audit = audit;
    this.persons = persons;
    this.notifications = notifications;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(CaseStepCompleted e) {
    Application app = applications.byIdForUpdate(e.applicationId()).orElseThrow();
    String by = (e.actorDepartmentName() == null ? app.departmentName() : e.actorDepartmentName()) + " · "
        + (e.actorPost() == null ? e.step().label() + "岗" : e.actorPost());
    switch (e.step()) {
      case ACCEPT -> {
        switch (e.outcome()) {
          case "accept" -> app.accept(by, e.comment());
          case "supplement" -> app.requestSupplement(by, e.comment());
          case "reject" -> app.refuse(by, refusal(app, e.comment()));
          default -> throw new IllegalArgumentException(e.outcome());
        }
      }
      case REVIEW, SECOND_REVIEW -> app.completeReview(by, "agree".equals(e.outcome()), e.comment());
      case FIRST_REVIEW -> app.recordOpinion(by, "初审", "agree".equals(e.outcome()), e.comment());
      case JOINT_REVIEW -> app.recordOpinion(by, "联审", "agree".equals(e.outcome()), e.comment());
      case DECIDE -> decide(app, by, "approve".equals(e.outcome()),
          "approve".equals(e.outcome()) ? e.comment() : denial(app, e.comment()));
      case INSTANT -> {
        if ("reject".equals(e.outcome())) {
          app.refuse(by, refusal(app, e.comment()));
        } else {
          boolean approve = "approve".equals(e.outcome());
          app.accept(by, null);
          app.completeReview(by, approve, null);
          decide(app, by, approve, approve ? e.comment() : denial(app, e.comment()));
        }
      }
    }
    applications.update(app);
    // the staff member's electronic signature over the decision
    Map<String, String> decision = new LinkedHashMap<>();
    decision.put("step", e.step().taskKey());
    decision.put("outcome", e.outcome());
    decision.put("comment", e.comment() == null ? "" : e.comment());
    decision.put("status", app.status().name());
    decision.put("post", by);
    signatures.sign(SignatureService.Signer.staff(e.actorId() == null ? "system" : e.actorId(), by),
        "application.decision", app.number(), decision);
    audit.record("application." + e.step().taskKey() + "." + e.outcome(), "application", app.number(),
        e.step().label() + "：" + e.step().outcomes().get(e.outcome())
            + (e.comment() == null || e.comment().isBlank() ? "" : "，意见：" + e.comment()));
    switch (app.status()) {
      case ACCEPTED -> {
        if (e.step() == CaseStep.ACCEPT) {
          notify(app, "办件已受理", "您申请的“" + app.itemName() + "”（办件编号 " + app.number() + "）已受理，承诺 "
              + catalog.itemVersion(app.itemCode(), app.itemVersion()).map(ServiceItem::promisedDays).orElse(0)
              + " 个工作日内办结。可凭办件编号和查询码查询进度。");
        }
      }
      case SUPPLEMENT_REQUIRED -> notify(app, "请补正申请材料", "您申请的“" + app.itemName() + "”（办件编号 "
          + app.number() + "）需要补正。" + app.openNotice() + "\n请登录后一次补正提交。");
      case NOT_ACCEPTED -> notify(app, "申请不予受理", "您申请的“" + app.itemName() + "”（办件编号 " + app.number()
          + "）不予受理，理由及救济途径请登录查看。");
      case APPROVED, DENIED -> notify(app, "已作出决定", "您申请的“" + app.itemName() + "”（办件编号 " + app.number()
          + "）已作出" + app.resultLabel() + "决定。");
      default -> { }
    }
  }

  /**
   * 不予受理 tells the applicant the reason, its legal basis and how to seek remedy (行政许可法第三十二条): the
   * clerk's reason, then the item's basis and remedy from the guide of the version applied under.
   */
  private String refusal(Application app, String reason) {
    if (reason == null || reason.isBlank()) {
      return reason; // refused by Application.refuse with a clear message
    }
    var guide = catalog.itemVersion(app.itemCode(), app.itemVersion()).orElseThrow().guide();
    return "不予受理理由：" + reason.trim() + "\n法律依据：《中华人民共和国行政许可法》第三十二条"
        + (guide.legalBasis() == null ? "" : "；" + guide.legalBasis())
        + (guide.legalRemedy() == null ? "" : "\n救济途径：" + guide.legalRemedy());
  }

  /** 不予许可 likewise states the reason and the right to review or sue (行政许可法第三十八条第二款). */
  private String denial(Application app, String reason) {
    if (reason == null || reason.isBlank()) {
      return reason;
    }
    var guide = catalog.itemVersion(app.itemCode(), app.itemVersion()).orElseThrow().guide();
    return "不予许可理由：" + reason.trim() + "\n依据：《中华人民共和国行政许可法》第三十八条第二款"
        + (guide.legalRemedy() == null ? "" : "\n救济途径：" + guide.legalRemedy());
  }

  private static void decide(Application app, String by, boolean approve, String comment) {
    if (approve) {
      app.approve(by, comment);
    } else {
      app.deny(by, comment);
    }
  }

  /** All departments of a joint review have given their opinions: the review is complete. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(JointReviewConcluded e) {
    Application app = applications.byIdForUpdate(e.applicationId()).orElseThrow();
    app.completeReview(app.departmentName() + " · 联审（" + e.departments() + "个部门）", e.allAgreed(),
        e.agreed() + "个部门同意，" + (e.departments() - e.agreed()) + "个部门不同意");
    applications.update(app);
    audit.record("application.joint-review.concluded", "application", app.number(),
        "联审完成：" + e.agreed() + "/" + e.departments() + " 个部门同意");
  }

  /** Tells the applicant by SMS, through the outbox, in this transaction. */
  private void notify(Application app, String subject, String body) {
    persons.findPerson(app.applicantId()).filter(p -> p.mobile() != null && !p.mobile().isBlank())
        .ifPresent(p -> notifications.send(new Notice(Notice.Channel.SMS, app.applicantId().toString(), p.mobile(),
            subject, "【通办】" + body)));
  }

  /**
   * The process reached 办结. An approved case whose item has a license asks the license module for it and stays
   * approved until the license is issued; any other case concludes now.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(CaseConcluded e) {
    Application app = applications.byIdForUpdate(e.applicationId()).orElseThrow();
    if (app.status() == ApplicationStatus.APPROVED) {
      ServiceItem item = catalog.itemVersion(app.itemCode(), app.itemVersion()).orElseThrow();
      if (item.licenseTypeCode() != null) {
        Map<String, String> data = new LinkedHashMap<>(app.formData());
        data.put("itemName", item.name());
        events.publishEvent(LicenseGranted.sealed(personal, app.number(), item.licenseTypeCode(),
            item.guide().resultName(), app.applicantName(), app.applicantCitizenId(), item.departmentCreditCode(),
            item.departmentName(), item.licenseValidityYears(), data));
        return;
      }
    }
    audit.record("application.concluded", "application", app.number(), app.resultLabel());
    conclude(app, null);
  }

  /**
   * The license the decision granted has been issued: the case concludes with it. The conclusion is recorded under
   * the actor and channel of the step that led to it, as when it concluded at once. Told twice, it concludes once.
   */
  @ApplicationModuleListener
  void on(LicenseIssued e) {
    Application app = applications.byNumberForUpdate(e.applicationNumber()).orElseThrow();
    if (app.status() != ApplicationStatus.APPROVED) {
      return; // concluded already by an earlier delivery of this event
    }
    List<AuditRecord> trail = audit.forObject("application", app.number());
    AuditRecord cause = trail.get(trail.size() - 1);
    audit.recordFollowing(cause, "application.concluded", "application", app.number(), app.resultLabel());
    conclude(app, e.identifier());
  }

  private void conclude(Application app, LicenseIdentifier license) {
    app.conclude(license, app.departmentName());
    applications.update(app);
    notify(app, "办件已办结", "您申请的“" + app.itemName() + "”（办件编号 " + app.number() + "）已办结，结果："
        + app.resultLabel() + (license == null ? "。" : "，电子证照已核发，可在“我的证照”查看。"));
  }
}
