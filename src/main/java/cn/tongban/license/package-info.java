/**
 * License: electronic licenses (电子证照) issued as results, signed with the issuing authority's SM2 seal key over
 * their canonical data, verifiable by anyone, and the signatures of applicants and staff.
 *
 * <p>API for other modules (this package): {@link LicenseIssuer} (issue on a decision), {@link LicenseWallet} (the
 * holder's licenses and authorizations), {@link SignatureService} and {@link LicenseIdentifier}. {@code web} holds
 * the license pages and REST API; {@code internal} the licenses and types, seal keys, documents, verification,
 * lifecycle, legacy import and the data upgrade.
 */
@ApplicationModule(displayName = "License 电子证照")
package cn.tongban.license;

import cn.tongban.license.internal.LicenseIssuer;
import org.springframework.modulith.ApplicationModule;
