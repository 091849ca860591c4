package cn.tongban.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors on portal pages: a page in Chinese that says what happened and what to do, with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(PageErrorHandler.class);

  @ExceptionHandler(PlatformException.class)
  String platform(PlatformException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    if (e instanceof TooManyRequests t) {
      response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
    }
    model.addAttribute("status", e.status().value());
    model.addAttribute("message", e.getMessage());
    return "error";
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(Model model, HttpServletResponse response) {
    response.setStatus(413);
    model.addAttribute("status", 413);
    model.addAttribute("message", "上传的文件过大，单个文件不能超过10MB。请返回压缩后重新上传。");
    return "error";
  }

  @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
  String concurrent(Model model, HttpServletResponse response) {
    response.setStatus(409);
    model.addAttribute("status", 409);
    model.addAttribute("message", "该事项已被他人处理或已变更，请返回刷新后重试。");
    return "error";
  }

  /** The database is gone: a page that says so, 503 with Retry-After (the pool reconnects by itself). */
  @ExceptionHandler({org.springframework.dao.DataAccessException.class,
      org.springframework.transaction.TransactionException.class})
  String database(Exception e, Model model, HttpServletResponse response) throws Exception {
    if (!DatabaseUnavailable.is(e)) {
      throw e;
    }
    log.warn("Database unavailable: {}", e.toString());
    response.setStatus(503);
    response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    model.addAttribute("status", 503);
    model.addAttribute("message", "系统暂时无法提供服务，请稍后再试。");
    return "error";
  }
}
