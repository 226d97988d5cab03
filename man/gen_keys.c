/* Prints the man page's KEYS or COMMANDS section from the tables that also
 * drive the help screen and the command help. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd/commands.h"
#include "session/keys.h"

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "keys") == 0)
		keys_write_man(stdout);
	else if (argc == 2 && strcmp(argv[1], "commands") == 0)
		cmd_write_man(stdout);
	else {
		fprintf(stderr, "usage: gen_keys keys|commands\n");
		return 2;
	}
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
