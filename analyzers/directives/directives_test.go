package directives_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/directives"
)

// TestDirectives runs the pass over testdata, a module that requires this
// repository through a replace, so the test packages type-check against
// the real runtime.
func TestDirectives(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, directives.Analyzer, "example.com/t/...")
}
