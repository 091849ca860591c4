package cn.tongban.application.web;

import cn.tongban.application.internal.ApplicationDrafts;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's drafts: one unfinished form per item, saved on the server and resumable on any device. */
@RestController
@RequestMapping("/api/v1/drafts")
@Tag(name = "申请草稿", description = "保存、列出、继续填写、删除未提交的申请表（每个事项一份）")
class DraftApi {
  private final ApplicationDrafts drafts;

  DraftApi(ApplicationDrafts drafts) {
    this.drafts = drafts;
  }

  record DraftBody(Map<String, String> formData, List<String> commitments) {}

  @GetMapping
  @Operation(summary = "我的草稿", description = "最近保存的在前，不含填写内容。")
  List<ApplicationDrafts.DraftSummary> list(@AuthenticationPrincipal TongbanUser user) {
    return drafts.list(user.accountId());
  }

  @GetMapping("/{itemCode}")
  @Operation(summary = "读取草稿", description = "继续填写：返回已填写的内容和勾选的承诺材料。")
  ApplicationDrafts.DraftView one(@PathVariable String itemCode, @AuthenticationPrincipal TongbanUser user) {
    return drafts.find(user.accountId(), itemCode).orElseThrow(() -> PlatformException.notFound("草稿"));
  }

  @PutMapping("/{itemCode}")
  @Operation(summary = "保存草稿", description = "formData 为字段名到值（可不完整，不做必填校验）；commitments 为拟承诺的材料编码。同一事项只保留一份，后存覆盖先存。")
  ApplicationDrafts.DraftView save(@PathVariable String itemCode, @RequestBody DraftBody body,
      @AuthenticationPrincipal TongbanUser user) {
    return drafts.save(user.accountId(), itemCode, body.formData(), body.commitments());
  }

  @DeleteMapping("/{itemCode}")
  @Operation(summary = "删除草稿")
  ResponseEntity<Void> delete(@PathVariable String itemCode, @AuthenticationPrincipal TongbanUser user) {
    drafts.delete(user.accountId(), itemCode);
    return ResponseEntity.noContent().build();
  }
}
