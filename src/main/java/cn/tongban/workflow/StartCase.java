package cn.tongban.workflow;

import java.util.UUID;

/** What the engine needs to run a case: the item's process and department, and its time limits in working days. */
public record StartCase(UUID applicationId, String applicationNumber, String itemCode, String itemName,
    String applicantName, String processKey, String departmentCode, int promisedDays, int statutoryDays) {}
