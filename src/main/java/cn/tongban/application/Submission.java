package cn.tongban.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An applicant's submission: the item, the form values, the uploaded materials, an idempotency key and how the
 * result is to be received ({@code deliveryMethod} ELECTRONIC, WINDOW, MAIL or TERMINAL; null means electronic only).
 */
public record Submission(UUID applicantId, String itemCode, Map<String, String> formData, List<Upload> uploads,
    String idempotencyKey, String deliveryMethod, String deliveryAddress) {

  public Submission(UUID applicantId, String itemCode, Map<String, String> formData, List<Upload> uploads,
      String idempotencyKey) {
    this(applicantId, itemCode, formData, uploads, idempotencyKey, null, null);
  }
}
