package cn.tongban.demo;

import cn.tongban.catalog.Bundle;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ServiceItem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo city's catalog (26 items of Yiwu and beyond, two 一件事 bundles) through catalog's API at start-up;
 * items that already exist are left as they are.
 */
@Component
@Order(10)
@Profile("demo")
class CatalogSeed implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);
  private final Catalog catalog;
  private final JsonMapper json;
  private final Resource seed;
  private final Resource bundleSeed;

  CatalogSeed(Catalog catalog, JsonMapper json,
      @Value("${tongban.catalog.seed:classpath:catalog/seed-items.json}") Resource seed,
      @Value("${tongban.catalog.bundle-seed:classpath:catalog/seed-bundles.json}") Resource bundleSeed) {
    this.catalog = catalog;
    this.json = json;
    this.seed = seed;
    this.bundleSeed = bundleSeed;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    try (InputStream in = seed.getInputStream()) {
      List<ServiceItem> items = json.readValue(in, new TypeReference<List<ServiceItem>>() {});
      int added = 0;
      for (ServiceItem item : items) {
        if (catalog.publishIfAbsent(item)) {
          added++;
        }
      }
      log.info("Catalog seed: {} item(s) in {}, {} added", items.size(), seed.getFilename(), added);
    }
    try (InputStream in = bundleSeed.getInputStream()) {
      List<Bundle> bundles = json.readValue(in, new TypeReference<List<Bundle>>() {});
      long added = bundles.stream().filter(catalog::addBundleIfAbsent).count();
      log.info("Catalog seed: {} bundle(s), {} added", bundles.size(), added);
    }
  }
}
