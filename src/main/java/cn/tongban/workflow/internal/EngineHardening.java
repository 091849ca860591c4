package cn.tongban.workflow.internal;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine parses every deployment (shipped or uploaded) in Flowable's safe XML mode as well: no external
 * entities or DTDs even if a file reached the engine without passing {@code ProcessLibrary.upload}.
 */
@Configuration(proxyBeanMethods = false)
public class EngineHardening {
  @Bean
  EngineConfigurationConfigurer<SpringProcessEngineConfiguration> safeBpmnXml() {
    return c -> c.setEnableSafeBpmnXml(true);
  }
}
