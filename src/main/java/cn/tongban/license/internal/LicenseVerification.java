package cn.tongban.license.internal;

import java.time.LocalDate;

/**
 * What anyone may learn by verifying a license: whether its signature holds over its data, its current status
 * (有效, 已变更, 已注销, 已过期, 逾期未年检) and the facts printed on it, with the holder's number masked.
 */
public record LicenseVerification(String identifier, String name, String holderName, String holderIdMasked,
    String issuerName, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, String status,
    String statusLabel, boolean signatureValid, boolean valid, String conclusion, String keyId, int version,
    String revokedReason, String successorIdentifier, String origin) {}
