/* A real JSON parser for the batch tests (jansson).
 *   json_check schema  < out.json   checks the batch JSON schema
 *   json_check get PATH < out.json  prints a value: kinds.0.requested */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what)
{
	fprintf(stderr, "json_check: %s\n", what);
	return 1;
}

static int check_schema(json_t *root)
{
	static const char *const top[] = { "python_version", "abi", "attrs", "instances", "kinds",
		                            "values", "accounting", "container" };
	for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
		if (!json_object_get(root, top[i])) {
			fprintf(stderr, "json_check: missing top-level key '%s'\n", top[i]);
			return 1;
		}
	if (!json_is_string(json_object_get(root, "python_version")) ||
	    !json_is_integer(json_object_get(root, "attrs")) ||
	    !json_is_integer(json_object_get(root, "instances")))
		return fail("python_version/attrs/instances have the wrong type");
	json_t *kinds = json_object_get(root, "kinds");
	if (!json_is_array(kinds) || json_array_size(kinds) == 0)
		return fail("kinds is not a non-empty array");
	static const char *const per_kind[] = { "kind", "getsizeof", "requested", "allocated", "deep",
		                                 "per_class", "total_allocated", "breakdown" };
	size_t i;
	json_t *k;
	json_array_foreach(kinds, i, k) {
		if (!json_is_true(json_object_get(k, "available"))) {
			if (!json_is_string(json_object_get(k, "reason")))
				return fail("an unavailable kind has no reason");
			continue;
		}
		for (size_t j = 0; j < sizeof per_kind / sizeof per_kind[0]; j++)
			if (!json_object_get(k, per_kind[j])) {
				fprintf(stderr, "json_check: kind %zu lacks '%s'\n", i, per_kind[j]);
				return 1;
			}
		/* each breakdown adds up to its figure */
		json_t *bd = json_object_get(k, "breakdown");
		const char *acc;
		json_t *parts;
		json_object_foreach(bd, acc, parts) {
			json_int_t sum = 0;
			const char *part;
			json_t *bytes;
			json_object_foreach(parts, part, bytes) sum += json_integer_value(bytes);
			json_int_t fig = json_integer_value(json_object_get(k, acc));
			const char *kind = json_string_value(json_object_get(k, "kind"));
			bool singleton = strcmp(acc, "getsizeof") == 0 && strcmp(kind, "tuple") == 0 &&
			                 json_integer_value(json_object_get(root, "attrs")) == 0;
			if (sum != fig && !singleton) {
				fprintf(stderr, "json_check: %s %s breakdown sums to %lld, figure is %lld\n", kind,
				        acc, (long long)sum, (long long)fig);
				return 1;
			}
		}
	}
	return 0;
}

static int get(json_t *root, const char *path)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", path);
	json_t *cur = root;
	for (char *tok = strtok(buf, "."); tok && cur; tok = strtok(NULL, ".")) {
		if (json_is_array(cur))
			cur = json_array_get(cur, strtoul(tok, NULL, 10));
		else
			cur = json_object_get(cur, tok);
	}
	if (!cur)
		return fail("path not found");
	if (json_is_string(cur))
		printf("%s\n", json_string_value(cur));
	else {
		char *s = json_dumps(cur, JSON_ENCODE_ANY | JSON_COMPACT);
		printf("%s\n", s);
		free(s);
	}
	return 0;
}

int main(int argc, char **argv)
{
	json_error_t error;
	json_t *root = json_loadf(stdin, 0, &error);
	if (!root) {
		fprintf(stderr, "json_check: invalid JSON at line %d: %s\n", error.line, error.text);
		return 1;
	}
	int rc;
	if (argc == 2 && strcmp(argv[1], "schema") == 0)
		rc = check_schema(root);
	else if (argc == 3 && strcmp(argv[1], "get") == 0)
		rc = get(root, argv[2]);
	else
		rc = fail("usage: json_check schema | json_check get PATH");
	json_decref(root);
	return rc;
}
