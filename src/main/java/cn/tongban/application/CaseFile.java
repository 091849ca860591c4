package cn.tongban.application;

import cn.tongban.catalog.ServiceItem;
import cn.tongban.workflow.CaseDeadlines;
import cn.tongban.workflow.CaseStep;
import cn.tongban.workflow.CaseTask;
import java.util.List;
import java.util.Optional;

/** Everything a page shows about one case, including its open tasks and its clock (once accepted). */
public record CaseFile(Application application, ServiceItem item, List<TimelineEntry> timeline,
    List<StoredMaterial> materials, List<CaseTask> openTasks, Optional<CaseDeadlines> deadlines, Delivery delivery) {

  public Optional<CaseTask> currentTask() {
    return openTasks.stream().findFirst();
  }

  /** Where the case is now and which post has it, in words an applicant understands (never a person's name). */
  public String currentStep() {
    if (openTasks.isEmpty()) {
      return application.status().label();
    }
    CaseTask t = openTasks.get(0);
    if (t.step() == CaseStep.JOINT_REVIEW) {
      return "联审（" + openTasks.size() + "个部门并行审查中）";
    }
    return t.step().label() + "（" + application.departmentName() + " · " + t.handlerPost() + "）";
  }
}
