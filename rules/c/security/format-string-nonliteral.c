#include <inttypes.h>
#include <stdio.h>

void show(const char *msg, int64_t n) {
  /* ruleid: c.security.format-string-nonliteral */
  printf(msg);
  /* ok: c.security.format-string-nonliteral */
  printf("%s", msg);
  /* ok: c.security.format-string-nonliteral */
  printf("count %" PRId64 " of %s\n", n, msg);
  /* ok: c.security.format-string-nonliteral */
  puts(msg);
}
