package cn.tongban.application;

import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseTask;
import cn.tongban.workflow.CaseWorkflow;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff desk: the department's task inbox and the handling of one case's step. */
@Controller
class StaffPages {
  private final CaseWorkflow workflow;
  private final CaseFiles files;
  private final MaterialStorage storage;

  StaffPages(CaseWorkflow workflow, CaseFiles files, MaterialStorage storage) {
    this.workflow = workflow;
    this.files = files;
    this.storage = storage;
  }

  static List<String> groups(TongbanUser user) {
    return user.departmentCode() == null ? List.of() : List.of(CaseWorkflow.departmentGroup(user.departmentCode()));
  }

  @GetMapping("/staff/tasks")
  String inbox(@AuthenticationPrincipal TongbanUser user, Model model) {
    model.addAttribute("tasks", workflow.inbox(groups(user)));
    return "staff/inbox";
  }

  @GetMapping("/staff/tasks/{taskId}")
  String task(@PathVariable String taskId, @AuthenticationPrincipal TongbanUser user, Model model) {
    show(taskId, user, model);
    model.addAttribute("errors", Map.of());
    return "staff/task";
  }

  @PostMapping("/staff/tasks/{taskId}")
  String complete(@PathVariable String taskId, @AuthenticationPrincipal TongbanUser user,
      @RequestParam(name = "outcome", required = false) String outcome,
      @RequestParam(name = "comment", required = false) String comment, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      workflow.complete(taskId, groups(user), user.actorId(), user.displayName(), user.post(),
          outcome == null ? "" : outcome, comment);
    } catch (PlatformException e) {
      if (e.fieldProblems().isEmpty()) {
        redirect.addFlashAttribute("message", e.getMessage());
        return "redirect:/staff/tasks";
      }
      show(taskId, user, model);
      model.addAttribute("errors", ApplicantPages.errorMap(e));
      model.addAttribute("formError", e.getMessage());
      model.addAttribute("comment", comment);
      response.setStatus(e.status().value());
      return "staff/task";
    }
    redirect.addFlashAttribute("message", "已办理完成。");
    return "redirect:/staff/tasks";
  }

  @GetMapping("/staff/applications/{id}/materials/{materialId}")
  ResponseEntity<InputStreamResource> material(@PathVariable UUID id, @PathVariable UUID materialId,
      @AuthenticationPrincipal TongbanUser user) throws IOException {
    CaseFile file = files.forDepartment(id, user.departmentCode()).orElseThrow(() -> PlatformException.notFound("材料"));
    return ApplicantPages.download(files.material(file, materialId)
        .orElseThrow(() -> PlatformException.notFound("材料")), storage);
  }

  private void show(String taskId, TongbanUser user, Model model) {
    CaseTask task = workflow.task(taskId, groups(user)).orElseThrow(() -> PlatformException.notFound("任务"));
    model.addAttribute("task", task);
    model.addAttribute("file", files.forDepartment(task.applicationId(), user.departmentCode())
        .orElseThrow(() -> PlatformException.notFound("办件")));
  }
}
