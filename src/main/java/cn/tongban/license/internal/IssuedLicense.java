package cn.tongban.license.internal;

import java.util.UUID;

/** A reference to an issued license. */
public record IssuedLicense(UUID id, String identifier) {}
