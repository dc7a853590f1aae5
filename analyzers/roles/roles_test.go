package roles_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/roles"
)

// TestRoles runs the pass over testdata, a module that requires this
// repository through a replace, so the packages type-check against the
// real runtime.
func TestRoles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), roles.Analyzer,
		"example.com/t/mismatch", "example.com/t/conflict", "example.com/t/prototype", "example.com/t/directive", "example.com/t/statuses", "example.com/t/optional",
		"example.com/t/mandatoryclean", "example.com/t/wellformed", "example.com/t/nondriver",
		"example.com/t/handlerpkg", "example.com/t/crosspkg", "example.com/t/undeclaredmcm")
}

// TestFixes checks the suggested fixes against the .golden files: the
// directive role-undeclared adds, the handlers role-missing-handler
// generates.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), roles.Analyzer,
		"example.com/t/undeclared", "example.com/t/mandatory", "example.com/t/mandatorycm")
}
