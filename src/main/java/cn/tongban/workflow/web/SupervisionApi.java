package cn.tongban.workflow.web;

import cn.tongban.workflow.CaseClocks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The supervisor's (督办) read-only list of cases past their promised deadline, as a page and over the API. */
@Controller
@Tag(name = "督办", description = "超期办件（督办人员，只读）")
class SupervisionApi {
  private final CaseClocks clocks;

  SupervisionApi(CaseClocks clocks) {
    this.clocks = clocks;
  }

  @GetMapping("/api/v1/supervision/overdue")
  @ResponseBody
  @Operation(summary = "超期办件（红灯）", description = "已超过承诺期限、尚未作出决定的办件，超期最多的在前。")
  List<CaseClocks.OverdueCase> overdue() {
    return clocks.overdue(LocalDate.now(CaseClocks.CHINA));
  }

  @GetMapping("/supervision/overdue")
  String page(Model model) {
    model.addAttribute("cases", clocks.overdue(LocalDate.now(CaseClocks.CHINA)));
    return "workflow/overdue";
  }
}
