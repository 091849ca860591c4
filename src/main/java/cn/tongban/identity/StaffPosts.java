package cn.tongban.identity;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.internal.Posts;
import cn.tongban.platform.web.PlatformException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts with A/B staff (AB岗): which post of a department handles a duty, who handles it now, and marking a
 * primary absent or back. Public API of identity for the workflow's routing.
 */
@Service
public class StaffPosts {
  private final Posts posts;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  StaffPosts(Posts posts, AuditTrail audit, ApplicationEventPublisher events) {
    this.posts = posts;
    this.audit = audit;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<StaffPost> all() {
    return posts.all();
  }

  @Transactional(readOnly = true)
  public Optional<StaffPost> post(String code) {
    return posts.byCode(code);
  }

  /** The post of the department that handles this duty (a process step's task key), if one is set up. */
  @Transactional(readOnly = true)
  public Optional<StaffPost> postFor(DepartmentCode departmentCode, String duty) {
    return departmentCode == null ? Optional.empty() : posts.forDuty(departmentCode.value(), duty);
  }

  /** The codes of the posts whose work this staff member handles now (as primary, or as backup of an absent one). */
  @Transactional(readOnly = true)
  public List<String> postsHandledBy(AccountId accountId, DepartmentCode departmentCode) {
    if (departmentCode == null) {
      return List.of();
    }
    return posts.ofDepartment(departmentCode.value()).stream()
        .filter(p -> p.currentHandler() == null || p.currentHandler().equals(accountId.value()))
        .map(StaffPost::code).toList();
  }

  /** The enabled staff of a department (e.g. to transfer a task to). */
  @Transactional(readOnly = true)
  public List<StaffMember> staffOf(DepartmentCode departmentCode) {
    return departmentCode == null ? List.of() : posts.staffOf(departmentCode.value());
  }

  @Transactional(readOnly = true)
  public Optional<StaffMember> staff(AccountId accountId) {
    return posts.staff(accountId.value());
  }

  /** Marks the post's primary absent (the backup takes over new and pending work) or present again. */
  @Transactional
  public StaffPost setPrimaryAbsent(String code, boolean absent, String reason) {
    StaffPost before = posts.byCodeForUpdate(code).orElseThrow(() -> PlatformException.notFound("岗位"));
    String why = reason == null ? "" : reason.trim();
    if (absent && why.isEmpty()) {
      throw PlatformException.invalid("reason", "请填写A岗不在岗的原因（如请假、出差）");
    }
    if (why.length() > 200) {
      throw PlatformException.invalid("reason", "原因不能超过200字");
    }
    if (before.primaryAbsent() == absent) {
      return before;
    }
    posts.setAbsence(code, absent, why);
    StaffPost after = posts.byCode(code).orElseThrow();
    audit.record(absent ? "post.primary-absent" : "post.primary-present", "post", code,
        before.name() + "：A岗 " + before.primaryName() + (absent ? " 不在岗（" + why + "），由B岗 "
            + (before.backupName() == null ? "本部门人员" : before.backupName()) + " 办理" : " 返岗"));
    events.publishEvent(new PostAbsenceChanged(after));
    return after;
  }

  /** Sets up a post once (administration and the demo data). */
  @Transactional
  public void definePost(String code, String departmentCode, String name, List<String> duties, String primaryUsername,
      String backupUsername) {
    UUID primary = posts.idOf(primaryUsername).orElseThrow(() -> PlatformException.invalid("primary", "A岗人员不存在"));
    UUID backup = backupUsername == null ? null
        : posts.idOf(backupUsername).orElseThrow(() -> PlatformException.invalid("backup", "B岗人员不存在"));
    posts.insertIfAbsent(code, departmentCode, name, duties, primary, backup);
  }
}
