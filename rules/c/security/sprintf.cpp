#include <cstdio>
#include <string>

void greet(const char* name) {
  char msg[32];
  // ruleid: c.security.sprintf
  sprintf(msg, "hello %s", name);
  // ok: c.security.sprintf
  snprintf(msg, sizeof msg, "hello %s", name);
  // ok: c.security.sprintf
  std::string s = std::string("hello ") + name;
}
