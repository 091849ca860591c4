package cn.tongban.license;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** An electronic license as stored: structured data, status, and the SM2 signature over its canonical form. */
record License(UUID id, String identifier, String typeCode, String name, String holderName, String holderId,
    String issuerCode, String issuerName, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil,
    Map<String, String> data, String applicationNumber, String status, String keyId, byte[] signature) {

  /**
   * The signed text: every field that gives the license its meaning, in a fixed order, one {@code key=value} per
   * line with backslash, newline and '=' escaped. The status is not signed: revocation is a later fact, checked
   * separately.
   */
  String canonical() {
    var fields = new TreeMap<String, String>();
    fields.put("identifier", identifier);
    fields.put("typeCode", typeCode);
    fields.put("name", name);
    fields.put("holderName", holderName);
    fields.put("holderId", holderId);
    fields.put("issuerCode", issuerCode);
    fields.put("issuerName", issuerName);
    fields.put("issuedOn", issuedOn.toString());
    fields.put("validFrom", validFrom.toString());
    fields.put("validUntil", validUntil == null ? "长期" : validUntil.toString());
    fields.put("applicationNumber", applicationNumber == null ? "" : applicationNumber);
    new TreeMap<>(data).forEach((k, v) -> fields.put("data." + k, v));
    StringBuilder sb = new StringBuilder("TONGBAN-LICENSE-V1\n");
    fields.forEach((k, v) -> sb.append(escape(k)).append('=').append(escape(v)).append('\n'));
    return sb.toString();
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=");
  }
}
