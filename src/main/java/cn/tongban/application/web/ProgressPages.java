package cn.tongban.application.web;

import cn.tongban.application.internal.CaseFiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public progress: anyone with the application number and the query code, without signing in. */
@Controller
class ProgressPages {
  private final CaseFiles files;

  ProgressPages(CaseFiles files) {
    this.files = files;
  }

  @GetMapping("/progress")
  String progress(@RequestParam(name = "number", required = false) String number,
      @RequestParam(name = "queryCode", required = false) String queryCode, Model model) {
    model.addAttribute("number", number);
    model.addAttribute("queryCode", queryCode);
    if (number != null && queryCode != null) {
      model.addAttribute("searched", true);
      files.byNumberAndQueryCode(number, queryCode).ifPresent(f -> model.addAttribute("file", f));
    }
    return "application/progress";
  }

  /** The same query by POST (the form's way), so the query code stays out of the address bar, logs and Referer. */
  @org.springframework.web.bind.annotation.PostMapping("/progress")
  String progressByPost(@RequestParam(name = "number", required = false) String number,
      @RequestParam(name = "queryCode", required = false) String queryCode, Model model) {
    return progress(number == null ? "" : number.trim(), queryCode == null ? "" : queryCode.trim(), model);
  }
}
