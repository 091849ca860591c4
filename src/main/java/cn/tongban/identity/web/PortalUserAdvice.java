package cn.tongban.identity.web;

import cn.tongban.identity.TongbanUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user (or null) into every portal page's model as {@code currentUser}. */
@ControllerAdvice(annotations = Controller.class)
class PortalUserAdvice {
  @ModelAttribute("currentUser")
  TongbanUser currentUser() {
    return TongbanUser.current().orElse(null);
  }
}
