package cn.tongban.license.internal;

import cn.tongban.license.LicenseGranted;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.license.LicenseIssued;
import cn.tongban.platform.crypto.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues the license a decision granted, once per case: after the decision commits, in a transaction of its own.
 * If issuing fails (the issuer's seal cannot sign), the publication stays incomplete and is retried. Deliveries of
 * the same grant queue on a lock on the case's number, on whatever node they run, and a delivery after the license
 * was issued announces that license again instead of issuing a second one.
 */
@Component
class GrantedLicenses {
  private final LicenseIssuer issuer;
  private final Licenses licenses;
  private final PersonalData personal;
  private final ApplicationEventPublisher events;

  GrantedLicenses(LicenseIssuer issuer, Licenses licenses, PersonalData personal, ApplicationEventPublisher events) {
    this.issuer = issuer;
    this.licenses = licenses;
    this.personal = personal;
    this.events = events;
  }

  @ApplicationModuleListener
  void on(LicenseGranted granted) {
    licenses.lockDecision(granted.applicationNumber());
    String identifier = licenses.issuedOnDecision(granted.applicationNumber())
        .orElseGet(() -> issuer.issue(opened(granted)).identifier());
    events.publishEvent(new LicenseIssued(granted.applicationNumber(), LicenseIdentifier.of(identifier)));
  }

  private IssueLicense opened(LicenseGranted g) {
    Map<String, String> data = new LinkedHashMap<>();
    g.dataSealed().forEach((k, v) -> data.put(k, personal.open(v, LicenseGranted.SEALED_KIND)));
    return new IssueLicense(g.typeCode(), g.name(), g.holderName(),
        personal.open(g.holderIdSealed(), LicenseGranted.SEALED_KIND), g.issuerCode(), g.issuerName(),
        g.validityYears(), data, g.applicationNumber());
  }
}
