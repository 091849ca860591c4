package cn.tongban.license.internal;

import cn.tongban.license.LicenseGranted;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.license.LicenseIssued;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues the license a decision granted, once per case: after the decision commits, in a transaction of its own.
 * If issuing fails (the issuer's seal cannot sign), the publication stays incomplete and is retried; a retry after
 * the license was already issued announces that license again instead of issuing a second one.
 */
@Component
class GrantedLicenses {
  private final LicenseIssuer issuer;
  private final Licenses licenses;
  private final ApplicationEventPublisher events;

  GrantedLicenses(LicenseIssuer issuer, Licenses licenses, ApplicationEventPublisher events) {
    this.issuer = issuer;
    this.licenses = licenses;
    this.events = events;
  }

  @ApplicationModuleListener
  void on(LicenseGranted granted) {
    String identifier = licenses.issuedOnDecision(granted.applicationNumber())
        .orElseGet(() -> issuer.issue(granted).identifier());
    events.publishEvent(new LicenseIssued(granted.applicationNumber(), LicenseIdentifier.of(identifier)));
  }
}
