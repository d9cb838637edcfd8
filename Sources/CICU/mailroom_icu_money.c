/* Money parsing through unum (lenient currency parsing) and ucurr (minor-unit digits). */
#include "mailroom_icu_money.h"

#include <string.h>
#include <unicode/ucurr.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#define MR_FORMAT_SLOTS 6
#define MR_LOCALE_MAX 32

/* A few lenient currency formats per thread, by locale: opening one costs far more than a parse. */
static _Thread_local char format_locales[MR_FORMAT_SLOTS][MR_LOCALE_MAX];
static _Thread_local UNumberFormat *formats[MR_FORMAT_SLOTS];
static _Thread_local int next_slot = 0;

static UNumberFormat *format_for(const char *locale) {
    size_t length = strlen(locale);
    if (length >= MR_LOCALE_MAX) return NULL;
    for (int i = 0; i < MR_FORMAT_SLOTS; i++) {
        if (formats[i] != NULL && strcmp(format_locales[i], locale) == 0) return formats[i];
    }
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_CURRENCY, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status) || format == NULL) return NULL;
    /* Strict parsing rejects "1 234,56 €" written with ordinary spaces (PLATFORM_NOTES). */
    unum_setAttribute(format, UNUM_LENIENT_PARSE, 1);
    int slot = next_slot;
    next_slot = (next_slot + 1) % MR_FORMAT_SLOTS;
    if (formats[slot] != NULL) unum_close(formats[slot]);
    formats[slot] = format;
    memcpy(format_locales[slot], locale, length + 1);
    return format;
}

int32_t mr_icu_parse_money(const char *locale, const uint16_t *text, int32_t length,
                           char currency[4], char *decimal, int32_t decimalCapacity) {
    currency[0] = 0;
    if (decimal != NULL && decimalCapacity > 0) decimal[0] = 0;
    if (text == NULL || length <= 0) return -1;
    UNumberFormat *format = format_for(locale);
    if (format == NULL) return -1;

    UErrorCode status = U_ZERO_ERROR;
    int32_t position = 0;
    UChar code[4] = {0, 0, 0, 0};
    /* The double is discarded: only the currency and the extent of the amount are used. */
    (void)unum_parseDoubleCurrency(format, (const UChar *)text, length, &position, code, &status);
    if (U_FAILURE(status) || position <= 0) return -1;
    u_austrncpy(currency, code, 3);
    currency[3] = 0;

    if (decimal != NULL && decimalCapacity > 1) {
        UErrorCode decimalStatus = U_ZERO_ERROR;
        int32_t decimalPosition = 0;
        int32_t written = unum_parseDecimal(format, (const UChar *)text, length, &decimalPosition, decimal,
                                            decimalCapacity, &decimalStatus);
        /* Keep it only when it read the same extent: ICU reads foreign formats as the
           locale's ("12,99 €" is 1299 in en_US), which the caller's heuristic corrects. */
        if (U_FAILURE(decimalStatus) || written <= 0 || written >= decimalCapacity || decimalPosition != position) {
            decimal[0] = 0;
        }
    }
    return position;
}

int32_t mr_icu_currency_digits(const char *code) {
    if (code == NULL || strlen(code) != 3) return -1;
    UChar isoCode[4];
    u_charsToUChars(code, isoCode, 3);
    isoCode[3] = 0;
    UErrorCode status = U_ZERO_ERROR;
    /* ucurr_getDefaultFractionDigits answers 2 for codes it does not know: ask for a name first. */
    UBool isChoiceFormat = 0;
    int32_t nameLength = 0;
    const UChar *name = ucurr_getName(isoCode, "en", UCURR_LONG_NAME, &isChoiceFormat, &nameLength, &status);
    if (U_FAILURE(status) || name == NULL || status == U_USING_DEFAULT_WARNING) return -1;
    status = U_ZERO_ERROR;
    int32_t digits = ucurr_getDefaultFractionDigits(isoCode, &status);
    return U_FAILURE(status) ? -1 : digits;
}
