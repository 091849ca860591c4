package cn.tongban.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the embedded PostgreSQL keeps its data. */
@ConfigurationProperties("tongban.db.embedded")
public record EmbeddedDatabaseProperties(
    @DefaultValue("data/postgres") String dataDir,
    @DefaultValue("54329") int port,
    @DefaultValue("false") boolean ephemeral) {}
