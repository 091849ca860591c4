package cn.tongban.license;

import java.util.Map;

/**
 * A decision granted a license (准予许可): what it is (type, name, data), whom it is for and who issues it. The
 * deciding module publishes it in the decision's transaction; the license module issues the license once, after
 * that transaction commits, and announces {@link LicenseIssued} (retried from the event publication registry when
 * issuing fails). {@code validityYears} null means long-term (长期).
 */
public record LicenseGranted(String typeCode, String name, String holderName, String holderId, String issuerCode,
    String issuerName, Integer validityYears, Map<String, String> data, String applicationNumber) {}
