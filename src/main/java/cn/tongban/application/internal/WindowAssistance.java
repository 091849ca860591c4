package cn.tongban.application.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.PresenceVerification;
import cn.tongban.identity.PersonProfile;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.platform.web.RateLimits;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of window assistance (帮办): a clerk assists only with the items of the clerk's own department within
 * the clerk's region (issue 17 narrows this to the items the clerk's hall serves: {@link #itemsFor} is the one
 * place to change), sees a person's data only after verifying that the person is present (the ID card checked by
 * the clerk against the last four characters of the number, or a one-time SMS code sent to the person's own
 * mobile), and every read is recorded under the person's account, where the person sees it ({@code /account}).
 */
@Service
public class WindowAssistance {
  /** How the applicant was verified at the window. */
  public enum Verification { NONE, ID_CARD, SMS }

  static final RateLimits.Limit SMS_PER_PERSON = new RateLimits.Limit("assist-sms", 3);

  private final Catalog catalog;
  private final PresenceVerification verification;
  private final AuditTrail audit;
  private final RateLimits limits;

  WindowAssistance(Catalog catalog, PresenceVerification verification, AuditTrail audit, RateLimits limits) {
    this.catalog = catalog;
    this.verification = verification;
    this.audit = audit;
    this.limits = limits;
  }

  /** The items this clerk may assist with: the clerk's department's, implemented within the clerk's region. */
  public List<ServiceItem> itemsFor(TongbanUser clerk) {
    return catalog.publishedItems().stream().filter(i -> serves(clerk, i)).toList();
  }

  public boolean serves(TongbanUser clerk, ServiceItem item) {
    return clerk.isStaff() && item.departmentCode().equals(clerk.departmentCode()) && clerk.worksIn(item.regionCode());
  }

  /** The item, if this clerk may assist with it; otherwise a refusal naming the field. */
  public ServiceItem item(TongbanUser clerk, String itemCode) {
    return catalog.publishedItem(itemCode == null ? "" : itemCode).filter(i -> serves(clerk, i))
        .orElseThrow(() -> PlatformException.invalid("itemCode", "只能为本部门、本辖区办理的事项帮办"));
  }

  /** Sends the person a one-time code to their own mobile; the clerk learns only the masked number. */
  public String sendCode(TongbanUser clerk, PersonProfile person) {
    limits.byAccount(SMS_PER_PERSON, "assist:" + person.accountId());
    String masked = verification.sendCode(person.accountId());
    audit.record("assistance.code-sent", "account", person.accountId().toString(),
        "窗口帮办：" + clerk.displayName() + "（" + clerk.departmentName() + "）请求向您的手机发送身份核验验证码");
    return masked;
  }

  /**
   * How the person was verified: the ID card (the clerk confirms the card in hand and types the number's last four
   * characters, which must match) or the SMS code; NONE otherwise.
   */
  public Verification verify(PersonProfile person, boolean cardChecked, String cardLast4, String smsCode) {
    if (cardChecked && cardLast4 != null && cardLast4.trim().length() == 4 && person.citizenId() != null
        && person.citizenId().toUpperCase().endsWith(cardLast4.trim().toUpperCase())) {
      return Verification.ID_CARD;
    }
    if (smsCode != null && !smsCode.isBlank() && smsCode.trim().matches("\\d{6}")
        && verification.confirm(person.accountId(), smsCode.trim())) {
      return Verification.SMS;
    }
    return Verification.NONE;
  }

  /** Records that a clerk read the person's data (full after verification, masked before), for the person to see. */
  @Transactional
  public void recordRead(TongbanUser clerk, PersonProfile person, ServiceItem item, Verification how) {
    String method = switch (how) {
      case ID_CARD -> "已核验身份证原件";
      case SMS -> "已通过您手机收到的验证码核验";
      case NONE -> "未核验，个人信息已遮蔽";
    };
    audit.record("assistance.person-read", "account", person.accountId().toString(),
        "窗口帮办：" + clerk.displayName() + "（" + clerk.departmentName() + "）为办理“" + item.name() + "”"
            + (how == Verification.NONE ? "打开了申请表" : "查看了您的信息用于填表") + "（" + method + "）");
  }
}
