package cn.tongban.application;

import cn.tongban.identity.AccountId;
import java.util.List;
import java.util.Map;

/** One submission of a 一件事: the combined form's values and one set of materials for all member items. */
public record BundleSubmission(AccountId applicantId, String bundleCode, Map<String, String> formData,
    List<Upload> uploads, String idempotencyKey) {}
