package cn.tongban.workflow;

import java.time.Instant;
import java.util.UUID;

/** An open human task of a case, as the staff inbox shows it. */
public record CaseTask(String taskId, UUID applicationId, String applicationNumber, String itemName,
    String applicantName, CaseStep step, String assignee, Instant createdAt) {}
