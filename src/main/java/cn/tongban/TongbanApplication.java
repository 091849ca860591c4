package cn.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tongban (通办): the integrated online government service platform, one deployable of business modules. */
@SpringBootApplication
public class TongbanApplication {
  public static void main(String[] args) {
    SpringApplication.run(TongbanApplication.class, args);
  }
}
