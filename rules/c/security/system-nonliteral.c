#include <stdio.h>
#include <stdlib.h>

void convert(const char *upload) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "convert %s out.png", upload);
  /* ruleid: c.security.system-nonliteral */
  system(cmd);
  /* ruleid: c.security.system-nonliteral */
  FILE *p = popen(cmd, "r");
  /* ok: c.security.system-nonliteral */
  system("sync");
  pclose(p);
}
