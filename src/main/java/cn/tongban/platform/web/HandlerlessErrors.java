package cn.tongban.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that arise before a handler is chosen (wrong method or media type, no such resource, an upload over the
 * limit): problem+json for the API and JSON clients, the error page for the portal, the same as every other error.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class HandlerlessErrors {
  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(HttpServletRequest request) {
    return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持该请求方法。");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(HttpServletRequest request) {
    return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "不支持的请求内容类型。");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object notAcceptable(HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "无法提供所请求的内容格式。");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND", "您访问的页面或资源不存在。");
  }

  @ExceptionHandler(MultipartException.class)
  Object multipart(HttpServletRequest request, MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return answer(request, HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE",
          "上传的内容过大，单个文件不能超过10MB，一次提交不能超过60MB。");
    }
    return answer(request, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "上传内容格式不正确。");
  }

  static Object answer(HttpServletRequest request, HttpStatus status, String code, String message) {
    if (PlatformErrorController.wantsProblem(request)) {
      return ApiProblemHandler.problem(status, code, message, List.of());
    }
    ModelAndView page = new ModelAndView("error", status);
    page.addObject("status", status.value());
    page.addObject("message", message);
    return page;
  }
}
