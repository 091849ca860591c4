package cn.tongban.application;

import cn.tongban.audit.AuditTrail;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.license.IssueLicense;
import cn.tongban.license.IssuedLicense;
import cn.tongban.license.LicenseIssuer;
import cn.tongban.license.SignatureService;
import cn.tongban.workflow.CaseConcluded;
import cn.tongban.workflow.CaseStepCompleted;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a case as its workflow moves. Runs synchronously inside the workflow's transaction: if the case may not
 * make the move, the engine's step rolls back with it.
 */
@Component
class CaseProgress {
  private final Applications applications;
  private final Catalog catalog;
  private final LicenseIssuer licenses;
  private final AuditTrail audit;
  private final SignatureService signatures;

  CaseProgress(Applications applications, Catalog catalog, LicenseIssuer licenses, AuditTrail audit,
      SignatureService signatures) {
    this.signatures = signatures;
    this.applications = applications;
    this.catalog = catalog;
    this.licenses = licenses;
    this.audit = audit;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(CaseStepCompleted e) {
    Application app = applications.byIdForUpdate(e.applicationId()).orElseThrow();
    String by = app.departmentName() + " · " + (e.actorPost() == null ? e.step().label() + "岗" : e.actorPost());
    switch (e.step()) {
      case ACCEPT -> {
        switch (e.outcome()) {
          case "accept" -> app.accept(by, e.comment());
          case "supplement" -> app.requestSupplement(by, e.comment());
          case "reject" -> app.refuse(by, e.comment());
          default -> throw new IllegalArgumentException(e.outcome());
        }
      }
      case REVIEW -> app.completeReview(by, "agree".equals(e.outcome()), e.comment());
      case DECIDE -> {
        if ("approve".equals(e.outcome())) {
          app.approve(by, e.comment());
        } else {
          app.deny(by, e.comment());
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
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(CaseConcluded e) {
    Application app = applications.byIdForUpdate(e.applicationId()).orElseThrow();
    String license = null;
    if (app.status() == ApplicationStatus.APPROVED) {
      ServiceItem item = catalog.itemVersion(app.itemCode(), app.itemVersion()).orElseThrow();
      if (item.licenseTypeCode() != null) {
        Map<String, String> data = new LinkedHashMap<>(app.formData());
        data.put("itemName", item.name());
        IssuedLicense issued = licenses.issue(new IssueLicense(item.licenseTypeCode(), item.guide().resultName(),
            app.applicantName(), app.applicantCitizenId(), item.departmentCreditCode(), item.departmentName(),
            item.licenseValidityYears(), data, app.number()));
        license = issued.identifier();
      }
    }
    app.conclude(license, app.departmentName());
    applications.update(app);
    audit.record("application.concluded", "application", app.number(), app.resultLabel());
  }
}
