package cn.tongban.workflow;

import java.time.LocalDate;
import java.util.UUID;

/** A case's clock turned yellow (WARNING) or red (OVERDUE); published once per case and kind, across all nodes. */
public record CaseDeadlineAlert(UUID applicationId, String applicationNumber, CaseDeadlines.State kind,
    LocalDate promisedDue, int remainingWorkingDays) {}
