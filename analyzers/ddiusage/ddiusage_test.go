package ddiusage_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/ddiusage"
)

func TestDDIUsage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ddiusage.Analyzer,
		"example.com/t/context", "example.com/t/limits", "example.com/t/flags", "example.com/t/pairs", "example.com/t/pairsclean",
		"example.com/t/helpers", "example.com/t/crosspkg", "example.com/t/companion", "example.com/t/companionclean")
}
