#ifndef MAILROOM_ICU_MONEY_H
#define MAILROOM_ICU_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Plain C interface over ICU's number and currency parsing (unum, ucurr). Only C types here:
   the ICU headers stay in the .c file (see mailroom_icu.h). Every function is safe to call
   from several threads at once: number formats are cached per thread, never shared. */

/* Parses a money amount at the start of `length` UTF-16 units with ICU's lenient currency
   parsing under the conventions of `locale` ("fr_FR", "en_CA"; NUL-terminated). Lenient
   mode accepts ordinary spaces as grouping ("1 234,56 €") and currency symbols or ISO codes
   on either side.

   On success returns the number of UTF-16 units parsed and writes the ISO 4217 code of the
   currency the text names into `currency` (NUL-terminated, at most 3 letters; ICU resolves
   an ambiguous symbol such as "$" or "kr" through the locale). When ICU can also read the
   number exactly, `decimal` receives it as a plain decimal string ("1234.56"; at most
   `decimalCapacity` bytes, NUL-terminated), else an empty string: the value never goes
   through a floating-point number. Returns -1 when the text is not a money amount there. */
int32_t mr_icu_parse_money(const char *locale, const uint16_t *text, int32_t length,
                           char currency[4], char *decimal, int32_t decimalCapacity);

/* The number of minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD),
   or -1 when ICU does not know the code. */
int32_t mr_icu_currency_digits(const char *code);

#endif
