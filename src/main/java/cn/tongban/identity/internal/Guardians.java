package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.AccountKind;
import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.Registration;
import cn.tongban.identity.Representation;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A guardian registers a minor (real-name verified, under 18 by the ID number) and manages the minor's account: the
 * account cannot sign in by itself until the handover on the 18th birthday ({@link MinorHandover}).
 */
@Service
public class Guardians {
  private final Registration registration;
  private final Relations relations;
  private final Accounts accounts;
  private final AuditTrail audit;

  Guardians(Registration registration, Relations relations, Accounts accounts, AuditTrail audit) {
    this.registration = registration;
    this.relations = relations;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** What a guardian gives: the minor's name, ID number, the minor's own mobile (for the handover code), relation. */
  public record RegisterMinor(String name, String citizenId, String mobile, String relation) {}

  @Transactional
  public UUID registerMinor(UUID guardianId, RegisterMinor cmd) {
    Account guardian = accounts.byId(guardianId).filter(a -> a.kind() == AccountKind.PERSON)
        .orElseThrow(() -> PlatformException.notFound("监护人"));
    String name = cmd.name() == null ? "" : cmd.name().trim();
    String cid = CitizenIdNumber.normalize(cmd.citizenId());
    String mobile = cmd.mobile() == null ? "" : cmd.mobile().trim();
    List<FieldProblem> problems = registration.personProblems(name, cid, mobile);
    if (problems.stream().noneMatch(p -> p.field().equals("citizenId"))
        && !Registration.isMinor(new CitizenIdNumber(cid), Representation.today())) {
      problems.add(new FieldProblem("citizenId", "该身份证号码显示已年满18周岁，请由本人注册"));
    }
    String relation = cmd.relation() == null ? "" : cmd.relation().trim();
    if (!List.of("FATHER", "MOTHER", "OTHER").contains(relation)) {
      problems.add(new FieldProblem("relation", "请选择与未成年人的关系"));
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    UUID minorId = UUID.randomUUID();
    // no usable password: the account signs in only after the handover, when the minor sets their own
    registration.insertPerson(minorId, name, cid, mobile, registration.encode(UUID.randomUUID() + "A1"), false);
    LocalDate adultOn = Registration.adultOn(new CitizenIdNumber(cid));
    relations.insertGuardianship(UUID.randomUUID(), guardianId, minorId, relation, adultOn);
    audit.record("account.minor-registered", "account", minorId.toString(),
        "监护人" + guardian.displayName() + "代未成年人注册，身份证号 " + CitizenIdNumber.mask(cid) + "，成年日 " + adultOn);
    return minorId;
  }

  @Transactional(readOnly = true)
  public List<Guardianship> of(UUID guardianId) {
    return relations.guardianshipsOf(guardianId);
  }
}
