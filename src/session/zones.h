/* Where the mouse can act on the screen: the renderer marks the zones as it
 * draws, the session acts on the one clicked. No curses. */
#ifndef SLOTEXPLORE_ZONES_H
#define SLOTEXPLORE_ZONES_H

enum zone_kind { ZONE_NONE, ZONE_ATTRS, ZONE_INSTANCES, ZONE_VERSION, ZONE_ABI, ZONE_VALUES,
                 ZONE_ACCOUNTING, ZONE_ROW, ZONE_CHART };

struct zone {
	enum zone_kind kind;
	int x, y, w, h;
	int index;       /* ZONE_ROW: position in the visible order */
};

#endif
