package cn.tongban.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, before any handler runs, what no field may hold: NUL characters in query and form parameters and in
 * uploaded file names, and an {@code Idempotency-Key} that is not printable ASCII (at most 100 characters). The
 * answer is 400 naming the parameter or header, as problem+json on the API and the error page on the portal.
 * JSON bodies get the same rule through {@link JsonStrings}.
 */
@Configuration(proxyBeanMethods = false)
class RequestSanity implements WebMvcConfigurer, HandlerInterceptor {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).order(Integer.MIN_VALUE);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String key = request.getHeader(IDEMPOTENCY_KEY);
    if (key != null && (key.length() > 100 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) {
      throw refused(IDEMPOTENCY_KEY, "幂等键须为不超过100个字符的可打印 ASCII 字符");
    }
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      if (hasNul(p.getKey())) {
        throw refused("parameter", "参数名不得包含空字符");
      }
      for (String v : p.getValue()) {
        if (hasNul(v)) {
          throw refused(p.getKey(), "不得包含空字符（NUL）");
        }
      }
    }
    MultipartHttpServletRequest multipart =
        org.springframework.web.util.WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      MultiValueMap<String, MultipartFile> files = multipart.getMultiFileMap();
      for (var e : files.entrySet()) {
        for (MultipartFile f : e.getValue()) {
          if (hasNul(f.getOriginalFilename()) || hasNul(e.getKey())) {
            throw refused(e.getKey(), "文件名不得包含空字符（NUL）");
          }
        }
      }
    }
    return true;
  }

  static boolean hasNul(String s) {
    return s != null && s.indexOf('\0') >= 0;
  }

  static PlatformException refused(String field, String message) {
    return new PlatformException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求包含不允许的字符。",
        java.util.List.of(new FieldProblem(field, message)));
  }
}
