package cn.tongban.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * An open human task of a case, as the staff inbox shows it: which step, which department and post it waits on
 * (the post is what applicants see, never the person), and who has claimed it, if anyone.
 */
public record CaseTask(String taskId, UUID applicationId, String applicationNumber, String itemName,
    String applicantName, CaseStep step, String assignee, Instant createdAt, String departmentCode,
    String handlerPost, String assigneeName) {

  public boolean claimed() {
    return assignee != null;
  }
}
