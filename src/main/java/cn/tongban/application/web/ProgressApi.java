package cn.tongban.application.web;

import cn.tongban.application.internal.CaseFile;
import cn.tongban.application.internal.CaseFiles;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseDeadlines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public progress over the API: number plus query code, no login. */
@RestController
@RequestMapping("/api/v1/progress")
@Tag(name = "办件查询", description = "凭办件编号和查询码查询进度（无需登录）")
class ProgressApi {
  private final CaseFiles files;

  ProgressApi(CaseFiles files) {
    this.files = files;
  }

  record Step(Instant at, String statusLabel, String by) {}

  record Progress(String number, String itemName, String status, String statusLabel, String result,
      String currentStep, int promisedDays, int statutoryDays, CaseDeadlines deadlines, List<Step> timeline) {}

  record Query(String number, String queryCode) {}

  @org.springframework.web.bind.annotation.PostMapping
  @Operation(summary = "办件进度（查询码放在请求体中，推荐）", description = "查询码不出现在地址、日志和 Referer 中。")
  Progress progressByPost(@org.springframework.web.bind.annotation.RequestBody Query query) {
    if (query.number() == null || query.number().isBlank()) {
      throw PlatformException.invalid("number", "请填写办件编号");
    }
    if (query.queryCode() == null || query.queryCode().isBlank()) {
      throw PlatformException.invalid("queryCode", "请填写查询码");
    }
    return progress(query.number().trim(), query.queryCode().trim());
  }

  @GetMapping
  @Operation(summary = "办件进度")
  Progress progress(@RequestParam String number, @RequestParam String queryCode) {
    CaseFile f = files.byNumberAndQueryCode(number, queryCode).orElseThrow(() -> PlatformException.notFound("办件"));
    var a = f.application();
    return new Progress(a.number(), a.itemName(), a.status().name(), a.status().label(), a.resultLabel(),
        f.currentStep(), f.item().promisedDays(), f.item().statutoryDays(), f.deadlines().orElse(null),
        f.timeline().stream().map(e -> new Step(e.occurredAt(), e.status().label(), e.actorLabel())).toList());
  }
}
