#ifndef MAILROOM_ICU_INTERNAL_H
#define MAILROOM_ICU_INTERNAL_H

/* Shared between the .c files of CICU only: it names ICU types, so it must never be
   included by the public headers (see mailroom_icu.h). */
#include "mailroom_icu.h"
#include <unicode/uregex.h>

/* This thread's own clone of a compiled pattern, made on first use; NULL on failure. */
URegularExpression *mr_icu_regex_matcher(mr_icu_regex *regex);

#endif
