package cn.tongban.application.web;

import cn.tongban.application.internal.CaseFile;
import cn.tongban.application.internal.CaseFiles;
import cn.tongban.application.internal.CaseTermination;
import cn.tongban.application.internal.Corrections;
import cn.tongban.identity.DepartmentCode;
import cn.tongban.identity.StaffPosts;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.storage.MaterialStorage;
import cn.tongban.workflow.CaseClocks;
import cn.tongban.workflow.CaseDeadlines;
import cn.tongban.workflow.CaseStep;
import cn.tongban.workflow.CaseTask;
import cn.tongban.workflow.CaseWorkflow;
import cn.tongban.workflow.PauseKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private final StaffPosts posts;
  private final CaseTermination termination;
  private final CaseClocks clocks;
  private final Corrections corrections;

  StaffPages(CaseWorkflow workflow, CaseFiles files, MaterialStorage storage, StaffPosts posts,
      CaseTermination termination, CaseClocks clocks, Corrections corrections) {
    this.corrections = corrections;
    this.clocks = clocks;
    this.workflow = workflow;
    this.files = files;
    this.storage = storage;
    this.posts = posts;
    this.termination = termination;
  }

  @GetMapping("/staff/tasks")
  String inbox(@AuthenticationPrincipal TongbanUser user, Model model) {
    List<CaseTask> tasks = workflow.inbox(user);
    Map<UUID, CaseDeadlines> deadlines = new HashMap<>();
    for (CaseTask t : tasks) {
      clocks.deadlines(t.applicationId()).ifPresent(d -> deadlines.put(t.applicationId(), d));
    }
    model.addAttribute("tasks", tasks);
    model.addAttribute("deadlines", deadlines);
    return "staff/inbox";
  }

  @GetMapping("/staff/tasks/{taskId}")
  String task(@PathVariable String taskId, @AuthenticationPrincipal TongbanUser user, Model model) {
    show(taskId, user, model);
    model.addAttribute("errors", Map.of());
    model.addAttribute("marked", Map.of());
    return "staff/task";
  }

  private static final Pattern MARK_PROBLEM =
      Pattern.compile("deficiencies\\[(\\d+)]\\.(?:target|reason)");

  @PostMapping("/staff/tasks/{taskId}")
  String complete(@PathVariable String taskId, @AuthenticationPrincipal TongbanUser user,
      @RequestParam(name = "outcome", required = false) String outcome,
      @RequestParam(name = "comment", required = false) String comment,
      @RequestParam(name = "deficient", required = false) List<String> deficient,
      HttpServletRequest request, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    // 补正 at intake: every ticked material or field with its reason, told in one notice (as the API's deficiencies)
    List<Corrections.Mark> marks = new ArrayList<>();
    Map<String, String> marked = new LinkedHashMap<>();
    for (String target : deficient == null ? List.<String>of() : deficient) {
      String reason = request.getParameter("reason." + target);
      marks.add(new Corrections.Mark(target, reason));
      marked.put(target, reason == null ? "" : reason);
    }
    boolean atIntake = workflow.task(taskId, user).map(t -> t.step() == CaseStep.ACCEPT).orElse(false);
    try {
      if ("supplement".equals(outcome) && atIntake) {
        corrections.requestCorrection(taskId, user, marks, comment);
      } else {
        workflow.complete(taskId, user, outcome == null ? "" : outcome, comment);
      }
    } catch (PlatformException e) {
      if (e.fieldProblems().isEmpty()) {
        redirect.addFlashAttribute("message", e.getMessage());
        return "redirect:/staff/tasks";
      }
      show(taskId, user, model);
      Map<String, String> errors = new LinkedHashMap<>();
      ApplicantPages.errorMap(e).forEach((field, message) -> {
        Matcher m = MARK_PROBLEM.matcher(field);
        errors.put(m.matches() && Integer.parseInt(m.group(1)) < marks.size()
            ? "reason." + marks.get(Integer.parseInt(m.group(1))).target() : field, message);
      });
      model.addAttribute("errors", errors);
      model.addAttribute("marked", marked);
      model.addAttribute("formError", e.getMessage());
      model.addAttribute("comment", comment);
      response.setStatus(e.status().value());
      return "staff/task";
    }
    redirect.addFlashAttribute("message", "已办理完成。");
    return "redirect:/staff/tasks";
  }

  /** Claim, release, transfer, pause or resume the clock: each returns to the task with a message. */
  @PostMapping("/staff/tasks/{taskId}/{action:claim|release|transfer|pause|resume|terminate}")
  String handle(@PathVariable String taskId, @PathVariable String action, @AuthenticationPrincipal TongbanUser user,
      @RequestParam(name = "to", required = false) UUID to, @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "kind", required = false) PauseKind kind, RedirectAttributes redirect) {
    String done;
    try {
      switch (action) {
        case "claim" -> workflow.claim(taskId, user);
        case "release" -> workflow.release(taskId, user);
        case "transfer" -> workflow.transfer(taskId, user, to, reason);
        case "pause" -> workflow.pauseClock(taskId, user, kind, reason);
        case "terminate" -> termination.terminate(taskId, user, reason);
        default -> workflow.resumeClock(taskId, user);
      }
      done = switch (action) {
        case "claim" -> "已签收。";
        case "release" -> "已退回待办。";
        case "transfer" -> "已转办。";
        case "pause" -> "已进入特别程序，计时暂停。";
        case "terminate" -> "已终止办理。";
        default -> "特别程序已结束，恢复计时。";
      };
    } catch (PlatformException e) {
      redirect.addFlashAttribute("message", e.fieldProblems().isEmpty() ? e.getMessage()
          : e.fieldProblems().get(0).message());
      return "transfer".equals(action) || "release".equals(action) ? "redirect:/staff/tasks"
          : "redirect:/staff/tasks/" + taskId;
    }
    redirect.addFlashAttribute("message", done);
    return "transfer".equals(action) || "release".equals(action) || "terminate".equals(action)
        ? "redirect:/staff/tasks" : "redirect:/staff/tasks/" + taskId;
  }

  @GetMapping("/staff/applications/{id}/materials/{materialId}")
  ResponseEntity<InputStreamResource> material(@PathVariable UUID id, @PathVariable UUID materialId,
      @AuthenticationPrincipal TongbanUser user) throws IOException {
    CaseFile file = files.forStaff(id, user).orElseThrow(() -> PlatformException.notFound("材料"));
    return ApplicantPages.download(files.material(file, materialId)
        .orElseThrow(() -> PlatformException.notFound("材料")), storage);
  }

  private void show(String taskId, TongbanUser user, Model model) {
    CaseTask task = workflow.task(taskId, user).orElseThrow(() -> PlatformException.notFound("任务"));
    model.addAttribute("colleagues", posts.staffOf(DepartmentCode.of(user.departmentCode())).stream()
        .filter(s -> !s.accountId().equals(user.accountId())).toList());
    model.addAttribute("pauseKinds", PauseKind.values());
    model.addAttribute("task", task);
    CaseFile file = files.forStaff(task.applicationId(), user)
        .orElseThrow(() -> PlatformException.notFound("办件"));
    model.addAttribute("file", file);
    Map<String, String> targets = new LinkedHashMap<>();
    for (var m : file.item().uploadMaterials()) {
      targets.put("materials." + m.code(), "材料：" + m.name());
    }
    for (var f : file.item().form().fields()) {
      targets.put(f.name(), "填写内容：" + f.label());
    }
    model.addAttribute("markTargets", targets);
  }
}
