/* Where slotexplore keeps its files (XDG base directories). */
#ifndef SLOTEXPLORE_XDG_H
#define SLOTEXPLORE_XDG_H

#include <stdbool.h>
#include <stddef.h>

enum xdg_dir { XDG_CONFIG, XDG_STATE };

/* $XDG_CONFIG_HOME/slotexplore/NAME (default ~/.config/...) or
 * $XDG_STATE_HOME/slotexplore/NAME (default ~/.local/state/...); false when
 * neither the variable (absolute) nor HOME is set. */
bool xdg_path(enum xdg_dir dir, const char *name, char *buf, size_t n);
/* mkdir -p for the directory part of path (0700); false with errno set. */
bool xdg_make_parents(const char *path);

#endif
