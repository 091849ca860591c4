package cn.tongban.application;

import java.time.Instant;

/** One step of a case's timeline, as the applicant sees it: who acted by post, never by name. */
public record TimelineEntry(Instant occurredAt, String action, String actionLabel, ApplicationStatus status,
    String actorLabel, String comment) {}
