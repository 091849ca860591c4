package cn.tongban.workflow;

import java.util.UUID;

/** What the engine needs to run a case. */
public record StartCase(UUID applicationId, String applicationNumber, String itemName, String applicantName,
    String processKey, String departmentCode) {}
