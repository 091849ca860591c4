package cn.tongban.catalog;

import cn.tongban.identity.CreditCode;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The published catalog of service items: what other modules and the portal read. */
@Service
public class Catalog {
  private final ServiceItems items;

  Catalog(ServiceItems items) {
    this.items = items;
  }

  @Transactional(readOnly = true)
  public List<ServiceItem> publishedItems() {
    return items.published();
  }

  @Transactional(readOnly = true)
  public Optional<ServiceItem> publishedItem(String code) {
    return items.publishedByCode(code);
  }

  /** The exact version an application was made under. */
  @Transactional(readOnly = true)
  public Optional<ServiceItem> itemVersion(String code, int version) {
    return items.byCodeAndVersion(code, version);
  }

  /** Adds an item as its first published version unless it already exists; refuses an inconsistent item whole. */
  @Transactional
  public boolean publishIfAbsent(ServiceItem item) {
    List<FieldProblem> problems = check(item);
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    if (items.exists(item.code())) {
      return false;
    }
    items.insertPublished(item);
    return true;
  }

  static List<FieldProblem> check(ServiceItem i) {
    List<FieldProblem> p = new ArrayList<>();
    String at = i.code() + ".";
    if (i.code() == null || i.code().isBlank()) {
      p.add(new FieldProblem("code", "事项编码不能为空"));
    }
    if (i.name() == null || i.name().isBlank()) {
      p.add(new FieldProblem(at + "name", "事项名称不能为空"));
    }
    if (i.promisedDays() > i.statutoryDays()) {
      p.add(new FieldProblem(at + "promisedDays",
          "承诺办结时限（" + i.promisedDays() + "个工作日）不能超过法定办结时限（" + i.statutoryDays() + "个工作日）"));
    }
    if (!CreditCode.isValid(i.departmentCreditCode())) {
      p.add(new FieldProblem(at + "departmentCreditCode", "实施部门统一社会信用代码不正确"));
    }
    Set<String> names = new HashSet<>();
    for (FormField f : i.form().fields()) {
      if (!names.add(f.name())) {
        p.add(new FieldProblem(at + "form." + f.name(), "表单字段名重复"));
      }
      if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
        p.add(new FieldProblem(at + "form." + f.name(), "下拉选择字段须列出选项"));
      }
    }
    Set<String> materials = new HashSet<>();
    for (MaterialRequirement m : i.guide().materials()) {
      if (!materials.add(m.code())) {
        p.add(new FieldProblem(at + "materials." + m.code(), "材料编码重复"));
      }
    }
    return p;
  }
}
