#ifndef MAILROOM_CETPAN_SHIM_H
#define MAILROOM_CETPAN_SHIM_H

#include <libetpan/libetpan.h>

/* libetpan's list and array accessors are function-like macros, which Swift does not import. */
static inline clistiter *mr_clist_begin(clist *list) { return list == NULL ? NULL : list->first; }
static inline clistiter *mr_clist_next(clistiter *iter) { return iter == NULL ? NULL : iter->next; }
static inline void *mr_clist_content(clistiter *iter) { return iter == NULL ? NULL : iter->data; }
static inline unsigned int mr_carray_count(carray *array) { return array == NULL ? 0 : array->len; }
static inline void *mr_carray_get(carray *array, unsigned int index) { return array->array[index]; }

#endif
