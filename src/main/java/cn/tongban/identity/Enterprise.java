package cn.tongban.identity;

import java.time.Instant;
import java.util.UUID;

/** An enterprise bound to the platform by its legal representative. */
public record Enterprise(UUID id, String creditCode, String name, UUID legalRepAccountId, Instant boundAt) {}
