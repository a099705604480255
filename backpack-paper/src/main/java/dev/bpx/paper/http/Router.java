package dev.bpx.paper.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** (method, path) to handler. Exact paths only, as Backpack's API has no path parameters. */
final class Router {
  private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();

  Router add(String method, String path, Handler h) {
    routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, h);
    return this;
  }

  boolean knows(String path) {
    return routes.containsKey(path);
  }

  Handler find(String method, String path) {
    Map<String, Handler> m = routes.get(path);
    return m == null ? null : m.get(method);
  }

  /** {@return every "METHOD path" served, for the README and tests} */
  java.util.List<String> endpoints() {
    java.util.List<String> out = new java.util.ArrayList<>();
    routes.forEach((p, m) -> m.keySet().forEach(method -> out.add(method + " " + p)));
    return out;
  }
}
