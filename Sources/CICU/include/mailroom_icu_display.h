#ifndef MAILROOM_ICU_DISPLAY_H
#define MAILROOM_ICU_DISPLAY_H

#include <stdint.h>

/* Plain C interface over the ICU properties used to display data (see mailroom_icu.h for why
   only C types appear here). It is a pure lookup, safe from any thread. */

/* The East Asian Width of a code point (Unicode UAX #11): 1 for Wide or Fullwidth (two
   terminal columns), 0 otherwise (Narrow, Halfwidth, Neutral, Ambiguous). */
int32_t mr_icu_is_wide(uint32_t codePoint);

#endif
