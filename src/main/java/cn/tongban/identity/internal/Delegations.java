package cn.tongban.identity.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.AccountKind;
import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.Enterprise;
import cn.tongban.identity.PartyType;
import cn.tongban.identity.Representation;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 委托代办 and 经办人授权: a person lets another registered person act for them, and an enterprise's legal
 * representative lets an employee act for the enterprise; for one item or all items, until a date; revocable at once.
 */
@Service
public class Delegations {
  static final int MAX_DAYS = 366;

  private final Relations relations;
  private final Accounts accounts;
  private final AuditTrail audit;

  Delegations(Relations relations, Accounts accounts, AuditTrail audit) {
    this.relations = relations;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** The agent (by name and ID number, both must match a registered person), the item (blank = all) and the end. */
  public record Grant(String agentName, String agentCitizenId, String itemCode, String validUntil) {}

  /** A person authorizes an agent. For all items an end date is required. */
  @Transactional
  public UUID grantForPerson(UUID principalId, Grant g) {
    Account principal = accounts.byId(principalId).filter(a -> a.kind() == AccountKind.PERSON)
        .orElseThrow(() -> PlatformException.notFound("委托人"));
    UUID id = grant(PartyType.PERSON, principalId, principalId, g);
    audit.record("mandate.granted", "mandate", id.toString(),
        principal.displayName() + "委托代办，事项 " + scope(g) + "，至 " + until(g));
    return id;
  }

  /** The enterprise's legal representative authorizes an employee (经办人). */
  @Transactional
  public UUID grantForEnterprise(UUID legalRepId, UUID enterpriseId, Grant g) {
    Enterprise e = ownEnterprise(legalRepId, enterpriseId);
    UUID id = grant(PartyType.ENTERPRISE, e.id(), legalRepId, g);
    audit.record("mandate.granted", "mandate", id.toString(),
        e.name() + "授权经办人，事项 " + scope(g) + "，至 " + until(g));
    return id;
  }

  @Transactional
  public void revokeForPerson(UUID principalId, UUID mandateId) {
    if (!relations.revokeMandate(mandateId, PartyType.PERSON, principalId, principalId)) {
      throw PlatformException.notFound("委托");
    }
    audit.record("mandate.revoked", "mandate", mandateId.toString(), "委托人撤销委托，即时生效");
  }

  @Transactional
  public void revokeForEnterprise(UUID legalRepId, UUID enterpriseId, UUID mandateId) {
    Enterprise e = ownEnterprise(legalRepId, enterpriseId);
    if (!relations.revokeMandate(mandateId, PartyType.ENTERPRISE, e.id(), legalRepId)) {
      throw PlatformException.notFound("授权");
    }
    audit.record("mandate.revoked", "mandate", mandateId.toString(), e.name() + "撤销经办人授权，即时生效");
  }

  @Transactional(readOnly = true)
  public List<Mandate> givenBy(UUID principalId) {
    return relations.mandatesOfPrincipal(PartyType.PERSON, principalId);
  }

  @Transactional(readOnly = true)
  public List<Mandate> ofEnterprise(UUID legalRepId, UUID enterpriseId) {
    return relations.mandatesOfPrincipal(PartyType.ENTERPRISE, ownEnterprise(legalRepId, enterpriseId).id());
  }

  /** Mandates the person holds as agent that are in force today. */
  @Transactional(readOnly = true)
  public List<Mandate> heldBy(UUID agentId) {
    LocalDate today = Representation.today();
    return relations.unrevokedMandatesOfAgent(agentId).stream().filter(m -> m.activeOn(today)).toList();
  }

  public Enterprise ownEnterprise(UUID legalRepId, UUID enterpriseId) {
    return relations.enterprise(enterpriseId).filter(e -> e.legalRepAccountId().equals(legalRepId))
        .orElseThrow(() -> PlatformException.notFound("企业"));
  }

  private UUID grant(PartyType type, UUID principalId, UUID grantedBy, Grant g) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = g.agentName() == null ? "" : g.agentName().trim();
    String cid = CitizenIdNumber.normalize(g.agentCitizenId());
    CitizenIdNumber.problem(cid).ifPresent(p -> problems.add(new FieldProblem("agentCitizenId", p)));
    if (name.isEmpty()) {
      problems.add(new FieldProblem("agentName", "请填写受托人姓名"));
    }
    String item = g.itemCode() == null || g.itemCode().isBlank() ? null : g.itemCode().trim();
    if (item != null && !item.matches("[0-9A-Za-z-]{3,50}")) {
      problems.add(new FieldProblem("itemCode", "事项编码格式不正确"));
    }
    LocalDate today = Representation.today();
    LocalDate until = null;
    if (g.validUntil() != null && !g.validUntil().isBlank()) {
      try {
        until = LocalDate.parse(g.validUntil().trim());
        if (until.isBefore(today) || until.isAfter(today.plusDays(MAX_DAYS))) {
          problems.add(new FieldProblem("validUntil", "截止日期应在今天至一年之内"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("validUntil", "请填写正确的日期（年-月-日）"));
      }
    } else if (item == null) {
      problems.add(new FieldProblem("validUntil", "委托全部事项时须填写截止日期"));
    }
    UUID agentId = null;
    if (problems.stream().noneMatch(p -> p.field().startsWith("agent"))) {
      Account agent = accounts.personByCitizenId(cid).filter(a -> a.displayName().equals(name) && a.enabled())
          .orElse(null);
      if (agent == null) {
        problems.add(new FieldProblem("agentCitizenId", "未找到姓名与身份证号码一致的已注册用户，受托人须先实名注册"));
      } else if (agent.id().equals(principalId) || agent.id().equals(grantedBy)) {
        problems.add(new FieldProblem("agentCitizenId", "不能委托或授权给自己"));
      } else {
        agentId = agent.id();
      }
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    UUID id = UUID.randomUUID();
    relations.insertMandate(id, type, principalId, agentId, item, today, until, grantedBy);
    return id;
  }

  private static String scope(Grant g) {
    return g.itemCode() == null || g.itemCode().isBlank() ? "全部" : g.itemCode().trim();
  }

  private static String until(Grant g) {
    return g.validUntil() == null || g.validUntil().isBlank() ? "撤销时" : g.validUntil().trim();
  }
}
