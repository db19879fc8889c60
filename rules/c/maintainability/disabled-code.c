#include <stdio.h>

// ruleid: c.maintainability.disabled-code
#if 0
static void dump_ranges(int n)
{
	for (int i = 0; i < n; i++)
		printf("%d\n", i);
}
#endif

int hash_line(const char *p)
{
	int h = 5381;
// ruleid: c.maintainability.disabled-code
#if 0 /* the plain loop, kept for reference */
	while (*p)
		h = h * 33 + *p++;
#else
	while (*p)
		h = (h << 5) + h + *p++;
#endif
	return h;
}

// ok: c.maintainability.disabled-code
#if 0x10 > LIMIT
#define WIDE 1
#endif
// ok: c.maintainability.disabled-code
#if defined(DEBUG_RANGES) || 0
#define TRACE 1
#endif
// ok: c.maintainability.disabled-code
#ifdef HAVE_FOO
#define FOO 1
#endif
