package cn.tongban.catalog.internal;

import cn.tongban.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The catalog on the command line: {@code --tongban.catalog.import=FILE} loads a city's catalog (refused whole if
 * anything is wrong) and {@code --tongban.catalog.export=FILE} writes the published catalog; then the program exits
 * (status 0 on success, 1 when refused). {@code ./tongban catalog import|export FILE} wraps both.
 */
@Component
@Order(20)
class CatalogCommand implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(CatalogCommand.class);
  private final CatalogEditor editor;
  private final Catalog catalog;
  private final CatalogFiles files;
  private final ConfigurableApplicationContext context;
  private final String importFile;
  private final String exportFile;

  CatalogCommand(CatalogEditor editor, Catalog catalog, CatalogFiles files, ConfigurableApplicationContext context,
      @Value("${tongban.catalog.import:}") String importFile, @Value("${tongban.catalog.export:}") String exportFile) {
    this.editor = editor;
    this.catalog = catalog;
    this.files = files;
    this.context = context;
    this.importFile = importFile;
    this.exportFile = exportFile;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (importFile.isBlank() && exportFile.isBlank()) {
      return;
    }
    int status = 0;
    try {
      if (!importFile.isBlank()) {
        var result = importFrom(Path.of(importFile));
        System.out.printf("导入完成：新增 %d 项，更新 %d 项，未变 %d 项%n", result.added(), result.changed(), result.unchanged());
      }
      if (!exportFile.isBlank()) {
        int n = exportTo(Path.of(exportFile));
        System.out.printf("导出完成：%d 项已发布事项写入 %s%n", n, exportFile);
      }
    } catch (cn.tongban.platform.web.PlatformException e) {
      status = 1;
      System.err.println("导入被拒绝，未写入任何事项：" + e.getMessage());
      e.fieldProblems().forEach(p -> System.err.println("  " + p.field() + "：" + p.message()));
    } catch (Exception e) {
      status = 1;
      log.error("catalog command failed", e);
    }
    int exit = status;
    System.exit(SpringApplication.exit(context, () -> exit));
  }

  CatalogEditor.ImportResult importFrom(Path file) throws java.io.IOException {
    String operator = System.getProperty("user.name", "operator");
    return editor.importItems(files.read(Files.readAllBytes(file)),
        new CatalogEditor.Actor("cli:" + operator, "命令行导入（" + operator + "）"));
  }

  int exportTo(Path file) throws java.io.IOException {
    var items = catalog.publishedItems();
    Files.write(file, files.write(items));
    return items.size();
  }
}
