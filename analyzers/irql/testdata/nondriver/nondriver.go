// Package nondriver does not use the runtime: the pass says nothing, even
// about names that look like DDIs and directives.
package nondriver

import "sync"

var mu sync.Mutex

// MSleep is not NdisMSleep.
func MSleep(us uint32) {}

//ndis:irql max=BOGUS
func clCloseCallComplete() {
	mu.Lock()
	MSleep(1)
}
