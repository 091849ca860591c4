package cn.tongban.license.internal;

import java.util.Map;

/** What issuing a license needs. {@code validityYears} null means long-term (长期). */
public record IssueLicense(String typeCode, String name, String holderName, String holderId, String issuerCode,
    String issuerName, Integer validityYears, Map<String, String> data, String applicationNumber) {}
