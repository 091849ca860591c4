package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.application.TimelineEntry;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.workflow.CaseDeadlines;
import cn.tongban.workflow.CaseStep;
import cn.tongban.workflow.CaseTask;
import java.util.List;
import java.util.Optional;

/** Everything a page shows about one case, including its open tasks and its clock (once accepted). */
public record CaseFile(Application application, ServiceItem item, List<TimelineEntry> timeline,
    List<StoredMaterial> materials, List<CaseTask> openTasks, Optional<CaseDeadlines> deadlines, Delivery delivery,
    List<Commitment> commitments, List<Deficiency> deficiencies) {

  /** A 免提交 material of the case and the source that satisfied it (the e-license or the shared record). */
  public record ByReference(String code, String name, String source) {}

  /** The 免提交 materials that apply to this case, each satisfied by reference, never asked of the applicant. */
  public List<ByReference> byReference() {
    return item.guide().materialsFor(application.formData()).stream().filter(m -> m.exemptFromSubmission())
        .map(m -> new ByReference(m.code(), m.name(), m.sourceLabel())).toList();
  }

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
