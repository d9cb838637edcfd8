#ifndef MAILROOM_ICU_H
#define MAILROOM_ICU_H

#include <stddef.h>
#include <stdint.h>

/* Plain C interface over ICU. Only C types appear here: Foundation on Linux carries a private
   ICU whose type names clash with the system headers, so those headers stay in the .c files. */

#endif
