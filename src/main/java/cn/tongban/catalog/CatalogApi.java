package cn.tongban.catalog;

import cn.tongban.platform.web.PlatformException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog over the API, for the app, mini-program and kiosk. */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "事项目录", description = "政务服务事项与办事指南")
class CatalogApi {
  private final Catalog catalog;

  CatalogApi(Catalog catalog) {
    this.catalog = catalog;
  }

  record ItemSummary(String code, int version, String name, String type, String departmentName, String regionName,
      int statutoryDays, int promisedDays, int visitsRequired) {}

  @GetMapping
  @Operation(summary = "已发布的事项列表")
  List<ItemSummary> list() {
    return catalog.publishedItems().stream().map(i -> new ItemSummary(i.code(), i.version(), i.name(),
        i.type().label(), i.departmentName(), i.regionName(), i.statutoryDays(), i.promisedDays(),
        i.visitsRequired())).toList();
  }

  @GetMapping("/{code}")
  @Operation(summary = "事项详情与办事指南（含申请表单定义和材料清单）")
  ServiceItem item(@PathVariable String code) {
    return catalog.publishedItem(code).orElseThrow(() -> PlatformException.notFound("事项"));
  }
}
