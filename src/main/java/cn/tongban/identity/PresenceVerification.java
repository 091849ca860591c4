package cn.tongban.identity;

import cn.tongban.identity.internal.IdentityVerification;
import org.springframework.stereotype.Service;

/**
 * Proves that a registered person is present where someone acts for them (帮办 at a window): a one-time code sent by
 * SMS to the person's own mobile, checked when the person reads it out. The code's limits (validity, tries) are those
 * of every one-time code.
 */
@Service
public class PresenceVerification {
  private final IdentityVerification verification;

  PresenceVerification(IdentityVerification verification) {
    this.verification = verification;
  }

  /** Sends a code to the person's own mobile; returns the masked number it went to. */
  public String sendCode(AccountId accountId) {
    return verification.sendSmsCode(accountId.value());
  }

  /** Whether the code is the one sent to the person (a wrong code counts as a try). */
  public boolean confirm(AccountId accountId, String code) {
    return verification.verifySmsCode(accountId.value(), code);
  }
}
