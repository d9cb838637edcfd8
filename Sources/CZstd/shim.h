#ifndef MAILROOM_CZSTD_SHIM_H
#define MAILROOM_CZSTD_SHIM_H
#include <zstd.h>
#endif
