// Package cattest lets a pass's tests run the passes with an edited
// catalogue, to prove that the catalogue, not the pass's code, decides what
// is checked.
package cattest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/rules"
)

// Use makes the front end read, until the test ends, the embedded catalogue
// as edit leaves it (it must still load). Tests that use it must not run in
// parallel with other analyses: the front end's -catalogue flag is one per
// process.
func Use(t *testing.T, edit func(t *testing.T, c *rules.Catalogue)) {
	t.Helper()
	data, err := rules.EditDefault(func(c *rules.Catalogue) { edit(t, c) })
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "catalogue.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	setFlag(t, file)
	t.Cleanup(func() { setFlag(t, "") })
}

// setFlag sets the front end's -catalogue flag.
func setFlag(t *testing.T, file string) {
	t.Helper()
	if err := ndisfacts.Analyzer.Flags.Set("catalogue", file); err != nil {
		t.Fatal(err)
	}
}
