package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link JdkHttpAdapter} per settings and flaws, shared by the test classes that use them: a
 * suite asks for the adapter of its settings on every call, and a pool must outlive the call.
 */
public final class JdkAdapters {
  private static final Map<Key, JdkHttpAdapter> ADAPTERS = new ConcurrentHashMap<>();

  private JdkAdapters() {}

  /**
   * Returns the adapter with these settings and flaws, created on first use.
   *
   * @param settings the configuration
   * @param flaws what to break; none for the correct adapter
   * @return the adapter
   */
  public static JdkHttpAdapter forSettings(ContractSettings settings, Set<JdkHttpAdapter.Flaw> flaws) {
    return ADAPTERS.computeIfAbsent(new Key(settings, Set.copyOf(flaws)), key -> new JdkHttpAdapter(key.settings(), key.flaws()));
  }

  private record Key(ContractSettings settings, Set<JdkHttpAdapter.Flaw> flaws) {}
}
