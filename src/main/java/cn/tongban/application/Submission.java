package cn.tongban.application;

import cn.tongban.identity.AccountId;
import cn.tongban.identity.PartyType;
import cn.tongban.platform.web.PlatformException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A submission: the signed-in person ({@code applicantId}), the item as the client named it ({@code itemCode}, refused
 * with a field error when no published item has it), the form values, the uploaded materials, an
 * idempotency key, and, when the person applies for someone else, that party ({@code onBehalfType}/{@code onBehalfId}:
 * a minor in their guardianship, a principal who delegated to them, or an enterprise they represent), and how the
 * result is to be received ({@code deliveryMethod} ELECTRONIC, WINDOW, MAIL or TERMINAL; null means electronic only).
 */
public record Submission(AccountId applicantId, String itemCode, Map<String, String> formData, List<Upload> uploads,
    String idempotencyKey, PartyType onBehalfType, UUID onBehalfId, String deliveryMethod, String deliveryAddress,
    List<String> commitments) {

  /**
   * {@code commitments}: the codes of materials the applicant does not upload but commits to instead: 容缺 (supplied
   * by a due date) for an item tagged 容缺受理, or 告知承诺 (the signed commitment replaces it) for an item tagged 告知承诺.
   */
  public Submission {
    commitments = commitments == null ? List.of() : List.copyOf(commitments);
  }

  public Submission(AccountId applicantId, String itemCode, Map<String, String> formData, List<Upload> uploads,
      String idempotencyKey, PartyType onBehalfType, UUID onBehalfId, String deliveryMethod, String deliveryAddress) {
    this(applicantId, itemCode, formData, uploads, idempotencyKey, onBehalfType, onBehalfId, deliveryMethod,
        deliveryAddress, List.of());
  }

  /** The same submission with the materials committed to instead of uploaded. */
  public Submission committing(List<String> codes) {
    return new Submission(applicantId, itemCode, formData, uploads, idempotencyKey, onBehalfType, onBehalfId,
        deliveryMethod, deliveryAddress, codes);
  }

  public Submission(AccountId applicantId, String itemCode, Map<String, String> formData, List<Upload> uploads,
      String idempotencyKey) {
    this(applicantId, itemCode, formData, uploads, idempotencyKey, null, null, null, null);
  }

  public Submission(AccountId applicantId, String itemCode, Map<String, String> formData, List<Upload> uploads,
      String idempotencyKey, PartyType onBehalfType, UUID onBehalfId) {
    this(applicantId, itemCode, formData, uploads, idempotencyKey, onBehalfType, onBehalfId, null, null);
  }

  /** The same submission with a delivery choice. */
  public Submission deliveredBy(String method, String address) {
    return new Submission(applicantId, itemCode, formData, uploads, idempotencyKey, onBehalfType, onBehalfId, method,
        address, commitments);
  }

  /** Parses "PERSON:uuid" / "ENTERPRISE:uuid" from a page's hidden field; blank means the person themselves. */
  public static Submission onBehalf(AccountId applicantId, String itemCode, Map<String, String> formData,
      List<Upload> uploads, String idempotencyKey, String party) {
    PartyRef ref = PartyRef.parse(party);
    return new Submission(applicantId, itemCode, formData, uploads, idempotencyKey, ref == null ? null : ref.type(),
        ref == null ? null : ref.id());
  }

  public record PartyRef(PartyType type, UUID id) {
    public static PartyRef parse(String s) {
      if (s == null || s.isBlank()) {
        return null;
      }
      String[] p = s.trim().split(":", 2);
      try {
        return new PartyRef(PartyType.valueOf(p[0]), UUID.fromString(p[1]));
      } catch (RuntimeException e) {
        throw PlatformException.notFound("申请对象");
      }
    }
  }
}
