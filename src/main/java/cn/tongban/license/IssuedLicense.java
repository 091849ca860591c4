package cn.tongban.license;

import java.util.UUID;

/** A reference to an issued license. */
public record IssuedLicense(UUID id, String identifier) {}
