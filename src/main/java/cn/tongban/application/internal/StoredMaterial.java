package cn.tongban.application.internal;

import java.time.Instant;
import java.util.UUID;

/** A material uploaded for a case: where it is stored and its SM3 fingerprint. */
public record StoredMaterial(UUID id, UUID applicationId, String requirementCode, String fileName, String contentType,
    long sizeBytes, String sm3, String storageKey, Instant uploadedAt) {}
