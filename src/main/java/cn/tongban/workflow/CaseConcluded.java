package cn.tongban.workflow;

import java.util.UUID;

/** The process reached 办结 for a case. */
public record CaseConcluded(UUID applicationId) {}
