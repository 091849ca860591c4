package cn.tongban.region.web;

import cn.tongban.region.Division;
import cn.tongban.region.Divisions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Divisions for address pickers: JSON for the API channels, option lists for the portal's htmx cascades. */
@Controller
@Tag(name = "行政区划", description = "省、市、县、乡镇（街道）区划代码")
class DivisionApi {
  private final Divisions divisions;

  DivisionApi(Divisions divisions) {
    this.divisions = divisions;
  }

  @GetMapping("/api/v1/divisions")
  @ResponseBody
  @Operation(summary = "下级行政区划", description = "不带 parent 返回省级；带 parent 返回其直接下级。")
  List<Division> children(@RequestParam(name = "parent", required = false) String parent) {
    return divisions.children(parent);
  }

  /** {@code <option>}s of the divisions under {@code parent}, for a cascading select. */
  @GetMapping("/divisions/options")
  String options(@RequestParam(name = "parent", required = false) String parent, Model model) {
    model.addAttribute("options", divisions.children(parent));
    return "region/options :: options";
  }
}
