#ifndef MAILROOM_ICU_REGEX_AT_H
#define MAILROOM_ICU_REGEX_AT_H

#include "mailroom_icu.h"

/* The first match of `regex` in `length` UTF-16 units that starts at one of `count` offsets
   `candidates` (ascending): each offset is tried in turn as the start of a match, with the
   whole text around it (so `\b` and lookbehinds see what comes before). When every match of
   the pattern must start at one of the offsets, this is the match mr_icu_regex_find finds,
   without trying the other positions. Returns 1 and sets `start` and `end` on a match, 0 when
   there is none, -1 on error. Uses this thread's clone of the pattern, like mr_icu_regex_find. */
int32_t mr_icu_regex_find_at(mr_icu_regex *regex, const uint16_t *text, int32_t length,
                             const int32_t *candidates, int32_t count, int32_t *start, int32_t *end);

#endif
