package cn.tongban.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat answers itself, before the application sees the request (a malformed URL, an invalid header): the
 * same short Chinese page (or problem+json under /api) instead of Tomcat's own error page.
 */
@Configuration(proxyBeanMethods = false)
class PlainErrorReport {
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainErrorReportValve() {
    return new Customizer();
  }

  /** Runs after Spring Boot's own customizer, so its ErrorReportValve is there to be replaced. */
  static class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(PlainErrorReport::replaceValve);
    }
  }

  static void replaceValve(org.apache.catalina.Context context) {
    {
      Container parent = context.getParent();
      if (parent instanceof StandardHost host) {
        for (Valve v : host.getPipeline().getValves()) {
          if (v instanceof ErrorReportValve) {
            host.getPipeline().removeValve(v);
          }
        }
        host.setErrorReportValveClass(Report.class.getName());
        host.getPipeline().addValve(new Report());
      }
    }
  }

  /** Tomcat's error report, in the platform's words. */
  public static class Report extends ErrorReportValve {
    public Report() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) {
        return;
      }
      AtomicBoolean io = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
      if (!io.get()) {
        return;
      }
      String uri = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
      boolean api = uri != null && uri.startsWith("/api/");
      try {
        response.setContentType(api ? "application/problem+json" : "text/html");
        response.setCharacterEncoding("UTF-8");
        Writer w = response.getReporter();
        if (w != null) {
          w.write(api ? "{\"type\":\"https://tongban.cn/problems/malformed-request\",\"title\":\"Bad Request\",\"status\":"
              + status + ",\"detail\":\"请求格式不正确。\",\"code\":\"MALFORMED_REQUEST\"}"
              : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>通办 · 提示</title></head>"
              + "<body><main><h1>请求无法处理</h1><p>请求格式不正确（" + status + "）。</p><p><a href=\"/\">返回通办首页</a>"
              + "</p></main></body></html>");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone; nothing more to say
      }
    }
  }
}
