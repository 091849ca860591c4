package cn.tongban.license;

import java.util.Map;

/** What a decision gives to issue a license. {@code validityYears} null means long-term (长期). */
public record IssueLicense(String typeCode, String name, String holderName, String holderId, String issuerCode,
    String issuerName, Integer validityYears, Map<String, String> data, String applicationNumber) {}
