package ndisfacts_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
)

// TestWhichPackagesAreAnalysed: a package that imports the runtime, one
// that only states a contract, and one that only imports the latter are
// analysed (their fact says why); a plain package and one whose comment
// only looks like a directive are not, and get no fact.
func TestWhichPackagesAreAnalysed(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ndisfacts.Analyzer, "example.com/t/...")
}
