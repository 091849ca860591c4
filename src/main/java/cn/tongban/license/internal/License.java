package cn.tongban.license.internal;

import cn.tongban.license.LicenseIdentifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** An electronic license as stored: structured data, status, and the SM2 signature over its canonical form. */
public record License(UUID id, String identifier, String typeCode, String name, String holderName, String holderId,
    String issuerCode, String issuerName, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil,
    Map<String, String> data, String applicationNumber, String status, String keyId, byte[] signature, int version,
    UUID previousId, String origin, String revokedReason, LocalDate lastCheckedOn) {

  /** A new, not yet signed license of version 1. */
  public static License draft(UUID id, String identifier, String typeCode, String name, String holderName, String holderId,
      String issuerCode, String issuerName, LocalDate issuedOn, LocalDate validUntil, Map<String, String> data,
      String applicationNumber, String origin) {
    return new License(id, identifier, typeCode, name, holderName, holderId, issuerCode, issuerName, issuedOn,
        issuedOn, validUntil, Map.copyOf(data), applicationNumber, "VALID", null, new byte[0], 1, null, origin, null,
        null);
  }

  public License signedWith(String keyId, byte[] signature) {
    return new License(id, identifier, typeCode, name, holderName, holderId, issuerCode, issuerName, issuedOn,
        validFrom, validUntil, data, applicationNumber, status, keyId, signature, version, previousId, origin,
        revokedReason, lastCheckedOn);
  }

  /** The next version after a change (变更): same serial, new data, new identifier, not yet signed. */
  License nextVersion(Map<String, String> newData, LocalDate today) {
    String[] parts = identifier.substring(LicenseIdentifier.ROOT.length() + 1).split("\\.");
    String next = LicenseIdentifier.compose(typeCode, issuerCode, parts[2], version + 1).value();
    return new License(UUID.randomUUID(), next, typeCode, name, holderName, holderId, issuerCode, issuerName, today,
        today, validUntil, Map.copyOf(newData), applicationNumber, "VALID", null, new byte[0], version + 1, id,
        "CHANGE", null, null);
  }

  public byte[] canonicalBytes() {
    return canonical().getBytes(StandardCharsets.UTF_8);
  }

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
