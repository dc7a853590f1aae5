package engine

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// guard is what a possibility needs of a status value: that it is one of
// vals (only) or none of them (!only). The value is a DDI call's result or
// a parameter (a callback's Status); the names are NDIS_STATUS names, or
// NULL.
type guard struct {
	val  ssa.Value
	only bool
	vals []string // sorted
}

// guardID identifies a guard: guards are interned per engine, so that two
// possibilities with the same guard have the same pointer.
type guardID struct {
	val  ssa.Value
	only bool
	vals string
}

// intern returns the engine's one guard equal to g.
func (e *Engine) intern(g guard) *guard {
	id := guardID{val: g.val, only: g.only, vals: strings.Join(g.vals, "\x00")}
	if x, ok := e.guards[id]; ok {
		return x
	}
	x := &g
	e.guards[id] = x
	return x
}

// guardOf returns the guard a condition puts on val.
func (e *Engine) guardOf(val ssa.Value, c *rules.Cond) *guard {
	vals := append([]string(nil), c.Values...)
	sort.Strings(vals)
	return e.intern(guard{val: val, only: c.Op == "==", vals: vals})
}

// admits reports whether the guarded value may be name.
func (g *guard) admits(name string) bool {
	return contains(g.vals, name) == g.only
}

// refine returns the guard after a branch found the value equal (eq) or
// not equal to name, and false when the branch excludes it.
func (e *Engine) refine(g *guard, name string, eq bool) (*guard, bool) {
	switch {
	case eq && !g.admits(name):
		return nil, false
	case eq:
		return e.intern(guard{val: g.val, only: true, vals: []string{name}}), true
	case g.only:
		left := minus(g.vals, name)
		if len(left) == 0 {
			return nil, false
		}
		return e.intern(guard{val: g.val, only: true, vals: left}), true
	case contains(g.vals, name):
		return g, true
	}
	vals := append(append([]string(nil), g.vals...), name)
	sort.Strings(vals)
	return e.intern(guard{val: g.val, only: false, vals: vals}), true
}

// moved returns g on another value (a callee's result become the call's).
func (e *Engine) moved(g *guard, val ssa.Value) *guard {
	c := *g
	c.val = val
	return e.intern(c)
}

// key identifies the guard in a possibility's identity.
func (g *guard) key() string {
	if g == nil {
		return ""
	}
	op := "!="
	if g.only {
		op = "=="
	}
	return fmt.Sprintf("%p%s%s", g.val, op, strings.Join(g.vals, ","))
}

// String describes the guard ("== NDIS_STATUS_SUCCESS").
func (g *guard) String() string {
	if g == nil {
		return ""
	}
	op := "!="
	if g.only {
		op = "=="
	}
	return op + " " + strings.Join(g.vals, ", ")
}

// contains reports whether xs holds x.
func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// minus returns xs without x.
func minus(xs []string, x string) []string {
	var out []string
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}
