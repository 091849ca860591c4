package cn.tongban.workflow;

import java.util.UUID;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Called from BPMN service tasks ({@code ${caseSteps.conclude(execution)}}). */
@Component("caseSteps")
class CaseSteps {
  private final ApplicationEventPublisher events;

  CaseSteps(ApplicationEventPublisher events) {
    this.events = events;
  }

  public void conclude(DelegateExecution execution) {
    events.publishEvent(new CaseConcluded(UUID.fromString(execution.getProcessInstanceBusinessKey())));
  }
}
