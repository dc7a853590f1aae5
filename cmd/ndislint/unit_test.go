package main

import (
	"testing"
)

func TestVetRequested(t *testing.T) {
	for _, c := range []struct {
		flags []string
		want  bool
	}{
		{nil, false},
		{[]string{"-vet"}, true},
		{[]string{"--vet"}, true},
		{[]string{"-vet=true"}, true},
		{[]string{"-vet=false"}, false},
		{[]string{"-vet", "-vet=0"}, false},
		{[]string{"-vet=maybe"}, false},
		{[]string{"-vetx"}, false},
		{[]string{"-c", "3", "-vet"}, true},
	} {
		if got := vetRequested(c.flags); got != c.want {
			t.Errorf("vetRequested(%q) = %v, want %v", c.flags, got, c.want)
		}
	}
}

// TestVetSuiteNames checks that the suite has no duplicate and no name that
// clashes with an ndislint pass (unitchecker registers a flag per name).
func TestVetSuiteNames(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range append(passes(), vetSuite()...) {
		if seen[a.Name] {
			t.Errorf("analyzer name %s appears twice", a.Name)
		}
		seen[a.Name] = true
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aa bb cc dd", 5)
	if want := "aa bb\ncc dd"; got != want {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if got := wrap("averylongword x", 4); got != "averylongword\nx" {
		t.Errorf("wrap of a long word = %q", got)
	}
}
