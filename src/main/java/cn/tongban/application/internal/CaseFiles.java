package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.catalog.Catalog;
import cn.tongban.identity.PartyType;
import cn.tongban.identity.TongbanUser;
import cn.tongban.workflow.CaseClocks;
import cn.tongban.workflow.CaseWorkflow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads cases for those entitled to them: an applicant reads only their own, staff only their department's, and
 * anyone with the number and the query code reads the public progress. Anything else is "not found".
 */
@Service
public class CaseFiles {
  private final Applications applications;
  private final Catalog catalog;
  private final CaseWorkflow workflow;
  private final CaseEntitlement entitlement;
  private final CaseClocks clocks;
  private final Commitments commitments;

  CaseFiles(Applications applications, Catalog catalog, CaseWorkflow workflow, CaseEntitlement entitlement,
      CaseClocks clocks, Commitments commitments) {
    this.entitlement = entitlement;
    this.applications = applications;
    this.catalog = catalog;
    this.workflow = workflow;
    this.clocks = clocks;
    this.commitments = commitments;
  }

  @Transactional(readOnly = true)
  public List<Application> ofApplicant(UUID applicantId) {
    return applications.ofApplicant(applicantId);
  }

  /**
   * A case for the signed-in person: their own, or one they reach now as guardian of a current minor, as agent
   * within an active mandate covering the case's item, or for an enterprise they represent. Otherwise empty (404).
   */
  @Transactional(readOnly = true)
  public Optional<CaseFile> forApplicant(UUID applicationId, UUID accountId) {
    return applications.byId(applicationId).filter(a -> entitlement.reaches(a, accountId)).map(this::file);
  }

  /** The cases of a party (a person or an enterprise) that the signed-in person reaches now. */
  @Transactional(readOnly = true)
  public List<Application> ofParty(UUID accountId, PartyType type, UUID partyId) {
    List<Application> all = type == PartyType.ENTERPRISE
        ? applications.ofParty(type.name(), partyId) : applications.ofApplicant(partyId);
    return all.stream().filter(a -> entitlement.reaches(a, accountId)).toList();
  }

  /**
   * A case for a staff member: only of their own department (an implementing body) and within their region (the
   * item's implementing division is theirs or below it). Anything else is "not found".
   */
  @Transactional(readOnly = true)
  public Optional<CaseFile> forStaff(UUID applicationId, TongbanUser staff) {
    return applications.byId(applicationId)
        .filter(a -> staff.departmentCode() != null && a.departmentCode().value().equals(staff.departmentCode()))
        .map(this::file)
        .filter(f -> staff.worksIn(f.item().regionCode()));
  }

  /** The public progress: only with the right query code, compared in constant time. */
  @Transactional(readOnly = true)
  public Optional<CaseFile> byNumberAndQueryCode(String number, String queryCode) {
    if (number == null || queryCode == null || number.length() > 40) {
      return Optional.empty();
    }
    return applications.byNumber(number.trim())
        .filter(a -> MessageDigest.isEqual(a.queryCode().getBytes(StandardCharsets.UTF_8),
            queryCode.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)))
        .map(this::file);
  }

  private CaseFile file(Application a) {
    return new CaseFile(a, catalog.itemVersion(a.itemCode(), a.itemVersion()).orElseThrow(),
        applications.timeline(a.id().value()), applications.materials(a.id().value()),
        a.status().terminal() ? List.of() : workflow.openTasks(a.id().value()), clocks.deadlines(a.id().value()),
        applications.delivery(a.id().value()), commitments.of(a.id().value()),
        a.openNotice() == null ? List.of() : commitments.latestDeficiencies(a.id().value()));
  }

  /** Opens a material's bytes, for callers that already checked entitlement through one of the reads above. */
  public Optional<StoredMaterial> material(CaseFile file, UUID materialId) {
    return file.materials().stream().filter(m -> m.id().equals(materialId)).findFirst();
  }
}
