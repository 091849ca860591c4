package cn.tongban.workflow;

import java.util.UUID;

/** Every department of a joint review (联审) has given its opinion; the case's review is complete. */
public record JointReviewConcluded(UUID applicationId, int departments, int agreed) {
  public boolean allAgreed() {
    return agreed == departments;
  }
}
