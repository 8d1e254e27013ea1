package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link JdkHttpAdapter} per settings, shared by the test classes of this package. */
final class JdkAdapters {
  private static final Map<ContractSettings, JdkHttpAdapter> ADAPTERS = new ConcurrentHashMap<>();

  private JdkAdapters() {}

  static JdkHttpAdapter forSettings(ContractSettings settings) {
    return ADAPTERS.computeIfAbsent(settings, s -> new JdkHttpAdapter(s, true));
  }
}
