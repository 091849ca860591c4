package cn.tongban.application;

import cn.tongban.platform.web.PlatformException;
import org.springframework.http.HttpStatus;

/** A case was asked to do something its status does not allow. */
public class IllegalTransitionException extends PlatformException {
  public IllegalTransitionException(ApplicationStatus from, ApplicationStatus to) {
    super(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION",
        "办件当前状态为“" + from.label() + "”，不能变更为“" + to.label() + "”。");
  }
}
