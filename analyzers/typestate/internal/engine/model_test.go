package engine

import (
	"sort"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestDeadStates checks, on the embedded catalogue, the states in which
// each lifetime's handle is invalid: reached only through an edge that
// invalidates the handle or the context.
func TestDeadStates(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		rules.ObjectVcClient: "deleted",
		rules.ObjectVcCM:     "deleted handle-dead",
		rules.ObjectAf:       "closed closing",
		rules.ObjectSap:      "deregistering gone",
		rules.ObjectParty:    "dropped dropping",
		rules.ObjectAfCM:     "closed",
		rules.ObjectSapCM:    "gone",
		rules.ObjectPartyCM:  "dropped",
	}
	m := newModel(c)
	for _, l := range m.lives {
		var got []string
		for s := range l.dead {
			got = append(got, s)
		}
		sort.Strings(got)
		if w, ok := want[l.L.Object]; ok && strings.Join(got, " ") != w {
			t.Errorf("%s: dead states %v, want %s", l.L.Object, got, w)
		}
	}
}

// TestGuardRefine checks what branches on a status leave of a guard.
func TestGuardRefine(t *testing.T) {
	e := &Engine{guards: map[guardID]*guard{}}
	pending := e.guardOf(nil, &rules.Cond{Op: "==", Values: []string{rules.StatusPending}})
	other := e.guardOf(nil, &rules.Cond{Op: "!=", Values: []string{rules.StatusPending}})
	for _, tc := range []struct {
		g      *guard
		name   string
		eq, ok bool
		left   string
	}{
		{pending, rules.StatusPending, true, true, "== " + rules.StatusPending},
		{pending, rules.StatusPending, false, false, ""},
		{pending, rules.StatusSuccess, true, false, ""},
		{pending, rules.StatusSuccess, false, true, "== " + rules.StatusPending},
		{other, rules.StatusPending, true, false, ""},
		{other, rules.StatusSuccess, true, true, "== " + rules.StatusSuccess},
		{other, rules.StatusSuccess, false, true, "!= " + rules.StatusPending + ", " + rules.StatusSuccess},
	} {
		g, ok := e.refine(tc.g, tc.name, tc.eq)
		if ok != tc.ok || (ok && g.String() != tc.left) {
			t.Errorf("%s refined by %s (eq %t): %v %q, want %v %q", tc.g, tc.name, tc.eq, ok, g, tc.ok, tc.left)
		}
	}
	if e.guardOf(nil, &rules.Cond{Op: "==", Values: []string{rules.StatusPending}}) != pending {
		t.Errorf("equal guards are not interned")
	}
}

// TestUncovered checks the guard of the outcomes no edge covers.
func TestUncovered(t *testing.T) {
	e := &Engine{guards: map[guardID]*guard{}}
	eq := func(v string) *rules.Cond { return &rules.Cond{Op: "==", Values: []string{v}} }
	ne := func(v string) *rules.Cond { return &rules.Cond{Op: "!=", Values: []string{v}} }
	for _, tc := range []struct {
		conds []*rules.Cond
		want  string
	}{
		{[]*rules.Cond{eq(rules.StatusPending)}, "!= " + rules.StatusPending},
		{[]*rules.Cond{eq(rules.StatusPending), eq(rules.StatusSuccess)}, "!= " + rules.StatusPending + ", " + rules.StatusSuccess},
		{[]*rules.Cond{eq(rules.StatusSuccess), ne(rules.StatusSuccess)}, ""},
		{[]*rules.Cond{ne(rules.StatusPending)}, "== " + rules.StatusPending},
	} {
		if got := e.uncovered(nil, tc.conds).String(); got != tc.want {
			t.Errorf("%v: uncovered %q, want %q", tc.conds, got, tc.want)
		}
	}
}
