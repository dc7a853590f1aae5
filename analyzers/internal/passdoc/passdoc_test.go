package passdoc

import (
	"strings"
	"testing"
)

const src = `// Package demo does a thing.
//
// # Analyzer demo
//
// demo: check a thing
//
// The thing is checked.
//
// # Other
//
// Not part of it.
package demo
`

func TestExtract(t *testing.T) {
	got, err := Extract(src, "demo")
	if err != nil {
		t.Fatal(err)
	}
	if want := "check a thing\n\nThe thing is checked."; got != want {
		t.Errorf("Extract = %q, want %q", got, want)
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct{ src, name, want string }{
		{src, "other", `no "# Analyzer other" section`},
		{strings.Replace(src, "demo: check", "check", 1), "demo", "must begin with"},
		{"package demo\n", "demo", "no package comment"},
		{"not go", "demo", "parsing doc.go"},
	} {
		if _, err := Extract(tc.src, tc.name); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Extract(%q): err = %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}
