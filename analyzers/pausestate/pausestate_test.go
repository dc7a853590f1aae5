package pausestate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/pausestate"
)

func TestPausestate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pausestate.Analyzer, "example.com/t/miniport", "example.com/t/filter")
}
