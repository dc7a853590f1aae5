// Package nondriver does not use the runtime and carries no //ndis:
// directive: the pass says nothing, even about names that look like DDIs.
package nondriver

import "sync"

var mu sync.Mutex

// MSleep is not NdisMSleep.
func MSleep(us uint32) {}

// clCloseCallComplete only has the name of a callback.
func clCloseCallComplete() {
	mu.Lock()
	MSleep(1)
}
