package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The later check of a commitment (容缺: supplied in time? 告知承诺: true?) by the handling department. */
@Service
public class CommitmentChecks {
  private final Applications applications;
  private final Commitments commitments;
  private final AuditTrail audit;
  private final TransactionTemplate tx;

  CommitmentChecks(Applications applications, Commitments commitments, AuditTrail audit, TransactionTemplate tx) {
    this.applications = applications;
    this.commitments = commitments;
    this.audit = audit;
    this.tx = tx;
  }

  public void check(UUID applicationId, UUID commitmentId, TongbanUser user, boolean fulfilled, String note) {
    Application app = applications.byId(applicationId)
        .filter(a -> user.departmentCode() != null && a.departmentCode().value().equals(user.departmentCode()))
        .orElseThrow(() -> PlatformException.notFound("办件"));
    if (!fulfilled && (note == null || note.isBlank())) {
      throw PlatformException.invalid("note", "核查不通过时请说明情况");
    }
    Commitment c = commitments.of(app.id().value()).stream().filter(x -> x.id().equals(commitmentId)).findFirst()
        .orElseThrow(() -> PlatformException.notFound("承诺"));
    String by = user.departmentName() + " · " + user.displayName();
    tx.executeWithoutResult(status -> {
      if (!commitments.check(app.id().value(), c.id(), fulfilled, by, note == null ? null : note.trim())) {
        throw PlatformException.conflict("COMMITMENT_CHECKED", "该承诺已核查。");
      }
      audit.record("application.commitment.checked", "application", app.number(), c.kindLabel() + "“"
          + c.materialName() + "”：" + (fulfilled ? "核查通过" : "核查不通过，" + note.trim()));
    });
  }
}
