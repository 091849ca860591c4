package cn.tongban.workflow;

import java.util.UUID;

/** A staff member completed a step of a case; published before the engine moves on, in the same transaction. */
public record CaseStepCompleted(UUID applicationId, CaseStep step, String outcome, String comment, String actorId,
    String actorName, String actorPost, String actorDepartmentName) {}
