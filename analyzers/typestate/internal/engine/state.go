package engine

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// key names an object in a function: the path of its handle's root (its
// handle field stripped, see Engine.canon) and the kind of its handle.
type key struct {
	path string
	kind rules.HandleKind
}

// Cause is the event that put an object in a state.
type Cause struct {
	// Pos is the DDI call, or the callback's declaration for a role.
	Pos token.Pos
	// Text names the event: the DDI's NDIS name, or the callback's name
	// and the condition of the role's edge (ProtocolClCloseAfComplete with
	// Status == NDIS_STATUS_SUCCESS).
	Text string
	// Object is the lifetime's Object of the object the event moved.
	Object string
}

// poss is one possibility for an object in one lifetime.
type poss struct {
	// state is the lifetime's state, "" when unknown.
	state string
	// dead is set when the handle is invalid.
	dead bool
	// g is the condition under which the possibility holds, or nil.
	g *guard
	// cause is the event that led to it (nil for an unknown state).
	cause *Cause
}

// pkey identifies a possibility within a set (its cause aside).
type pkey struct {
	state string
	dead  bool
	g     *guard
}

// key returns the possibility's identity.
func (p poss) key() pkey { return pkey{p.state, p.dead, p.g} }

// id renders the possibility's identity (memo keys).
func (p poss) id() string {
	return fmt.Sprintf("%s|%t|%s", p.state, p.dead, p.g.key())
}

// objState is an object's possibilities per lifetime; a lifetime that is
// absent is unknown.
type objState map[*life][]poss

// State is what is known at one point of a function.
type State map[key]objState

// clone returns a copy of s that can be changed without changing s.
func (s State) clone() State {
	out := make(State, len(s))
	for k, o := range s {
		c := make(objState, len(o))
		for l, ps := range o {
			c[l] = ps
		}
		out[k] = c
	}
	return out
}

// set replaces the possibilities of an object in a lifetime.
func (s State) set(k key, l *life, ps []poss) {
	o := s[k]
	if o == nil {
		o = objState{}
		s[k] = o
	}
	o[l] = dedupe(ps)
}

// forget makes an object unknown in a lifetime.
func (s State) forget(k key, l *life) {
	if o := s[k]; o != nil {
		delete(o, l)
		if len(o) == 0 {
			delete(s, k)
		}
	}
}

// dedupe removes repeated possibilities, keeping the first.
func dedupe(ps []poss) []poss {
	out := ps[:0:0]
	for _, p := range ps {
		if !hasPoss(out, p.key()) {
			out = append(out, p)
		}
	}
	return out
}

// hasPoss reports whether ps has a possibility with key k.
func hasPoss(ps []poss, k pkey) bool {
	for _, q := range ps {
		if q.key() == k {
			return true
		}
	}
	return false
}

// join returns what is known after paths with a and b merge: an object in
// a lifetime is known when both know it, with both's possibilities.
func join(a, b State) State {
	out := State{}
	for k, oa := range a {
		ob, ok := b[k]
		if !ok {
			continue
		}
		for l, pa := range oa {
			if pb, ok := ob[l]; ok {
				out.set(k, l, append(append([]poss(nil), pa...), pb...))
			}
		}
	}
	return out
}

// equal reports whether two states know the same.
func equal(a, b State) bool {
	if len(a) != len(b) {
		return false
	}
	for k, oa := range a {
		ob, ok := b[k]
		if !ok || len(oa) != len(ob) {
			return false
		}
		for l, pa := range oa {
			pb, ok := ob[l]
			if !ok || len(pa) != len(pb) {
				return false
			}
			for _, p := range pa {
				if !hasPoss(pb, p.key()) {
					return false
				}
			}
		}
	}
	return true
}

// String renders the state canonically (memo keys, fixpoint tests).
func (s State) String() string {
	var lines []string
	for k, o := range s {
		for l, ps := range o {
			ids := make([]string, len(ps))
			for i, p := range ps {
				ids[i] = p.id()
			}
			sort.Strings(ids)
			lines = append(lines, k.path+"#"+string(k.kind)+"#"+l.L.Object+"="+strings.Join(ids, ";"))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
