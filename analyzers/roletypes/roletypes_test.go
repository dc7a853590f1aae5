package roletypes_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/roletypes"
)

// TestRoles runs the pass over testdata, a module that requires this
// repository through a replace, so the packages type-check against the
// real runtime.
func TestRoles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), roletypes.Analyzer,
		"example.com/t/mismatch")
}
