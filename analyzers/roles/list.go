package roles

import (
	"strconv"
	"strings"
)

// shownItems is how many items of a list a message names; the rest are
// counted ("and 13 more") and listed in the diagnostic's related
// information, one entry each.
const shownItems = 3

// cutList spells items for a message: all of them, joined by ", ", when
// there are at most shownItems; else the first shownItems and "and N
// more".
func cutList(items []string) string {
	if len(items) <= shownItems {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:shownItems], ", ") + " and " + strconv.Itoa(len(items)-shownItems) + " more"
}
