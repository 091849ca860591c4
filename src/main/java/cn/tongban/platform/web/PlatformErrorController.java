package cn.tongban.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that no handler answered (a wrong method or media type before a handler is chosen, an upload over
 * the limit, an unknown URL, an exception in a filter) ends here, replacing Spring Boot's own error controller:
 * the API and non-HTML clients get problem+json with a stable code, the portal gets its error page. A request
 * for {@code /error} itself, with no error behind it, is an unknown page (404).
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class PlatformErrorController implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(PlatformErrorController.class);

  private static final Map<Integer, String> CODES = Map.ofEntries(
      Map.entry(400, "MALFORMED_REQUEST"), Map.entry(401, "UNAUTHENTICATED"), Map.entry(403, "FORBIDDEN"),
      Map.entry(404, "NOT_FOUND"), Map.entry(405, "METHOD_NOT_ALLOWED"), Map.entry(406, "NOT_ACCEPTABLE"),
      Map.entry(408, "REQUEST_TIMEOUT"), Map.entry(413, "UPLOAD_TOO_LARGE"), Map.entry(414, "URI_TOO_LONG"),
      Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"), Map.entry(429, "TOO_MANY_REQUESTS"),
      Map.entry(431, "HEADERS_TOO_LARGE"), Map.entry(503, "UNAVAILABLE"));

  private static final Map<Integer, String> MESSAGES = Map.ofEntries(
      Map.entry(400, "请求格式不正确，请检查后重试。"), Map.entry(401, "请先登录。"), Map.entry(403, "您没有权限进行此操作。"),
      Map.entry(404, "您访问的页面或资源不存在。"), Map.entry(405, "不支持该请求方法。"), Map.entry(406, "无法提供所请求的内容格式。"),
      Map.entry(408, "请求超时，请重试。"), Map.entry(413, "上传的内容过大，单个文件不能超过10MB，一次提交不能超过60MB。"),
      Map.entry(414, "请求地址过长。"), Map.entry(415, "不支持的请求内容类型。"), Map.entry(429, "操作过于频繁，请稍后再试。"),
      Map.entry(431, "请求头过大。"), Map.entry(503, "系统暂时无法提供服务，请稍后再试。"));

  @RequestMapping
  Object error(HttpServletRequest request, HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 404;
    if (status < 400) {
      status = 500;
    }
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status >= 500 && DatabaseUnavailable.is(failure)) {
      status = 503; // e.g. the session store in a filter, before any handler
    }
    if (status == 503 || status == 429) {
      response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }
    if (status >= 500 && status != 503) {
      log.error("Unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
    }
    String message = MESSAGES.getOrDefault(status, "系统繁忙，请稍后再试。");
    HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(status);
    if (wantsProblem(request)) {
      ResponseEntity<ProblemDetail> body = ApiProblemHandler.problem(httpStatus, CODES.getOrDefault(status, "INTERNAL_ERROR"),
          message, List.<FieldProblem>of());
      return body;
    }
    ModelAndView page = new ModelAndView("error", httpStatus);
    page.addObject("status", status);
    page.addObject("message", message);
    return page;
  }

  /** The API, the OpenAPI document and clients that ask for JSON rather than HTML get problem+json. */
  static boolean wantsProblem(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    if (path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator")) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }
}
