package cn.tongban.catalog.internal;

import cn.tongban.catalog.Situation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a material or condition applies: a list of {@code situation=option} terms. Terms of the same situation are
 * alternatives, different situations must all hold; an empty list always applies. An unanswered situation does not
 * exclude anything (the guide shows every material that may be needed until the applicant answers).
 */
public final class Applicability {
  private Applicability() {}

  public static boolean applies(List<String> when, Map<String, String> answers) {
    for (var e : bySituation(when).entrySet()) {
      String answer = answers == null ? null : answers.get(e.getKey());
      if (answer != null && !answer.isBlank() && !e.getValue().contains(answer)) {
        return false;
      }
    }
    return true;
  }

  static Map<String, Set<String>> bySituation(List<String> when) {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    for (String term : when == null ? List.<String>of() : when) {
      int eq = term.indexOf('=');
      if (eq > 0) {
        m.computeIfAbsent(term.substring(0, eq), k -> new LinkedHashSet<>()).add(term.substring(eq + 1));
      }
    }
    return m;
  }

  /** A reader's phrase, e.g. "经营业态为餐饮服务经营者时". */
  public static String label(List<String> when, List<Situation> situations) {
    if (when == null || when.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (var e : bySituation(when).entrySet()) {
      String q = situations.stream().filter(s -> s.code().equals(e.getKey())).map(Situation::question).findFirst()
          .orElse(e.getKey());
      if (!sb.isEmpty()) {
        sb.append("，且");
      }
      sb.append(q).append("：").append(String.join("或", e.getValue()));
    }
    return sb.append("时需要").toString();
  }
}
