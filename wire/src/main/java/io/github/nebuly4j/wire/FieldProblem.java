package io.github.nebuly4j.wire;

/**
 * A field of a document that cannot be mapped. Internal: {@link WireMapping} turns it into a
 * {@code MalformedResponse}. It carries the field's path, which grows as it travels up ({@code
 * timestamp} becomes {@code conversation[3].timestamp}).
 */
final class FieldProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String problem;

  FieldProblem(String path, String problem) {
    super(path + " " + problem, null, false, false);
    this.path = path;
    this.problem = problem;
  }

  /** Returns the same problem with {@code prefix} in front of the path, such as {@code conversation[3]}. */
  FieldProblem under(String prefix) {
    return new FieldProblem(prefix + "." + path, problem);
  }
}
