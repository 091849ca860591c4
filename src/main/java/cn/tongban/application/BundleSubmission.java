package cn.tongban.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One submission of a 一件事: the combined form's values and one set of materials for all member items. */
public record BundleSubmission(UUID applicantId, String bundleCode, Map<String, String> formData, List<Upload> uploads,
    String idempotencyKey) {}
