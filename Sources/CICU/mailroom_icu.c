#include "mailroom_icu.h"
#include <unicode/ucnv.h>
