#include <inttypes.h>
#include <libintl.h>
#include <stdio.h>

#define _(msgid) gettext(msgid)
#define N_(msgid) (msgid)
#define Q_(msgid, plural, n) ngettext(msgid, plural, n)

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

/* Translated messages, as in GNU and git sources: the format is still a literal. */
void usage(const char *prog, unsigned long nr, const char *user_text) {
  /* ok: c.security.format-string-nonliteral */
  printf(_("usage: %s [options] <file>...\n"), prog);
  /* ok: c.security.format-string-nonliteral */
  printf(Q_("%lu file changed\n", "%lu files changed\n", nr), nr);
  /* ok: c.security.format-string-nonliteral */
  printf(N_("  -v, --verbose    be more verbose\n"));
  /* ok: c.security.format-string-nonliteral */
  printf(gettext("Try '%s --help' for more information.\n"), prog);
  /* ok: c.security.format-string-nonliteral */
  printf(ngettext("%lu entry\n", "%lu entries\n", nr), nr);
  /* ok: c.security.format-string-nonliteral */
  printf(dgettext("coreutils", "write error"));
  /* ruleid: c.security.format-string-nonliteral */
  printf(_(user_text));
  /* ruleid: c.security.format-string-nonliteral */
  printf(gettext(user_text));
}
