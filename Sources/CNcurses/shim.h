// C shim over ncursesw for Swift: wide-character functions on, and the globals and macros that
// Swift cannot import (or that Swift 6 rejects as shared mutable state) wrapped in functions.
#ifndef PNSDOCTOR_CNCURSES_SHIM_H
#define PNSDOCTOR_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <poll.h>
#include <unistd.h>

static inline WINDOW *pns_stdscr(void) { return stdscr; }
static inline int pns_lines(void) { return LINES; }
static inline int pns_cols(void) { return COLS; }
static inline int pns_colors(void) { return COLORS; }
static inline int pns_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t pns_a_bold(void) { return A_BOLD; }
static inline attr_t pns_a_reverse(void) { return A_REVERSE; }
static inline attr_t pns_a_dim(void) { return A_DIM; }
static inline attr_t pns_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pns_color_pair(int pair) { return COLOR_PAIR(pair); }

static inline int pns_key_code_yes(void) { return KEY_CODE_YES; }
static inline int pns_key_resize(void) { return KEY_RESIZE; }
static inline int pns_key_mouse(void) { return KEY_MOUSE; }

static inline int pns_codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (codeset[0] == 'U' || codeset[0] == 'u') && (codeset[1] == 'T' || codeset[1] == 't');
}

/// Sets the locale from the environment. Returns 1 when its character set is UTF-8, 0 when it
/// is another one, and 2 when the environment names a locale this machine does not have (an
/// SSH client forwarding its LANG) and C.UTF-8 was set instead, so that wide characters still
/// work.
static inline int pns_setlocale_utf8(void) {
  if (setlocale(LC_ALL, "") == NULL) {
    if (setlocale(LC_ALL, "C.UTF-8") != NULL && pns_codeset_is_utf8()) { return 2; }
    setlocale(LC_ALL, "");
  }
  return pns_codeset_is_utf8();
}

/// Columns a character takes on this terminal (-1 for non-printable).
static inline int pns_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// Writes one cell: up to 4 code points (a character and its combining marks) with attributes
/// and a colour pair.
static inline int pns_put_cell(int y, int x, const unsigned int *scalars, int count, attr_t attributes, short pair) {
  wchar_t text[6] = {0};
  for (int i = 0; i < count && i < 5; i++) { text[i] = (wchar_t)scalars[i]; }
  cchar_t cell;
  if (setcchar(&cell, text, attributes, pair, NULL) != OK) { return ERR; }
  return mvwadd_wch(stdscr, y, x, &cell);
}

/// Reads one key or character; returns the get_wch status (OK, KEY_CODE_YES or ERR).
static inline int pns_get_wch(unsigned int *value) {
  wint_t read = 0;
  int status = wget_wch(stdscr, &read);
  *value = (unsigned int)read;
  return status;
}

/// Mouse: wheel and button-1 clicks, reported without delay.
static inline void pns_enable_mouse(void) {
  mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
  mouseinterval(0);
}

/// The last mouse event: 1 wheel up, 2 wheel down, 3 click; with its row and column.
static inline int pns_mouse_event(int *y, int *x) {
  MEVENT event;
  if (getmouse(&event) != OK) { return 0; }
  *y = event.y;
  *x = event.x;
  if (event.bstate & BUTTON4_PRESSED) { return 1; }
  if (event.bstate & BUTTON5_PRESSED) { return 2; }
  if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) { return 3; }
  return 0;
}

/// Codes get_wch reports for the start and the end of a bracketed paste (ESC[200~, ESC[201~).
static inline int pns_paste_start_key(void) { return KEY_MAX + 1; }
static inline int pns_paste_end_key(void) { return KEY_MAX + 2; }
static inline void pns_define_paste_keys(void) {
  define_key("\033[200~", KEY_MAX + 1);
  define_key("\033[201~", KEY_MAX + 2);
}

/// Asks the terminal for its size (ioctl is variadic, so Swift cannot call it); when it differs
/// from what curses believes, resizes curses. Returns 1 when the size changed.
static inline int pns_sync_terminal_size(void) {
  struct winsize size;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) { return 0; }
  if (size.ws_row == LINES && size.ws_col == COLS) { return 0; }
  resizeterm(size.ws_row, size.ws_col);
  return 1;
}

/// Whether the terminal has gone away (its window closed, the SSH link dropped): standard input
/// reports a hang-up or an error. Then reads fail at once, and the app must stop, not spin.
static inline int pns_terminal_gone(void) {
  struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
  if (poll(&input, 1, 0) < 0) { return 0; }
  return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/// Writes raw control text to the terminal (to switch bracketed paste on and off).
static inline void pns_write_control(const char *sequence) {
  fputs(sequence, stdout);
  fflush(stdout);
}

#endif
