package cn.tongban.workflow;

import cn.tongban.platform.web.PlatformException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts cases in the engine, lists and completes their tasks for the departments that handle them. */
@Service
public class CaseWorkflow {
  static final String VAR_APPLICATION = "applicationId";
  static final String VAR_NUMBER = "applicationNumber";
  static final String VAR_ITEM = "itemName";
  static final String VAR_APPLICANT = "applicantName";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ApplicationEventPublisher events;

  CaseWorkflow(RuntimeService runtime, TaskService tasks, ApplicationEventPublisher events) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.events = events;
  }

  /** The candidate group of a department's staff. */
  public static String departmentGroup(String departmentCode) {
    return "dept:" + departmentCode;
  }

  /** Starts the item's process for a submitted application; returns the process instance id. */
  @Transactional
  public String startCase(StartCase c) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("candidateGroup", departmentGroup(c.departmentCode()));
    vars.put(VAR_APPLICATION, c.applicationId().toString());
    vars.put(VAR_NUMBER, c.applicationNumber());
    vars.put(VAR_ITEM, c.itemName());
    vars.put(VAR_APPLICANT, c.applicantName());
    return runtime.startProcessInstanceByKey(c.processKey(), c.applicationId().toString(), vars).getId();
  }

  /** The open tasks that any of these candidate groups may handle, oldest first. */
  @Transactional(readOnly = true)
  public List<CaseTask> inbox(Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return tasks.createTaskQuery().taskCandidateGroupIn(groups).includeProcessVariables()
        .orderByTaskCreateTime().asc().list().stream().map(this::view).toList();
  }

  /** One open task, only if these groups may handle it. */
  @Transactional(readOnly = true)
  public Optional<CaseTask> task(String taskId, Collection<String> groups) {
    return Optional.ofNullable(visible(taskId, groups).includeProcessVariables().singleResult()).map(this::view);
  }

  /** The open human task of a case, if it is waiting on staff. */
  @Transactional(readOnly = true)
  public Optional<CaseTask> currentTask(UUID applicationId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationId.toString()).includeProcessVariables()
        .list().stream().findFirst().map(this::view);
  }

  /**
   * Completes a task with an outcome. The step's event is published first, in this transaction, so the case's
   * status moves with the engine or not at all. When two people complete the same task, one wins and the other
   * gets a clear conflict.
   */
  @Transactional
  public void complete(String taskId, Collection<String> groups, String actorId, String actorName, String actorPost,
      String outcome, String comment) {
    Task task = visible(taskId, groups).includeProcessVariables().singleResult();
    if (task == null) {
      throw PlatformException.conflict("TASK_GONE", "该任务不存在或已被他人办理，请刷新待办列表。");
    }
    CaseStep step = CaseStep.ofTaskKey(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("unknown step " + task.getTaskDefinitionKey()));
    if (!step.outcomes().containsKey(outcome)) {
      throw PlatformException.invalid("outcome", "请选择" + step.label() + "结果");
    }
    String reason = comment == null ? "" : comment.trim();
    if (step.needsReason(outcome) && reason.isEmpty()) {
      throw PlatformException.invalid("comment", "请填写" + step.outcomes().get(outcome) + "的理由");
    }
    if (reason.length() > 2000) {
      throw PlatformException.invalid("comment", "意见不能超过2000字");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(actorId)) {
      throw PlatformException.conflict("TASK_CLAIMED", "该任务已由其他工作人员签收办理。");
    }
    try {
      if (task.getAssignee() == null) {
        tasks.claim(taskId, actorId);
      }
      events.publishEvent(new CaseStepCompleted(applicationId(task), step, outcome, reason, actorId,
          actorName, actorPost));
      tasks.complete(taskId, Map.of("outcome", outcome));
    } catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException
        | FlowableTaskAlreadyClaimedException e) {
      throw PlatformException.conflict("TASK_GONE", "该任务已被他人办理，请刷新待办列表。");
    }
  }

  /** The applicant has corrected the application: the case returns to 受理. */
  @Transactional
  public void supplementReceived(UUID applicationId) {
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId.toString())
        .singleResult();
    Execution waiting = instance == null ? null : runtime.createExecutionQuery()
        .processInstanceId(instance.getId()).activityId("awaitSupplement").singleResult();
    if (waiting == null) {
      throw PlatformException.conflict("NOT_AWAITING_SUPPLEMENT", "该办件当前不在补正阶段。");
    }
    runtime.trigger(waiting.getId());
  }

  /** Ends a case's process early (withdrawal, termination), recording why. */
  @Transactional
  public void cancel(UUID applicationId, String reason) {
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId.toString())
        .singleResult();
    if (instance != null) {
      runtime.deleteProcessInstance(instance.getId(), reason);
    }
  }

  private TaskQuery visible(String taskId, Collection<String> groups) {
    if (groups.isEmpty()) {
      return tasks.createTaskQuery().taskId(taskId).taskCandidateGroup("\u0000none");
    }
    return tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(groups);
  }

  private static UUID applicationId(Task task) {
    return UUID.fromString((String) task.getProcessVariables().get(VAR_APPLICATION));
  }

  private CaseTask view(Task t) {
    Map<String, Object> v = t.getProcessVariables();
    return new CaseTask(t.getId(), applicationId(t), (String) v.get(VAR_NUMBER), (String) v.get(VAR_ITEM),
        (String) v.get(VAR_APPLICANT), CaseStep.ofTaskKey(t.getTaskDefinitionKey()).orElse(null), t.getAssignee(),
        t.getCreateTime().toInstant());
  }
}
