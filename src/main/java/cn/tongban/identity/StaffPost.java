package cn.tongban.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post (岗位) of a department with its primary (A岗) and backup (B岗) staff. While the primary is absent, the
 * backup handles the post's work; with no backup, anyone of the department may.
 */
public record StaffPost(String code, String departmentCode, String name, List<String> duties, UUID primaryAccountId,
    String primaryName, UUID backupAccountId, String backupName, boolean primaryAbsent, String absenceReason,
    Instant absentSince) {

  /** Who handles the post's work now: the primary, or the backup while the primary is absent (null: anyone). */
  public UUID currentHandler() {
    return primaryAbsent ? backupAccountId : primaryAccountId;
  }
}
