#ifndef MAILROOM_CPSL_SHIM_H
#define MAILROOM_CPSL_SHIM_H
#include <libpsl.h>
#endif
