package cn.tongban.workflow;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.AccountId;
import cn.tongban.identity.DepartmentCode;
import cn.tongban.identity.PostAbsenceChanged;
import cn.tongban.identity.StaffMember;
import cn.tongban.identity.StaffPost;
import cn.tongban.identity.StaffPosts;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.internal.CaseRouting;
import cn.tongban.workflow.internal.ProcessBindings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts cases in the engine, lists their tasks for the staff who may handle them (department, post with A/B
 * staff), and lets staff claim, release, transfer and complete them.
 */
@Service
public class CaseWorkflow {
  static final String VAR_APPLICATION = "applicationId";
  static final String VAR_REGION = "regionCode";
  static final String VAR_NUMBER = "applicationNumber";
  static final String VAR_ITEM = "itemName";
  static final String VAR_APPLICANT = "applicantName";
  static final String VAR_PROMISED = "promisedDays";
  static final String VAR_STATUTORY = "statutoryDays";
  public static final String JOINT_OPINION = "jointOpinion_";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ApplicationEventPublisher events;
  private final StaffPosts posts;
  private final CaseClocks clocks;
  private final ProcessBindings bindings;
  private final AuditTrail audit;

  CaseWorkflow(RuntimeService runtime, TaskService tasks, ApplicationEventPublisher events, StaffPosts posts,
      CaseClocks clocks, ProcessBindings bindings, AuditTrail audit) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.events = events;
    this.posts = posts;
    this.clocks = clocks;
    this.bindings = bindings;
    this.audit = audit;
  }

  /** The candidate group of a department's staff. */
  public static String departmentGroup(String departmentCode) {
    return "dept:" + departmentCode;
  }

  /** The candidate group of a post (its primary, or its backup while the primary is absent). */
  public static String postGroup(String postCode) {
    return "post:" + postCode;
  }

  /** The groups whose tasks this staff member may handle now: the department, and the posts they handle now. */
  @Transactional(readOnly = true)
  public List<String> groupsOf(TongbanUser user) {
    if (user == null || !user.isStaff() || user.departmentCode() == null) {
      return List.of();
    }
    List<String> groups = new ArrayList<>();
    groups.add(departmentGroup(user.departmentCode()));
    posts.postsHandledBy(user.id(), DepartmentCode.of(user.departmentCode())).forEach(p -> groups.add(postGroup(p)));
    return groups;
  }

  /** Starts the item's process (an administrator's binding overrides the catalog's); returns the instance id. */
  @Transactional
  public String startCase(StartCase c) {
    var binding = bindings.of(c.itemCode().value());
    String processKey = binding.map(ProcessBindings.Binding::processKey).orElse(c.processKey());
    Map<String, Object> vars = new HashMap<>();
    vars.put("candidateGroup", departmentGroup(c.departmentCode().value()));
    vars.put(CaseRouting.VAR_DEPARTMENT, c.departmentCode().value());
    vars.put(VAR_APPLICATION, c.applicationId().toString());
    vars.put(VAR_NUMBER, c.applicationNumber());
    vars.put(VAR_ITEM, c.itemName());
    if (c.regionCode() != null) {
      vars.put(VAR_REGION, c.regionCode());
    }
    vars.put(VAR_APPLICANT, c.applicantName());
    vars.put(VAR_PROMISED, c.promisedDays());
    vars.put(VAR_STATUTORY, c.statutoryDays());
    List<String> joint = binding.map(ProcessBindings.Binding::jointDepartments).orElse(List.of());
    vars.put("jointDepartments", new ArrayList<>(joint));
    vars.put("nrOfJointDepartments", joint.size());
    return runtime.startProcessInstanceByKey(processKey, c.applicationId().toString(), vars).getId();
  }

  /** The open tasks of the user's groups that nobody has claimed, and those the user has claimed; oldest first. */
  @Transactional(readOnly = true)
  public List<CaseTask> inbox(TongbanUser user) {
    List<String> groups = groupsOf(user);
    if (groups.isEmpty()) {
      return List.of();
    }
    return tasks.createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(user.actorId()).endOr()
        .includeProcessVariables().orderByTaskCreateTime().asc().list().stream().filter(t -> inRegion(t, user))
        .map(this::view).toList();
  }

  /** Staff handle only cases of their own division or below it. */
  private static boolean inRegion(Task t, TongbanUser user) {
    return user.worksIn((String) t.getProcessVariables().get(VAR_REGION));
  }

  /** One open task, if the user may see it (their groups' task, claimed by anyone, or assigned to them). */
  @Transactional(readOnly = true)
  public Optional<CaseTask> task(String taskId, TongbanUser user) {
    return visible(taskId, user).map(this::view);
  }

  /** The open human task of a case, if it is waiting on staff (the first, when several departments review). */
  @Transactional(readOnly = true)
  public Optional<CaseTask> currentTask(UUID applicationId) {
    return openTasks(applicationId).stream().findFirst();
  }

  /** Every open human task of a case (a joint review has one per department). */
  @Transactional(readOnly = true)
  public List<CaseTask> openTasks(UUID applicationId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationId.toString()).includeProcessVariables()
        .orderByTaskCreateTime().asc().list().stream().map(this::view).toList();
  }

  /** Takes a task: from now on only this user sees and completes it. */
  @Transactional
  public void claim(String taskId, TongbanUser user) {
    Task task = visible(taskId, user).orElseThrow(CaseWorkflow::gone);
    if (task.getAssignee() != null) {
      if (task.getAssignee().equals(user.actorId())) {
        return;
      }
      throw PlatformException.conflict("TASK_CLAIMED", "该任务已由其他工作人员签收办理。");
    }
    try {
      tasks.claim(taskId, user.actorId());
    } catch (FlowableTaskAlreadyClaimedException | FlowableOptimisticLockingException e) {
      throw PlatformException.conflict("TASK_CLAIMED", "该任务已由其他工作人员签收办理。");
    }
    audit.record("task.claimed", "application", number(task), step(task).label() + "：签收");
  }

  /** Gives a claimed task back to its group. */
  @Transactional
  public void release(String taskId, TongbanUser user) {
    Task task = visible(taskId, user).orElseThrow(CaseWorkflow::gone);
    if (!user.actorId().equals(task.getAssignee())) {
      throw PlatformException.conflict("TASK_NOT_YOURS", "只能退回本人签收的任务。");
    }
    tasks.unclaim(taskId);
    audit.record("task.released", "application", number(task), step(task).label() + "：退回待办");
  }

  /** Hands a task to a colleague of the same department, with the reason (recorded). */
  @Transactional
  public void transfer(String taskId, TongbanUser user, UUID toAccountId, String reason) {
    Task task = visible(taskId, user).orElseThrow(CaseWorkflow::gone);
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > 500) {
      throw PlatformException.invalid("reason", "请填写转办理由（500字以内）");
    }
    StaffMember to = toAccountId == null ? null : posts.staff(AccountId.of(toAccountId))
        .filter(s -> s.departmentCode() != null && s.departmentCode().equals(user.departmentCode())).orElse(null);
    if (to == null || to.accountId().toString().equals(user.actorId())) {
      throw PlatformException.invalid("to", "请选择本部门的其他工作人员");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user.actorId())) {
      throw PlatformException.conflict("TASK_CLAIMED", "该任务已由其他工作人员签收办理。");
    }
    try {
      tasks.setAssignee(taskId, to.accountId().toString());
      tasks.addComment(taskId, task.getProcessInstanceId(), "转办：" + why);
    } catch (FlowableOptimisticLockingException e) {
      throw gone();
    }
    audit.record("task.transferred", "application", number(task),
        step(task).label() + "：转交 " + to.name() + "（" + to.post() + "），理由：" + why);
  }

  /**
   * Completes a task with an outcome. The step's event is published first, in this transaction, so the case's
   * status moves with the engine or not at all. When two people complete the same task, one wins and the other
   * gets a clear conflict.
   */
  @Transactional
  public void complete(String taskId, TongbanUser user, String outcome, String comment) {
    Task task = visible(taskId, user).orElseThrow(CaseWorkflow::gone);
    CaseStep step = step(task);
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
    if (task.getAssignee() != null && !task.getAssignee().equals(user.actorId())) {
      throw PlatformException.conflict("TASK_CLAIMED", "该任务已由其他工作人员签收办理。");
    }
    UUID applicationId = applicationId(task);
    Map<String, Object> vars = task.getProcessVariables();
    try {
      if (task.getAssignee() == null) {
        tasks.claim(taskId, user.actorId());
      }
      String departmentName = user.departmentName();
      events.publishEvent(new CaseStepCompleted(applicationId, step, outcome, reason, user.actorId(),
          user.displayName(), user.post(), departmentName));
      if (step == CaseStep.ACCEPT && "accept".equals(outcome)) {
        clocks.start(applicationId, (String) vars.get(VAR_NUMBER), (String) vars.get(VAR_ITEM),
            (String) vars.get(CaseRouting.VAR_DEPARTMENT), LocalDate.now(CaseClocks.CHINA),
            intVar(vars, VAR_PROMISED), intVar(vars, VAR_STATUTORY));
      }
      if (step == CaseStep.DECIDE || step == CaseStep.INSTANT) {
        clocks.stop(applicationId);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("outcome", outcome);
      if (step == CaseStep.JOINT_REVIEW) {
        String dept = (String) runtime.getVariable(task.getExecutionId(), CaseRouting.VAR_JOINT_DEPARTMENT);
        runtime.setVariable(task.getProcessInstanceId(), JOINT_OPINION + dept, outcome);
        out.remove("outcome"); // the joint opinions must not steer the lead department's gateways
      }
      tasks.complete(taskId, out);
    } catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException
        | FlowableTaskAlreadyClaimedException e) {
      throw PlatformException.conflict("TASK_GONE", "该任务已被他人办理，请刷新待办列表。");
    }
  }

  /** Starts a special procedure on the case of this task: its clock stands still (补正、听证、专家评审、现场勘查…). */
  @Transactional
  public void pauseClock(String taskId, TongbanUser user, PauseKind kind, String reason) {
    Task task = visible(taskId, user).orElseThrow(CaseWorkflow::gone);
    clocks.pause(applicationId(task), kind, reason, label(user), LocalDate.now(CaseClocks.CHINA));
  }

  /** Ends the special procedure on the case of this task: the clock continues. */
  @Transactional
  public void resumeClock(String taskId, TongbanUser user) {
    Task task = visible(taskId, user).orElseThrow(CaseWorkflow::gone);
    clocks.resume(applicationId(task), label(user), LocalDate.now(CaseClocks.CHINA));
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

  /** Ends a case's process early (withdrawal, termination), recording why; its clock stops. */
  @Transactional
  public void cancel(UUID applicationId, String reason) {
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId.toString())
        .singleResult();
    if (instance != null) {
      runtime.deleteProcessInstance(instance.getId(), reason);
    }
    clocks.stop(applicationId);
  }

  /** AB岗: while a primary is absent, the tasks they had claimed for the post go to the backup. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(PostAbsenceChanged e) {
    StaffPost post = e.post();
    if (!post.primaryAbsent() || post.backupAccountId() == null) {
      return;
    }
    for (Task t : tasks.createTaskQuery().taskCandidateGroup(postGroup(post.code())).ignoreAssigneeValue()
        .taskAssignee(post.primaryAccountId().toString()).list()) {
      tasks.setAssignee(t.getId(), post.backupAccountId().toString());
      tasks.addComment(t.getId(), t.getProcessInstanceId(), "A岗不在岗，转由B岗办理：" + post.absenceReason());
    }
  }

  private Optional<Task> visible(String taskId, TongbanUser user) {
    List<String> groups = groupsOf(user);
    if (groups.isEmpty() || taskId == null) {
      return Optional.empty();
    }
    Task t = tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(groups).ignoreAssigneeValue()
        .includeProcessVariables().singleResult();
    if (t == null) {
      t = tasks.createTaskQuery().taskId(taskId).taskAssignee(user.actorId()).includeProcessVariables().singleResult();
    }
    return Optional.ofNullable(t).filter(task -> inRegion(task, user));
  }

  private static PlatformException gone() {
    return PlatformException.conflict("TASK_GONE", "该任务不存在或已被他人办理，请刷新待办列表。");
  }

  private static String label(TongbanUser user) {
    return user.departmentName() + " · " + user.post();
  }

  private static int intVar(Map<String, Object> vars, String name) {
    Object v = vars.get(name);
    return v == null ? 0 : ((Number) v).intValue();
  }

  private static CaseStep step(Task task) {
    return CaseStep.ofTaskKey(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("unknown step " + task.getTaskDefinitionKey()));
  }

  private static String number(Task task) {
    return (String) task.getProcessVariables().get(VAR_NUMBER);
  }

  private static UUID applicationId(Task task) {
    return UUID.fromString((String) task.getProcessVariables().get(VAR_APPLICATION));
  }

  private CaseTask view(Task t) {
    Map<String, Object> v = t.getProcessVariables();
    String department = (String) v.get(CaseRouting.VAR_DEPARTMENT);
    String post = null;
    for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
      String g = link.getGroupId();
      if (g != null && g.startsWith("post:")) {
        Optional<StaffPost> p = posts.post(g.substring(5));
        if (p.isPresent()) {
          post = p.get().name();
          department = p.get().departmentCode();
        }
      } else if (g != null && g.startsWith("dept:")) {
        department = g.substring(5);
      }
    }
    CaseStep step = CaseStep.ofTaskKey(t.getTaskDefinitionKey()).orElse(null);
    if (post == null) {
      post = (step == null ? t.getName() : step.label()) + "岗";
    }
    String assigneeName = t.getAssignee() == null ? null : posts.staff(AccountId.of(UUID.fromString(t.getAssignee())))
        .map(StaffMember::name).orElse(null);
    return new CaseTask(t.getId(), applicationId(t), (String) v.get(VAR_NUMBER), (String) v.get(VAR_ITEM),
        (String) v.get(VAR_APPLICANT), step, t.getAssignee(), t.getCreateTime().toInstant(), department, post,
        assigneeName);
  }
}
