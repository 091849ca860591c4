package cn.tongban.catalog;

import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.CreditCode;
import cn.tongban.platform.web.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An item's application form: its fields, and the one validation that serves both the page and the API. */
public record FormDefinition(List<FormField> fields) {

  public FormDefinition {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** The result of validating submitted values: the normalized values, and every problem at once. */
  public record Validation(Map<String, String> values, List<FieldProblem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  public Validation validate(Map<String, String> submitted) {
    Map<String, String> values = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (String key : submitted.keySet()) {
      if (fields.stream().noneMatch(f -> f.name().equals(key))) {
        problems.add(new FieldProblem(key, "表单中没有此项"));
      }
    }
    for (FormField f : fields) {
      String raw = submitted.get(f.name());
      String v = raw == null ? "" : raw.trim();
      if (v.isEmpty()) {
        if (f.required()) {
          problems.add(new FieldProblem(f.name(), "请填写" + f.label()));
        }
        continue;
      }
      String problem = check(f, v);
      if (problem != null) {
        problems.add(new FieldProblem(f.name(), problem));
        continue;
      }
      values.put(f.name(), normalize(f, v));
    }
    return new Validation(values, problems);
  }

  private static String normalize(FormField f, String v) {
    return switch (f.type()) {
      case CITIZEN_ID, CREDIT_CODE -> v.toUpperCase(Locale.ROOT);
      case MONEY -> new BigDecimal(v).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
      default -> v;
    };
  }

  private static String check(FormField f, String v) {
    if (f.maxLength() != null && v.length() > f.maxLength()) {
      return f.label() + "不能超过" + f.maxLength() + "个字";
    }
    String typeProblem = switch (f.type()) {
      case CITIZEN_ID -> CitizenIdNumber.problem(CitizenIdNumber.normalize(v)).orElse(null);
      case CREDIT_CODE -> CreditCode.problem(v.toUpperCase(Locale.ROOT)).orElse(null);
      case MOBILE -> v.matches("1[3-9]\\d{9}") || v.matches("0\\d{2,3}-?\\d{7,8}") ? null : "请填写正确的手机或固定电话号码";
      case DATE -> date(v);
      case NUMBER -> number(f, v, false);
      case MONEY -> number(f, v, true);
      case SELECT -> f.options().contains(v) ? null : "请从列表中选择" + f.label();
      case ADDRESS -> v.matches("\\d{9}\\|.*\\S.*") ? null : "请选择" + f.label() + "所在的乡镇（街道）并填写详细地址";
      case TEXT, TEXTAREA -> null;
    };
    if (typeProblem != null) {
      return typeProblem;
    }
    if (f.pattern() != null && !f.pattern().isBlank() && !v.matches(f.pattern())) {
      return f.patternMessage() != null ? f.patternMessage() : f.label() + "格式不正确";
    }
    return null;
  }

  private static String date(String v) {
    try {
      LocalDate.parse(v);
      return null;
    } catch (DateTimeParseException e) {
      return "请填写正确的日期（年-月-日）";
    }
  }

  private static String number(FormField f, String v, boolean money) {
    BigDecimal n;
    try {
      n = new BigDecimal(v);
    } catch (NumberFormatException e) {
      return f.label() + "应为数字";
    }
    if (money && n.scale() > 2) {
      return f.label() + "最多保留两位小数";
    }
    if (!money && n.stripTrailingZeros().scale() > 0) {
      return f.label() + "应为整数";
    }
    if (f.min() != null && n.compareTo(BigDecimal.valueOf(f.min())) < 0) {
      return f.label() + "不能小于" + BigDecimal.valueOf(f.min()).stripTrailingZeros().toPlainString();
    }
    if (f.max() != null && n.compareTo(BigDecimal.valueOf(f.max())) > 0) {
      return f.label() + "不能大于" + BigDecimal.valueOf(f.max()).stripTrailingZeros().toPlainString();
    }
    return null;
  }
}
