package cn.tongban.application;

import cn.tongban.catalog.ServiceItem;
import cn.tongban.workflow.CaseTask;
import java.util.List;
import java.util.Optional;

/** Everything a page shows about one case. */
public record CaseFile(Application application, ServiceItem item, List<TimelineEntry> timeline,
    List<StoredMaterial> materials, Optional<CaseTask> currentTask, Delivery delivery) {

  /** Where the case is now, in words an applicant understands. */
  public String currentStep() {
    return currentTask.map(t -> t.step().label() + "（" + application.departmentName() + "）")
        .orElse(application.status().label());
  }
}
