package cn.tongban.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * No string read from JSON may hold a NUL character (PostgreSQL cannot store one, and no field needs one): such a
 * body is refused as malformed, naming the field ({@link ApiProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class JsonStrings {
  @Bean
  JsonMapperBuilderCustomizer noNulInStrings() {
    return builder -> builder.addModule(new SimpleModule("tongban-no-nul").addDeserializer(String.class, new NoNul()));
  }

  static final class NoNul extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctx) throws JacksonException {
      String s = super.deserialize(p, ctx);
      if (s != null && s.indexOf('\0') >= 0) {
        throw InvalidFormatException.from(p, "NUL character", s, String.class);
      }
      return s;
    }
  }
}
