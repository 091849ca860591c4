package cn.tongban.catalog.web;

import cn.tongban.catalog.Bundle;
import cn.tongban.catalog.BundleService;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ItemCode;
import cn.tongban.catalog.LifeEvent;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.catalog.ServiceTag;
import cn.tongban.catalog.internal.Browse;
import cn.tongban.catalog.internal.CatalogEditor;
import cn.tongban.catalog.internal.CatalogFiles;
import cn.tongban.catalog.internal.CatalogSearch;
import cn.tongban.catalog.internal.GuidePdf;
import cn.tongban.catalog.internal.ItemChanges;
import cn.tongban.catalog.internal.ServiceItems;
import cn.tongban.platform.web.PlatformException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog over the API: for the app, mini-program and kiosk (reading) and for catalog editors (writing). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "事项目录", description = "政务服务事项、办事指南、版本、检索、一件事与目录导入导出")
class CatalogApi {
  private final Catalog catalog;
  private final CatalogEditor editor;
  private final CatalogSearch search;
  private final CatalogFiles files;
  private final ServiceItems items;
  private final ItemChanges changes;
  private final GuidePdf pdf;

  CatalogApi(Catalog catalog, CatalogEditor editor, CatalogSearch search, CatalogFiles files, ServiceItems items,
      ItemChanges changes, GuidePdf pdf) {
    this.catalog = catalog;
    this.editor = editor;
    this.search = search;
    this.files = files;
    this.items = items;
    this.changes = changes;
    this.pdf = pdf;
  }

  record ItemSummary(String code, int version, String name, String type, String departmentName, String regionName,
      String regionLevel, int statutoryDays, int promisedDays, int visitsRequired, List<String> tags, Float score) {

    static ItemSummary of(ServiceItem i, Float score) {
      return new ItemSummary(i.code(), i.version(), i.name(), i.type().label(), i.departmentName(), i.regionName(),
          i.regionLevel().label(), i.statutoryDays(), i.promisedDays(), i.visitsRequired(),
          i.tags().stream().map(ServiceTag::label).toList(), score);
    }
  }

  record VersionInfo(int version, String status, String changedBy, String changeNote, Instant createdAt,
      Instant publishedAt) {}

  record History(String code, List<VersionInfo> versions, List<ItemChanges.Change> changes) {}

  record Reason(String reason) {}

  @GetMapping("/items")
  @Operation(summary = "已发布的事项：全文检索（q，按相关度排序）或按部门、区域、主题、服务标签、最多跑一次筛选")
  List<ItemSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
      @RequestParam(required = false) String region, @RequestParam(required = false) LifeEvent event,
      @RequestParam(required = false) ServiceTag tag, @RequestParam(defaultValue = "false") boolean oneVisit) {
    Browse b = new Browse(department, region, event, tag, oneVisit);
    if (q != null && !q.isBlank()) {
      return search.search(q, 50).stream().filter(h -> b.matches(h.item()))
          .map(h -> ItemSummary.of(h.item(), h.score())).toList();
    }
    return catalog.publishedItems().stream().filter(b::matches).map(i -> ItemSummary.of(i, null)).toList();
  }

  @GetMapping("/items/{code}")
  @Operation(summary = "事项详情与办事指南（含申请表单定义、情形和材料清单）")
  ServiceItem item(@PathVariable String code) {
    return catalog.publishedItem(code).orElseThrow(() -> PlatformException.notFound("事项"));
  }

  @GetMapping("/items/{code}/versions/{version}")
  @Operation(summary = "事项的某一版本（申请按其提交时的版本办理）")
  ServiceItem version(@PathVariable String code, @PathVariable int version) {
    return ItemCode.parse(code).flatMap(c -> catalog.itemVersion(c, version)).orElseThrow(() -> PlatformException.notFound("事项版本"));
  }

  @GetMapping("/items/{code}/materials")
  @Operation(summary = "按情形回答（情形编码=选项）得出的材料清单")
  List<MaterialRequirement> materials(@PathVariable String code, @RequestParam Map<String, String> answers) {
    return item(code).guide().materialsFor(answers);
  }

  @GetMapping("/items/{code}/history")
  @Operation(summary = "事项的全部版本与变更记录（哪个部门在何时改了什么；不显示工作人员姓名和账号）")
  History history(@PathVariable String code) {
    var all = items.versions(code);
    if (all.isEmpty()) {
      throw PlatformException.notFound("事项");
    }
    String department = all.get(0).item().departmentName(); // the latest version
    var versions = all.stream()
        .map(v -> new VersionInfo(v.item().version(), v.status(), v.item().departmentName(), v.changeNote(),
            v.createdAt(), v.publishedAt())).toList();
    return new History(code, versions, changes.of(code).stream().map(c -> c.asDepartment(department)).toList());
  }

  @GetMapping(path = "/items/{code}/guide.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "办事指南PDF")
  ResponseEntity<byte[]> guidePdf(@PathVariable String code) {
    ServiceItem i = item(code);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(i.name() + "办事指南.pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(pdf.guide(i));
  }

  @PutMapping("/items/{code}/draft")
  @Operation(summary = "保存草稿：已发布事项的修改成为新版本的草稿（本部门工作人员）")
  ServiceItem saveDraft(@PathVariable String code, @RequestBody ServiceItem item,
      @RequestParam(required = false) String note) {
    if (!code.equals(item.code())) {
      throw PlatformException.invalid("code", "路径中的事项编码与内容不一致");
    }
    return editor.saveDraft(item, note);
  }

  @PostMapping("/items/{code}/draft/submission")
  @Operation(summary = "草稿提交审核")
  ServiceItem submit(@PathVariable String code) {
    return editor.submitForReview(code);
  }

  @PostMapping("/items/{code}/draft/return")
  @Operation(summary = "审核退回修改")
  ServiceItem returnForChanges(@PathVariable String code, @RequestBody Reason reason) {
    return editor.returnForChanges(code, reason.reason());
  }

  @PostMapping("/items/{code}/draft/publication")
  @Operation(summary = "审核通过并发布（原版本废止，已提交的申请仍按原版本办理）")
  ServiceItem publish(@PathVariable String code) {
    return editor.publish(code);
  }

  @PostMapping(path = "/catalog/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "导入本部门事项（JSON数组）为草稿；任一事项有误则整体拒绝，错误指明事项和字段", description = "只能导入本部门的事项，且不能借导入改变实施部门。有改动的事项成为下一版草稿，须经提交审核、发布后生效。")
  CatalogEditor.ImportResult importItems(@RequestBody byte[] file) {
    return editor.importItems(files.read(file));
  }

  @GetMapping(path = "/catalog/export", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "导出已发布的事项目录（可再导入）")
  ResponseEntity<byte[]> export() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalog.json\"")
        .body(files.write(catalog.publishedItems()));
  }

  @GetMapping("/bundles")
  @Operation(summary = "一件事清单")
  List<Bundle> bundles() {
    return catalog.bundles();
  }

  @GetMapping("/bundles/{code}")
  @Operation(summary = "一件事详情：成员事项、合并表单（共用字段只填一次）、去重后的材料清单")
  BundleService bundle(@PathVariable String code) {
    return catalog.bundle(code).orElseThrow(() -> PlatformException.notFound("一件事"));
  }
}
