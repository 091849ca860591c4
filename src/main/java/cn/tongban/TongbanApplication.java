package cn.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tongban (通办): the integrated online government service platform, one deployable of business modules. */
@SpringBootApplication
@EnableScheduling
public class TongbanApplication {
  public static void main(String[] args) {
    SpringApplication.run(TongbanApplication.class, args);
  }
}
