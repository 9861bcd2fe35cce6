/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * JSON for the command line's --json output, laid out as
 * JSON.stringify (value, null, 2) does: two-space indentation, "name": value.
 *
 * Strings are escaped so that the text is safe on a terminal and still the
 * same data (PLAN-FORMAT.md, section 8): besides what JSON requires, control
 * characters U+007F–U+009F, bidirectional controls and noncharacters are
 * written as \uXXXX. Numbers are not rounded (section 4): each is the
 * shortest text that reads back to the same double; a number that is not
 * finite is written as null, never aborts.
 */
typedef struct _CtoJsonWriter CtoJsonWriter;

CtoJsonWriter *cto_json_writer_new            (void);
/* Ends the text with a newline and returns it; frees the writer. */
char          *cto_json_writer_finish         (CtoJsonWriter *self);
void           cto_json_writer_free           (CtoJsonWriter *self);

void           cto_json_writer_begin_object   (CtoJsonWriter *self);
void           cto_json_writer_end_object     (CtoJsonWriter *self);
void           cto_json_writer_begin_array    (CtoJsonWriter *self);
void           cto_json_writer_end_array      (CtoJsonWriter *self);

/* The name of the next member of the current object; its value follows. */
void           cto_json_writer_member         (CtoJsonWriter *self,
                                               const char    *name);
/* A value: a member's (after cto_json_writer_member()) or an array element. */
void           cto_json_writer_string         (CtoJsonWriter *self,
                                               const char    *value);
void           cto_json_writer_number         (CtoJsonWriter *self,
                                               double         value);
void           cto_json_writer_boolean        (CtoJsonWriter *self,
                                               gboolean       value);
void           cto_json_writer_null           (CtoJsonWriter *self);

/* A member and its value at once. cto_json_writer_member_string() writes null
 * for a %NULL @value. */
void           cto_json_writer_member_string  (CtoJsonWriter *self,
                                               const char    *name,
                                               const char    *value);
void           cto_json_writer_member_number  (CtoJsonWriter *self,
                                               const char    *name,
                                               double         value);
void           cto_json_writer_member_boolean (CtoJsonWriter *self,
                                               const char    *name,
                                               gboolean       value);
void           cto_json_writer_member_null    (CtoJsonWriter *self,
                                               const char    *name);

/*
 * The one JSON string writer, with two modes:
 * - CTO_JSON_ESCAPE_TERMINAL, for text printed to standard output (--json):
 *   what JSON requires (quote, backslash, U+0000–U+001F) and, so that the
 *   text is safe on a terminal and still the same data, the characters of
 *   cto_terminal_text_is_unsafe() as \uXXXX;
 * - CTO_JSON_ESCAPE_FILE, for plan files: only what JSON requires, so that
 *   files keep the plan's text as it is (PLAN-FORMAT.md, section 8).
 * Text that is not valid UTF-8 is made valid first (U+FFFD).
 */
typedef enum
{
  CTO_JSON_ESCAPE_TERMINAL,
  CTO_JSON_ESCAPE_FILE,
} CtoJsonEscape;

void           cto_json_append_string_full    (GString       *out,
                                               const char    *value,
                                               CtoJsonEscape  escape);
/* Appends @value to @out as a JSON string, in CTO_JSON_ESCAPE_TERMINAL mode. */
void           cto_json_append_string         (GString       *out,
                                               const char    *value);
/* Appends the shortest text that reads back to @value exactly, integers
 * without a decimal point; null when @value is not finite. Unrounded, for
 * files (cto_json_writer_number() rounds for output). */
void           cto_json_append_number         (GString       *out,
                                               double         value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtoJsonWriter, cto_json_writer_free)

G_END_DECLS
