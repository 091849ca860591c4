package cn.tongban.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An applicant's submission: the item, the form values, the uploaded materials and an idempotency key. */
public record Submission(UUID applicantId, String itemCode, Map<String, String> formData, List<Upload> uploads,
    String idempotencyKey) {}
