/* Prints the man page's KEYS section from the TUI's key table. */
#include "config.h"

#include <stdio.h>

#include "tui/keys.h"

int main(void)
{
	keys_write_man(stdout);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
