package irql

import (
	"go/token"
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
)

// Kinds of cause of a bound on the entry IRQL.
const (
	boundEntry = iota // the role, the contract, or nothing known
	boundCheck        // a test of KeGetCurrentIrql
	boundReq          // an earlier call's requirement on this path
	lockHeld          // a lock taken in the normal form raised the IRQL
)

// cause says why something holds, for messages and related positions.
type cause struct {
	pos  token.Pos
	text string
	kind int
}

// held is a lock (a spin lock, or a read-write lock state) held on a path.
type held struct {
	key  string // the lock's access path
	name string // how messages name it, with its noun (spin lock c.lock)
	noun string // what it is (spin lock), the catalogue's Lock.Noun
	// saved is the IRQL the acquire found, which a normal-form release
	// restores.
	saved val
	pos   token.Pos // the acquire
	ddi   string    // the routine that acquired it
	dpr   bool      // acquired with the Dpr (AtDpcLevel) form
	maybe bool      // held on some incoming paths only
}

// state is what the pass knows at one point of one path.
type state struct {
	cur val
	why cause // why cur has an absolute part
	// eLo and eHi bound the entry IRQL on this path.
	eLo, eHi     level
	loWhy, hiWhy cause
	locks        []held
	// lost: a lock could not be identified; lock checks say nothing.
	lost bool
	// saved maps a memory location to the IRQL stored there.
	saved map[string]val
	// released are locks released here without being acquired here.
	released []irqlsum.LockOp
	// defers are the deferred calls pending, in order.
	defers    []*ssa.Defer
	deferLost bool
	// relSplit is the path of a lock released without being acquired on
	// some of the paths merged here only ("" for none).
	relSplit string
	// relNoun is how messages name that lock (spin lock).
	relNoun string
	// sets are the arguments of the latest calls that value-dependent
	// bounds look back to, by setKey.
	sets map[string]setArg
}

// clone returns a copy that shares nothing mutable with s.
func (s *state) clone() *state {
	c := *s
	c.locks = slices.Clone(s.locks)
	c.saved = maps.Clone(s.saved)
	c.released = slices.Clone(s.released)
	c.defers = slices.Clone(s.defers)
	c.sets = maps.Clone(s.sets)
	return &c
}

// findLock returns the index of the held lock with key, or -1.
func (s *state) findLock(key string) int {
	for i := len(s.locks) - 1; i >= 0; i-- {
		if s.locks[i].key == key {
			return i
		}
	}
	return -1
}

// definitelyHeld returns the locks held on every path.
func (s *state) definitelyHeld() []held {
	var out []held
	for _, h := range s.locks {
		if !h.maybe {
			out = append(out, h)
		}
	}
	return out
}

// joinStates merges the state of another incoming edge into s.
func joinStates(s, t *state) *state {
	out := s.clone()
	out.cur = join(s.cur, t.cur)
	if !s.cur.abs && t.cur.abs {
		out.why = t.why
	}
	if t.eLo < out.eLo {
		out.eLo, out.loWhy = t.eLo, t.loWhy
	}
	if t.eHi > out.eHi {
		out.eHi, out.hiWhy = t.eHi, t.hiWhy
	}
	out.lost = s.lost || t.lost
	out.locks = joinLocks(s.locks, t.locks)
	for k, v := range t.saved {
		if w, ok := out.saved[k]; ok {
			out.saved[k] = join(v, w)
		} else {
			if out.saved == nil {
				out.saved = map[string]val{}
			}
			out.saved[k] = unknownVal
		}
	}
	for k := range out.saved {
		if _, ok := t.saved[k]; !ok {
			out.saved[k] = unknownVal
		}
	}
	if !slices.Equal(s.released, t.released) {
		out.lost = true
		out.released = nil
		if out.relSplit == "" {
			op := splitRelease(s.released, t.released)
			out.relSplit, out.relNoun = op.Path, op.Noun
		}
	}
	if out.relSplit == "" {
		out.relSplit, out.relNoun = t.relSplit, t.relNoun
	}
	if !slices.Equal(s.defers, t.defers) {
		out.deferLost = true
	}
	out.deferLost = out.deferLost || t.deferLost
	for k, v := range out.sets {
		if w, ok := t.sets[k]; !ok || w.v != v.v {
			delete(out.sets, k)
		}
	}
	return out
}

// splitRelease returns the release of a lock on one side only (its Path is
// "" for none).
func splitRelease(a, b []irqlsum.LockOp) irqlsum.LockOp {
	for _, op := range a {
		if !slices.Contains(b, op) {
			return op
		}
	}
	for _, op := range b {
		if !slices.Contains(a, op) {
			return op
		}
	}
	return irqlsum.LockOp{}
}

// joinLocks keeps the locks held on both sides, and marks the ones held on
// one side only as maybe held.
func joinLocks(a, b []held) []held {
	var out []held
	for _, h := range a {
		i := slices.IndexFunc(b, func(g held) bool { return g.key == h.key })
		if i < 0 {
			h.maybe = true
		} else {
			h.maybe = h.maybe || b[i].maybe || b[i].dpr != h.dpr
			h.saved = join(h.saved, b[i].saved)
		}
		out = append(out, h)
	}
	for _, g := range b {
		if !slices.ContainsFunc(a, func(h held) bool { return h.key == g.key }) {
			g.maybe = true
			out = append(out, g)
		}
	}
	return out
}

// sameState reports whether s and t say the same (causes aside), for the
// fixed point.
func sameState(s, t *state) bool {
	if s.cur != t.cur || s.eLo != t.eLo || s.eHi != t.eHi || s.lost != t.lost || s.deferLost != t.deferLost || s.relSplit != t.relSplit {
		return false
	}
	if len(s.locks) != len(t.locks) || !maps.Equal(s.saved, t.saved) || !slices.Equal(s.released, t.released) || !slices.Equal(s.defers, t.defers) || !maps.Equal(s.sets, t.sets) {
		return false
	}
	for i := range s.locks {
		a, b := s.locks[i], t.locks[i]
		if a.key != b.key || a.saved != b.saved || a.dpr != b.dpr || a.maybe != b.maybe {
			return false
		}
	}
	return true
}
