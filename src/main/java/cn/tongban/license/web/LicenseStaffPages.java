package cn.tongban.license.web;

import cn.tongban.identity.TongbanUser;
import cn.tongban.license.internal.LegacyImport;
import cn.tongban.license.internal.LicenseLifecycle;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The issuing department's license pages: legacy import with live progress, revocation and annual check. */
@Controller
class LicenseStaffPages {
  private final LegacyImport imports;
  private final LicenseLifecycle lifecycle;

  LicenseStaffPages(LegacyImport imports, LicenseLifecycle lifecycle) {
    this.imports = imports;
    this.lifecycle = lifecycle;
  }

  @GetMapping("/staff/licenses")
  String index(@AuthenticationPrincipal TongbanUser user, Model model) {
    model.addAttribute("jobs", imports.jobsOf(user.departmentCode()));
    return "license/staff";
  }

  @PostMapping("/staff/licenses/imports")
  String startImport(@AuthenticationPrincipal TongbanUser user,
      @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("flashError", "请选择要导入的 CSV 文件。");
      return "redirect:/staff/licenses";
    }
    try {
      LegacyImport.Job job = imports.start(user, file.getOriginalFilename(),
          new String(file.getBytes(), StandardCharsets.UTF_8));
      imports.runInBackground(job.id());
      return "redirect:/staff/licenses/imports/" + job.id();
    } catch (PlatformException e) {
      redirect.addFlashAttribute("flashError", message(e));
      return "redirect:/staff/licenses";
    }
  }

  /** The import's progress; htmx polls the progress fragment while it runs. */
  @GetMapping("/staff/licenses/imports/{id}")
  String job(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id, Model model,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    LegacyImport.Job job = imports.job(id).filter(j -> j.departmentCode().equals(user.departmentCode()))
        .orElseThrow(() -> PlatformException.notFound("导入任务"));
    model.addAttribute("job", job);
    model.addAttribute("rejections", imports.rejections(id));
    return htmx != null ? "license/import :: progress" : "license/import";
  }

  @PostMapping("/staff/licenses/revocation")
  String revoke(@AuthenticationPrincipal TongbanUser user, @RequestParam("identifier") String identifier,
      @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
    try {
      lifecycle.revoke(user, identifier.trim(), reason);
      redirect.addFlashAttribute("flash", "已注销证照 " + identifier.trim() + "。");
    } catch (PlatformException e) {
      redirect.addFlashAttribute("flashError", message(e));
    }
    return "redirect:/staff/licenses";
  }

  @PostMapping("/staff/licenses/annual-check")
  String annualCheck(@AuthenticationPrincipal TongbanUser user, @RequestParam("identifier") String identifier,
      RedirectAttributes redirect) {
    try {
      lifecycle.recordAnnualCheck(user, identifier.trim());
      redirect.addFlashAttribute("flash", "已登记年检：" + identifier.trim() + "。");
    } catch (PlatformException e) {
      redirect.addFlashAttribute("flashError", message(e));
    }
    return "redirect:/staff/licenses";
  }

  private static String message(PlatformException e) {
    return e.fieldProblems().isEmpty() ? e.getMessage()
        : e.fieldProblems().stream().map(FieldProblem::message).collect(Collectors.joining("；"));
  }
}
