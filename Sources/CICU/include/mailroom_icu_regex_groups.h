#ifndef MAILROOM_ICU_REGEX_GROUPS_H
#define MAILROOM_ICU_REGEX_GROUPS_H

#include "mailroom_icu.h"

/* Finds the next match of `regex` in `length` UTF-16 units, starting at offset `from`, and
   reports the bounds of the whole match and of its capture groups: `bounds[2*i]` and
   `bounds[2*i+1]` are the start and end of group i (group 0 is the whole match), -1 for a
   group that took no part. At most `boundsCount / 2` groups are reported. Returns the number
   of groups reported (at least 1) on a match, 0 when there is none, -1 on error. Uses this
   thread's clone of the pattern, like mr_icu_regex_find. */
int32_t mr_icu_regex_find_groups(mr_icu_regex *regex, const uint16_t *text, int32_t length, int32_t from,
                                 int32_t *bounds, int32_t boundsCount);

#endif
