package cn.tongban.workflow.internal;

import cn.tongban.identity.DepartmentCode;
import cn.tongban.identity.StaffPosts;
import cn.tongban.workflow.CaseWorkflow;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Where a new task goes ({@code flowable:candidateGroups="${routing.groups(execution)}"}): to the post of the
 * department that has the step as a duty (AB岗: its primary, or its backup while the primary is absent), otherwise
 * to the whole department. In a joint review each instance goes to its own department.
 */
@Component("routing")
public class CaseRouting {
  public static final String VAR_DEPARTMENT = "departmentCode";
  public static final String VAR_JOINT_DEPARTMENT = "jointDepartment";

  private final StaffPosts posts;

  CaseRouting(StaffPosts posts) {
    this.posts = posts;
  }

  public String groups(DelegateExecution execution) {
    Object joint = execution.getVariable(VAR_JOINT_DEPARTMENT);
    String department = joint != null ? (String) joint : (String) execution.getVariable(VAR_DEPARTMENT);
    String duty = execution.getCurrentActivityId();
    return posts.postFor(DepartmentCode.of(department), duty).map(p -> CaseWorkflow.postGroup(p.code()))
        .orElse(CaseWorkflow.departmentGroup(department));
  }
}
