package cn.tongban.workflow;

import cn.tongban.catalog.ItemCode;
import cn.tongban.identity.DepartmentCode;
import java.util.UUID;

/**
 * What the engine needs to run a case: the item's process, department and implementing division
 * ({@code regionCode}: only staff of that division or above handle it), and its time limits in working days.
 */
public record StartCase(UUID applicationId, String applicationNumber, ItemCode itemCode, String itemName,
    String applicantName, String processKey, DepartmentCode departmentCode, int promisedDays, int statutoryDays,
    String regionCode) {

  public StartCase(UUID applicationId, String applicationNumber, ItemCode itemCode, String itemName,
      String applicantName, String processKey, DepartmentCode departmentCode, int promisedDays, int statutoryDays) {
    this(applicationId, applicationNumber, itemCode, itemName, applicantName, processKey, departmentCode,
        promisedDays, statutoryDays, null);
  }
}
