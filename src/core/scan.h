/* --scan: the classes of Python source files, as data/probe.py's scan
 * request reads them with the interpreter's ast module (nothing is imported
 * or run), judged class by class (could it take __slots__, and if not why),
 * with what the model says __slots__ would save per instance. No curses. */
#ifndef SLOTEXPLORE_SCAN_H
#define SLOTEXPLORE_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/kinds.h"
#include "core/model.h"
#include "core/probe_client.h"
#include "core/profile.h"

#define SCAN_MAX_CLASSES 50000
#define SCAN_MAX_ERRORS 50000
#define SCAN_PHRASE 400            /* one reason or note */

/* What the class is, as its source says. */
enum scan_kind {
	SCAN_REGULAR, SCAN_DATACLASS, SCAN_TYPING_NAMEDTUPLE, SCAN_NAMEDTUPLE,
	SCAN_NAMEDTUPLE_SUBCLASS, SCAN_ENUM, SCAN_EXCEPTION, SCAN_TYPEDDICT, SCAN_PROTOCOL,
	SCAN_KIND_COUNT
};
const char *scan_kind_name(enum scan_kind k);           /* "regular", "dataclass", ... */

/* What the class's own code does (scan_class.uses, bit per value). */
enum scan_use {
	USE_VARS = 1 << 0,          /* vars(self) */
	USE_DICT = 1 << 1,          /* self.__dict__ */
	USE_DICT_WRITE = 1 << 2,    /* self.__dict__ or vars(self) updated */
	USE_SETATTR = 1 << 3,       /* setattr(self, computed, v) */
	USE_WEAKREF = 1 << 4,       /* weakref.ref(self) and the like */
	USE_ALIAS = 1 << 5,         /* a method's first parameter is not named self */
	USE_GETATTR_HOOK = 1 << 6,  /* __getattr__ or __setattr__ defined */
	USE_FIELDS_UNKNOWN = 1 << 7 /* a namedtuple whose fields are not literal */
};
/* What the module does outside classes (scan_class.module_uses). */
enum scan_module_use {
	MUSE_VARS = 1 << 0, MUSE_DICT = 1 << 1, MUSE_SETATTR = 1 << 2, MUSE_WEAKREF = 1 << 3
};

enum scan_verdict {
	VERDICT_CANDIDATE,       /* could take __slots__ as it is */
	VERDICT_BLOCKED,         /* could, once something else changes (reasons) */
	VERDICT_UNKNOWN,         /* its attributes cannot be determined */
	VERDICT_SLOTTED,         /* already compact: __slots__, slots=True, a namedtuple */
	VERDICT_NOT_APPLICABLE,  /* an enum, an exception, a TypedDict, a Protocol */
	VERDICT_COUNT
};
const char *scan_verdict_name(enum scan_verdict v);     /* "candidate", ... */

/* A comma-separated list from a reply, decoded. */
struct scan_list {
	unsigned n;
	char **item;
};


struct scan_class {
	char *file, *name;
	unsigned line;
	enum scan_kind kind;
	struct scan_list options;     /* the dataclass decorator's True keywords */
	int slots_state;              /* 0 no __slots__, 1 a literal one, 2 not a literal */
	struct scan_list slots, attrs, fields, extra, inherited, defaults, bases, unknown_bases,
	                 unslotted_bases, subclasses;
	unsigned uses, module_uses;
	bool truncated;
	/* scan_judge's */
	unsigned nattrs;              /* attrs, fields, extra and inherited, each name once */
	enum scan_verdict verdict;
	bool modelled;                /* from/to and the bytes are the model's */
	enum kind from, to;
	uint64_t from_bytes, to_bytes;
	int64_t saving;               /* from_bytes - to_bytes */
	bool by_hand;                 /* a dataclass on a version without slots=True */
};

struct scan_error {
	char *file, *message;
	unsigned line;
};

struct scan_result {
	struct scan_class *classes;
	size_t nclasses, classes_cap;
	struct scan_error *errors;
	size_t nerrors, errors_cap;
	unsigned files;               /* files read (scanfile lines) */
	bool done;                    /* the scandone line came */
};

/* Parses one reply line of a scan into r: 1 it was stored (or was a
 * heartbeat), 0 it was the final scandone line, -1 it is not a scan reply
 * (err says why in one line; an "error" reply's text is given whole). */
int scan_parse_reply(struct scan_result *r, const char *line, char *err, size_t errlen);
void scan_result_free(struct scan_result *r);

/* Sends "scan path=PATH" to a running probe and reads its replies: every
 * reply line within timeout_ms of the one before (the probe answers a line
 * per file read). False with a one-line reason; on a timeout, a flood or an
 * early end the child is stopped. */
bool scan_run(struct probe_client *pc, const char *path, int timeout_ms, struct scan_result *r,
              char *err, size_t errlen);

/* Which of the n verbs (each with its trailing space) the line starts with, or -1. */
int scan_reply_verb(const char *line, const char *const *verbs, int n);
/* The key=value fields of a reply line after its verb (verb_len bytes),
 * into rec; false with a one-line reason naming what ("scan"). */
bool scan_parse_fields(const char *line, size_t verb_len, struct probe_record *rec,
                       const char *what, char *err, size_t errlen);

/* After a reply the parser refused (why): an "error" or "unsupported"
 * reply is the probe's own answer, given as it is; anything else means the
 * child does not speak the protocol, and it is killed. One line into err
 * ("the WHAT's reply is wrong: ..."). */
void scan_refused_reply(struct probe_client *pc, const char *line, const char *why,
                        const char *what, char *err, size_t errlen);

/* The verdict, and for a class whose attributes are known the model's
 * bytes per instance now and with __slots__, on profile/abi in accounting. */
void scan_judge(struct scan_class *c, const struct profile *pr, enum abi abi,
                enum accounting acc);

/* The model's bytes per instance of c's kind now and with __slots__ (what
 * scan_judge fills in), for nattrs attributes; false when the model has no
 * figure for it (c->modelled false). */
bool scan_model_saving(struct scan_class *c, unsigned nattrs, const struct profile *pr, enum abi abi,
                       enum accounting acc);

/* Pieces of the reply parser that the census's replies share: %XX back to
 * a malloc'ed string (printable, UTF-8); a comma list decoded into l; bytes
 * a record's strings freed (bytes that are not UTF-8: text_make_utf8). */
char *scan_decode(const char *in, size_t len);
/* The other way, for a request: %XX outside [A-Za-z0-9_.:/@+<>-], into out
 * (n bytes; a longer text is cut). */
void scan_encode(const char *text, char *out, size_t n);
bool scan_list_parse(const char *text, struct scan_list *l);
void scan_list_free(struct scan_list *l);
/* "a, b, c" into out (n bytes), ending in "..." when it does not fit. */
void scan_list_join(const struct scan_list *l, char *out, size_t n);
void scan_class_free(struct scan_class *c);

/* The reasons and notes of a class, one phrase each, into out (at most
 * max); returns how many. Reasons explain a blocked or unknown verdict;
 * notes apply to any verdict. */
unsigned scan_reasons(const struct scan_class *c, char (*out)[SCAN_PHRASE], unsigned max);
unsigned scan_notes(const struct scan_class *c, char (*out)[SCAN_PHRASE], unsigned max);

#endif
