package cn.tongban.identity;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.internal.Account;
import cn.tongban.identity.internal.Accounts;
import cn.tongban.identity.internal.Relations;
import cn.tongban.platform.web.PlatformException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprise registration (法人注册): the legal representative, signed in with their own real-name account, binds
 * the enterprise by its unified social credit code; the code must be valid (GB 32100), known to the enterprise base
 * data, and name this very person (name and ID number) as legal representative.
 */
@Service
public class Enterprises {
  private final EnterpriseBase base;
  private final Relations relations;
  private final Accounts accounts;
  private final AuditTrail audit;

  Enterprises(EnterpriseBase base, Relations relations, Accounts accounts, AuditTrail audit) {
    this.base = base;
    this.relations = relations;
    this.accounts = accounts;
    this.audit = audit;
  }

  @Transactional
  public Enterprise bind(UUID legalRepId, String creditCodeInput) {
    Account rep = accounts.byId(legalRepId).filter(a -> a.kind() == AccountKind.PERSON)
        .orElseThrow(() -> PlatformException.notFound("申请人"));
    String code = creditCodeInput == null ? "" : creditCodeInput.trim().toUpperCase(Locale.ROOT);
    CreditCode.problem(code).ifPresent(p -> {
      throw PlatformException.invalid("creditCode", p);
    });
    EnterpriseBase.Entry entry = base.find(code)
        .filter(e -> e.legalRepCitizenId().equals(rep.citizenId()) && e.legalRepName().equals(rep.displayName()))
        .orElseThrow(() -> PlatformException.invalid("creditCode",
            "未能核验：法人基础信息中没有该统一社会信用代码，或其法定代表人不是您本人"));
    if (relations.creditCodeBound(code)) {
      throw PlatformException.invalid("creditCode", "该企业已由法定代表人完成注册");
    }
    Enterprise e = new Enterprise(UUID.randomUUID(), code, entry.name(), legalRepId, null);
    try {
      relations.insertEnterprise(e);
    } catch (DuplicateKeyException ex) {
      throw PlatformException.invalid("creditCode", "该企业已由法定代表人完成注册");
    }
    audit.record("enterprise.bound", "enterprise", e.id().toString(),
        entry.name() + "（" + code + "）由法定代表人" + rep.displayName() + "注册绑定");
    return relations.enterprise(e.id()).orElseThrow();
  }

  /** The enterprises this person represents as legal representative. */
  @Transactional(readOnly = true)
  public List<Enterprise> ofLegalRep(UUID accountId) {
    return relations.enterprisesOfLegalRep(accountId);
  }

  @Transactional(readOnly = true)
  public Optional<Enterprise> find(UUID enterpriseId) {
    return relations.enterprise(enterpriseId);
  }
}
