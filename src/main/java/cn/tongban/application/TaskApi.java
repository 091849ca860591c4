package cn.tongban.application;

import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseTask;
import cn.tongban.workflow.CaseWorkflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staff inbox over the API. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "待办任务", description = "工作人员的受理、审查、决定")
class TaskApi {
  private final CaseWorkflow workflow;
  private final CaseFiles files;

  private final ApplicationIntake intake;

  TaskApi(CaseWorkflow workflow, CaseFiles files, ApplicationIntake intake) {
    this.workflow = workflow;
    this.files = files;
    this.intake = intake;
  }

  record Completion(String outcome, String comment) {}

  record Mailing(String trackingNumber) {}

  @PostMapping("/cases/{applicationId}/mailing")
  @Operation(summary = "登记结果邮寄的快递单号", description = "仅适用于申请人选择邮寄送达的本部门办件。")
  ResponseEntity<Void> mailing(@AuthenticationPrincipal TongbanUser user, @PathVariable java.util.UUID applicationId,
      @RequestBody Mailing body) {
    intake.recordTrackingNumber(applicationId, user.departmentCode(), body.trackingNumber());
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  @Operation(summary = "本部门待办任务")
  List<CaseTask> inbox(@AuthenticationPrincipal TongbanUser user) {
    return workflow.inbox(StaffPages.groups(user));
  }

  @GetMapping("/{taskId}")
  @Operation(summary = "任务及其办件详情")
  ApplicationApi.Detail task(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId) {
    CaseTask task = workflow.task(taskId, StaffPages.groups(user)).orElseThrow(() -> PlatformException.notFound("任务"));
    return ApplicationApi.Detail.of(files.forDepartment(task.applicationId(), user.departmentCode())
        .orElseThrow(() -> PlatformException.notFound("办件")));
  }

  @PostMapping("/{taskId}/completion")
  @Operation(summary = "办理任务", description = "受理：accept / supplement / reject；审查：agree / disagree；决定：approve / deny。补正、不予受理、不予许可须填写理由。两人同时办理同一任务时，后提交者得到 409。")
  ResponseEntity<Void> complete(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId,
      @RequestBody Completion body) {
    workflow.complete(taskId, StaffPages.groups(user), user.actorId(), user.displayName(), user.post(),
        body.outcome() == null ? "" : body.outcome(), body.comment());
    return ResponseEntity.noContent().build();
  }
}
