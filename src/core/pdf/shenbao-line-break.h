/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a character (or an inline object such as a blank to write in) behaves
 * at a line break, by the rules of Chinese typesetting: a line may break
 * between any two ideographs, never before closing punctuation (，。、；：？！）」』》)
 * nor after opening punctuation (（「『《), and Latin words and numbers break
 * only at spaces. */
typedef enum
{
  SHENBAO_BREAK_IDEOGRAPHIC,   /* breaks before and after (CJK, inline objects) */
  SHENBAO_BREAK_ALPHABETIC,    /* joins its alphabetic neighbours (Latin, digits) */
  SHENBAO_BREAK_SPACE,         /* a break opportunity, dropped at a line's end */
  SHENBAO_BREAK_CLOSING,       /* never starts a line */
  SHENBAO_BREAK_OPENING,       /* never ends a line */
  SHENBAO_BREAK_NEWLINE,       /* ends the line */
} ShenbaoBreakClass;

typedef struct
{
  double            width;
  ShenbaoBreakClass break_class;
  gboolean          glued;   /* the line may not break before it (inside a word) */
} ShenbaoBreakItem;

/* U+2060 WORD JOINER between two characters keeps them on one line: the
 * words of a form's labels (工作单位, 职业、工种) are joined so. It is never
 * shown: shenbao_line_break_text() leaves it out of the lines. */
#define SHENBAO_WORD_JOINER 0x2060

/* One line: items [start, end) are shown; the spaces that ended it and a
 * newline are not counted in end. width is the sum of the shown items. */
typedef struct
{
  guint  start;
  guint  end;
  double width;
} ShenbaoLineSpan;

ShenbaoBreakClass shenbao_break_class_of (gunichar c);

/* Breaks the items into lines no wider than max_width, breaking a run that
 * has no allowed break (a word longer than the line) where it must, and
 * leaving no line of one or two items at the end of a paragraph (“内。”)
 * when the line before can give it some. Returns
 * an array of ShenbaoLineSpan; an empty input gives no line. */
GArray *shenbao_line_break_items (const ShenbaoBreakItem *items,
                                  guint                   n_items,
                                  double                  max_width);

typedef double (*ShenbaoCharWidthFunc) (gunichar c,
                                        gpointer user_data);

/* The text's lines no wider than max_width, each character measured by
 * char_width; newlines in the text end lines, word joiners keep their
 * neighbours together. */
GStrv   shenbao_line_break_text  (const char            *text,
                                  double                 max_width,
                                  ShenbaoCharWidthFunc   char_width,
                                  gpointer               user_data);

/* The least width, down to the text's widest word (a joined word, a
 * number: the text breaks only between words), that still breaks the text
 * into n_lines lines no wider than max_width: a centred label's lines even. */
double  shenbao_line_break_text_balanced_width (const char           *text,
                                                double                max_width,
                                                guint                 n_lines,
                                                ShenbaoCharWidthFunc  char_width,
                                                gpointer              user_data);

/* For each character of text, whether a word starts there, by ICU's word
 * breaking, whose dictionary knows Chinese words: a value such as
 * 数据分析处理工程技术人员 may break between 处理 and 工程, not inside 工程.
 * Sets n_chars to the number of characters. */
gboolean *shenbao_line_break_word_starts (const char *text,
                                          glong      *n_chars);

G_END_DECLS
