package cn.tongban.workflow;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The human steps of the approval processes, with the outcomes each allows and which need a written reason. */
public enum CaseStep {
  ACCEPT("accept", "受理", ordered("accept", "予以受理", "supplement", "一次性告知补正", "reject", "不予受理"),
      Set.of("supplement", "reject")),
  REVIEW("review", "审查", ordered("agree", "审查通过", "disagree", "审查不通过（建议不予许可）"), Set.of("disagree")),
  DECIDE("decide", "决定", ordered("approve", "准予许可", "deny", "不予许可"), Set.of("deny")),
  /** 即办件: accepted and decided in one step. */
  INSTANT("handle", "即办", ordered("approve", "受理并准予", "deny", "受理并不予许可", "reject", "不予受理"),
      Set.of("deny", "reject")),
  /** Multi-level review: 初审, then 复审. */
  FIRST_REVIEW("firstReview", "初审", ordered("agree", "初审同意", "disagree", "初审不同意"), Set.of("disagree")),
  SECOND_REVIEW("secondReview", "复审", ordered("agree", "复审通过", "disagree", "复审不通过（建议不予许可）"),
      Set.of("disagree")),
  /** Joint review (联审): one task per participating department, in parallel; all must conclude. */
  JOINT_REVIEW("jointReview", "联审", ordered("agree", "同意", "disagree", "不同意"), Set.of("disagree"));

  private final String taskKey;
  private final String label;
  private final Map<String, String> outcomes;
  private final Set<String> reasonRequired;

  CaseStep(String taskKey, String label, Map<String, String> outcomes, Set<String> reasonRequired) {
    this.taskKey = taskKey;
    this.label = label;
    this.outcomes = outcomes;
    this.reasonRequired = reasonRequired;
  }

  public String taskKey() {
    return taskKey;
  }

  public String label() {
    return label;
  }

  /** Outcome code → what it means, in Chinese. */
  public Map<String, String> outcomes() {
    return outcomes;
  }

  public boolean needsReason(String outcome) {
    return reasonRequired.contains(outcome);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  public static Optional<CaseStep> ofTaskKey(String key) {
    return Arrays.stream(values()).filter(s -> s.taskKey.equals(key)).findFirst();
  }
}
