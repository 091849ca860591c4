package cn.tongban.platform.web;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API error as RFC 9457 problem+json with a stable {@code code} and, for bad input, per-field {@code errors}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
public class ApiProblemHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setType(URI.create("https://tongban.cn/problems/" + code.toLowerCase().replace('_', '-')));
    pd.setTitle(status.getReasonPhrase());
    pd.setProperty("code", code);
    if (!errors.isEmpty()) {
      pd.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }

  @ExceptionHandler(PlatformException.class)
  ResponseEntity<ProblemDetail> platform(PlatformException e) {
    ResponseEntity<ProblemDetail> r = problem(e.status(), e.code(), e.getMessage(), e.fieldProblems());
    if (e instanceof TooManyRequests t) {
      return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
          .header("Retry-After", Long.toString(t.retryAfterSeconds())).body(r.getBody());
    }
    return r;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(fe -> new FieldProblem(fe.getField(), fe.getDefaultMessage())).toList();
    return platform(PlatformException.invalid(errors));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    List<FieldProblem> errors = List.of();
    if (e.getCause() instanceof tools.jackson.core.JacksonException je && !je.getPath().isEmpty()) {
      String field = je.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
          : String.valueOf(r.getIndex())).reduce((a, b) -> a + "." + b).orElse("");
      errors = List.of(new FieldProblem(field, "格式不正确或包含不允许的字符"));
    }
    return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求内容无法解析，请检查 JSON 格式。", errors);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求参数格式不正确。",
        List.of(new FieldProblem(e.getName(), "格式不正确")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求缺少必要的参数。",
        List.of(new FieldProblem(e.getParameterName(), "必须填写")));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求缺少必要的部分。",
        List.of(new FieldProblem(e.getRequestPartName(), "必须提供")));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
    return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求缺少必要的请求头。",
        List.of(new FieldProblem(e.getHeaderName(), "必须提供")));
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException m) {
      return tooLarge(m);
    }
    return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "上传内容格式不正确。", List.of());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE", "上传的内容过大，单个文件不能超过10MB，一次提交不能超过60MB。",
        List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "不支持的请求内容类型。", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持该请求方法。", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "请求的资源不存在。", List.of());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "该事项已被他人处理或已变更，请刷新后重试。", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
    if (e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // handled by the security filter chain
    }
    if (DatabaseUnavailable.is(e)) {
      log.warn("Database unavailable: {}", e.toString());
      ResponseEntity<ProblemDetail> r = problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
          "系统暂时无法提供服务，请稍后再试。", List.of());
      return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
          .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).body(r.getBody());
    }
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统繁忙，请稍后再试。", List.of());
  }
}
