package typestate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/typestate"
)

func TestTypestate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), typestate.Analyzer,
		"example.com/t/afclose", "example.com/t/sapparty", "example.com/t/cmside", "example.com/t/vcstate", "example.com/t/afbusy", "example.com/t/helpers", "example.com/t/helperlib", "example.com/t/crosspkg")
}
