package cn.tongban.workflow.internal;

import cn.tongban.workflow.CaseClocks;
import cn.tongban.workflow.CaseConcluded;
import cn.tongban.workflow.CaseWorkflow;
import cn.tongban.workflow.JointReviewConcluded;
import java.util.UUID;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Called from BPMN service tasks ({@code ${caseSteps.conclude(execution)}}, {@code ${caseSteps.jointConcluded(execution)}}). */
@Component("caseSteps")
class CaseSteps {
  private final ApplicationEventPublisher events;
  private final CaseClocks clocks;

  CaseSteps(ApplicationEventPublisher events, CaseClocks clocks) {
    this.events = events;
    this.clocks = clocks;
  }

  public void conclude(DelegateExecution execution) {
    UUID id = UUID.fromString(execution.getProcessInstanceBusinessKey());
    clocks.stop(id);
    events.publishEvent(new CaseConcluded(id));
  }

  public void jointConcluded(DelegateExecution execution) {
    var opinions = execution.getVariables().entrySet().stream()
        .filter(v -> v.getKey().startsWith(CaseWorkflow.JOINT_OPINION)).toList();
    int agreed = (int) opinions.stream().filter(v -> "agree".equals(v.getValue())).count();
    events.publishEvent(new JointReviewConcluded(UUID.fromString(execution.getProcessInstanceBusinessKey()),
        opinions.size(), agreed));
  }
}
