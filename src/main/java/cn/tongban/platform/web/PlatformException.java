package cn.tongban.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the user can understand: an HTTP status, a stable machine-readable code, a message in Chinese and,
 * for invalid input, every field problem at once. Rendered as RFC 9457 problem+json on the API and beside the
 * fields on pages.
 */
public class PlatformException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final List<FieldProblem> fieldProblems;

  public PlatformException(HttpStatus status, String code, String message, List<FieldProblem> fieldProblems) {
    super(message);
    this.status = status;
    this.code = code;
    this.fieldProblems = List.copyOf(fieldProblems);
  }

  public PlatformException(HttpStatus status, String code, String message) {
    this(status, code, message, List.of());
  }

  public static PlatformException invalid(List<FieldProblem> problems) {
    return new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", "提交的内容有误，请按提示逐项修改。", problems);
  }

  public static PlatformException invalid(String field, String message) {
    return invalid(List.of(new FieldProblem(field, message)));
  }

  public static PlatformException notFound(String what) {
    return new PlatformException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + "不存在或您无权查看。");
  }

  public static PlatformException conflict(String code, String message) {
    return new PlatformException(HttpStatus.CONFLICT, code, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<FieldProblem> fieldProblems() {
    return fieldProblems;
  }
}
