/* libFuzzer target: any bytes as a profile file must load or give a
 * one-line message; a profile that loads must evaluate without faults. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/model.h"
#include "core/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct profile pr;
	char err[300];
	memset(&pr, 0, sizeof pr);
	if (!profile_parse((const char *)data, size, "fuzz.profile", &pr, err, sizeof err))
		return 0;
	for (int abi = 0; abi < ABI_COUNT; abi++) {
		struct model_setting s = { .profile = &pr, .abi = (enum abi)abi, .attrs = 31,
		                           .instances = 1000 };
		value_list_single(&s.values, &(struct value_spec){ .type = VALUE_NONE, .shared = true });
		if (!model_setting_check(&s, err, sizeof err))
			continue;
		struct model_eval e;
		model_evaluate_all(&s, &e);
	}
	return 0;
}
