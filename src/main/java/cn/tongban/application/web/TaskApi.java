package cn.tongban.application.web;

import cn.tongban.application.ApplicationId;
import cn.tongban.application.ApplicationIntake;
import cn.tongban.application.internal.CaseFiles;
import cn.tongban.application.internal.CaseTermination;
import cn.tongban.application.internal.CommitmentChecks;
import cn.tongban.application.internal.Corrections;
import cn.tongban.identity.DepartmentCode;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseTask;
import cn.tongban.workflow.CaseWorkflow;
import cn.tongban.workflow.PauseKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
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
  private final CaseTermination termination;

  private final ApplicationIntake intake;

  private final Corrections corrections;
  private final CommitmentChecks checks;

  TaskApi(CaseWorkflow workflow, CaseFiles files, ApplicationIntake intake, CaseTermination termination,
      Corrections corrections, CommitmentChecks checks) {
    this.corrections = corrections;
    this.checks = checks;
    this.workflow = workflow;
    this.files = files;
    this.intake = intake;
    this.termination = termination;
  }

  record Termination(String reason) {}

  @PostMapping("/{taskId}/termination")
  @Operation(summary = "终止办理", description = "作出决定前终止办件（须填写理由），流程结束，计时停止，并通知申请人。")
  ResponseEntity<Void> terminate(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId,
      @RequestBody Termination body) {
    termination.terminate(taskId, user, body.reason());
    return ResponseEntity.noContent().build();
  }

  /** {@code deficiencies}: for outcome supplement, every deficient material ({@code materials.<code>}) or field. */
  record Completion(String outcome, String comment, List<Corrections.Mark> deficiencies) {}

  record Mailing(String trackingNumber) {}

  @PostMapping("/cases/{applicationId}/mailing")
  @Operation(summary = "登记结果邮寄的快递单号", description = "仅适用于申请人选择邮寄送达的本部门办件。")
  ResponseEntity<Void> mailing(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID applicationId,
      @RequestBody Mailing body) {
    intake.recordTrackingNumber(ApplicationId.of(applicationId), DepartmentCode.of(user.departmentCode()), body.trackingNumber());
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  @Operation(summary = "本部门待办任务")
  List<CaseTask> inbox(@AuthenticationPrincipal TongbanUser user) {
    return workflow.inbox(user);
  }

  @GetMapping("/{taskId}")
  @Operation(summary = "任务及其办件详情")
  ApplicationApi.Detail task(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId) {
    CaseTask task = workflow.task(taskId, user).orElseThrow(() -> PlatformException.notFound("任务"));
    return ApplicationApi.Detail.of(files.forStaff(task.applicationId(), user)
        .orElseThrow(() -> PlatformException.notFound("办件")));
  }

  @PostMapping("/{taskId}/completion")
  @Operation(summary = "办理任务", description = "受理：accept / supplement（可附 deficiencies：[{target：字段名或 materials.<材料编码>, reason}]，逐项标明，一次告知）/ reject；审查：agree / disagree；决定：approve / deny。补正、不予受理、不予许可须填写理由。两人同时办理同一任务时，后提交者得到 409。")
  ResponseEntity<Void> complete(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId,
      @RequestBody Completion body) {
    if ("supplement".equals(body.outcome()) && body.deficiencies() != null) {
      corrections.requestCorrection(taskId, user, body.deficiencies(), body.comment());
    } else {
      workflow.complete(taskId, user, body.outcome() == null ? "" : body.outcome(), body.comment());
    }
    return ResponseEntity.noContent().build();
  }

  record CommitmentCheck(boolean fulfilled, String note) {}

  @PostMapping("/cases/{applicationId}/commitments/{commitmentId}/check")
  @Operation(summary = "核查承诺", description = "容缺受理：是否已按期补交；告知承诺：承诺是否属实。fulfilled=false 须填写说明。")
  ResponseEntity<Void> checkCommitment(@AuthenticationPrincipal TongbanUser user,
      @PathVariable UUID applicationId, @PathVariable UUID commitmentId,
      @RequestBody CommitmentCheck body) {
    checks.check(applicationId, commitmentId, user, body.fulfilled(), body.note());
    return ResponseEntity.noContent().build();
  }

  record Transfer(UUID to, String reason) {}

  record Pause(PauseKind kind, String reason) {}

  @PostMapping("/{taskId}/claim")
  @Operation(summary = "签收任务", description = "签收后只有本人可见、可办理；已被他人签收时得到 409。")
  ResponseEntity<Void> claim(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId) {
    workflow.claim(taskId, user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/release")
  @Operation(summary = "退回待办", description = "把本人签收的任务退回本岗位/部门的待办。")
  ResponseEntity<Void> release(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId) {
    workflow.release(taskId, user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/transfer")
  @Operation(summary = "转办", description = "转交本部门其他工作人员，须填写理由。")
  ResponseEntity<Void> transfer(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId,
      @RequestBody Transfer body) {
    workflow.transfer(taskId, user, body.to(), body.reason());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/clock/pause")
  @Operation(summary = "特别程序：暂停计时", description = "补正、听证、专家评审、现场勘查、检验检测等期间不计入办理时限。")
  ResponseEntity<Void> pause(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId,
      @RequestBody Pause body) {
    workflow.pauseClock(taskId, user, body.kind(), body.reason());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/clock/resume")
  @Operation(summary = "特别程序结束：恢复计时")
  ResponseEntity<Void> resume(@AuthenticationPrincipal TongbanUser user, @PathVariable String taskId) {
    workflow.resumeClock(taskId, user);
    return ResponseEntity.noContent().build();
  }
}
