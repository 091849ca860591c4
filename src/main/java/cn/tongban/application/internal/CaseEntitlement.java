package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.identity.Representation;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who reaches a case on the applicant side: the applicant; a guardian of the applicant while the applicant is a
 * minor; an agent whose mandate from the applicant is in force and covers the case's item; the legal representative
 * or an authorized employee of the enterprise the case was made for. Checked at every read, so revocation and
 * coming of age take effect at once.
 */
@Component
public class CaseEntitlement {
  private final Representation representation;

  CaseEntitlement(Representation representation) {
    this.representation = representation;
  }

  public boolean reaches(Application a, UUID accountId) {
    if (accountId == null) {
      return false;
    }
    if (a.applicantId().value().equals(accountId)) {
      return true;
    }
    if (a.acting().forEnterprise()) {
      return representation.mayActForEnterprise(accountId, a.acting().partyId(), a.itemCode().value());
    }
    return representation.mayActForPerson(accountId, a.applicantId().value(), a.itemCode().value());
  }
}
