package cn.tongban.license.internal;

import cn.tongban.identity.Enterprises;
import cn.tongban.identity.TongbanUser;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licenses held by an enterprise (linked to its unified social credit code) are in the wallet of the person who
 * represents it on the platform: its legal representative.
 */
@Component
public class EnterpriseHoldings {
  /** One enterprise of the signed-in person, with its licenses (each verified). */
  public record Holding(String creditCode, String name, List<LicenseVerification> licenses) {}

  private final Enterprises enterprises;
  private final LicenseVerifier verifier;

  EnterpriseHoldings(Enterprises enterprises, LicenseVerifier verifier) {
    this.enterprises = enterprises;
    this.verifier = verifier;
  }

  @Transactional(readOnly = true)
  public List<Holding> of(TongbanUser user) {
    return enterprises.ofLegalRep(user.accountId()).stream()
        .map(e -> new Holding(e.creditCode(), e.name(), verifier.heldBy(e.creditCode()))).toList();
  }

  /** Whether the person represents the enterprise with this credit code. */
  public boolean represents(TongbanUser user, String creditCode) {
    return creditCode != null && enterprises.ofLegalRep(user.accountId()).stream()
        .anyMatch(e -> e.creditCode().equals(creditCode));
  }
}
